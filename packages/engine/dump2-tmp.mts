import { parseBpmn } from './src/parse/parse-bpmn.js';
import { readFileSync } from 'node:fs';
const [f, ...ids] = process.argv.slice(2);
const p = await parseBpmn(readFileSync(f, 'utf8'));
const m = p.processes[0];
const { nodes, flows, ...rest } = m;
console.log(JSON.stringify(rest));
for (const id of ids.length ? ids : Object.keys(nodes)) { const { incoming, outgoing, line, scopeId, id: _i, ...n } = nodes[id] as any; console.log(id, JSON.stringify(n)); }
