import { validateDefinition } from '@pravah/engine';
import { parseBpmn } from '../../../packages/engine/src/parse/parse-bpmn.js';
import { readFileSync } from 'node:fs';
const xml = readFileSync(`/work/main/packages/engine/test/conformance/miwg/B.2.0.bpmn`, 'utf8');
const parsed = await parseBpmn(xml).catch((e) => e);
console.log(parsed.code, parsed.issues?.length);
const v = await validateDefinition(xml);
console.log(v.valid, v.issues.length, v.warnings.length);
