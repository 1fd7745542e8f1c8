import { validateDefinition, parseBpmn } from './src/parse/parse-bpmn.js';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const xml = readFileSync(f, 'utf8');
  const v = await validateDefinition(xml);
  console.log('==', f, v.valid, JSON.stringify(v.issues.map(i => [i.code, i.elementId, i.path, i.elementType])), JSON.stringify(v.warnings.map(i => [i.elementId, i.path, i.message])));
  if (v.valid) { const p = await parseBpmn(xml); if (process.env.DUMP) console.log(JSON.stringify(p.processes, null, 1)); }
}
