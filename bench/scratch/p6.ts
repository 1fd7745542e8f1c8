import { createEngine, memoryStore } from '@pravah/engine';
import { processXml, runPool, now } from '../src/shared.js';
const file = 'w1-straight-through.feel.bpmn';
let tCommit = 0, tStringify = 0, commits = 0, tHist = 0; let sample: any;
const store = memoryStore();
const orig = store.commit.bind(store);
store.commit = async (c) => {
  const t0 = now(); JSON.stringify(c.state); const t1 = now(); JSON.stringify(c.history); const t2 = now();
  const p = orig(c); const t3 = now();
  tStringify += t1 - t0; tHist += t2 - t1; tCommit += t3 - t2; commits++; sample = c; return p;
};
const engine = createEngine({ store });
engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
await engine.deploy(processXml(file));
const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
await runPool(20000, 64, start);
tCommit = tStringify = commits = tHist = 0;
await runPool(20000, 64, start);
console.log({ commits, usPerCommit: (tCommit * 1000 / commits).toFixed(2), usStringifyState: (tStringify * 1000 / commits).toFixed(2), usStringifyHistory: (tHist * 1000 / commits).toFixed(2) });
console.log(JSON.stringify(sample.state).length, JSON.stringify(sample.history).length, sample.history.length);
console.log(JSON.stringify(sample.state));
console.log('%HasFastProperties', Object.keys(sample.state));
// @ts-ignore
console.log('fast props state', eval('%HasFastProperties(sample.state)'), 'variables', eval('%HasFastProperties(sample.state.variables)'));
const s2 = memoryStore();
const base = JSON.parse(JSON.stringify(sample.state));
const hist = JSON.parse(JSON.stringify(sample.history));
let t = now();
for (let i = 0; i < 20000; i++) await s2.commit({ state: { ...base, id: 'x' + i }, expectedRevision: null, history: hist.map((e: any) => ({ ...e })) });
console.log('clone commit us', ((now() - t) * 1000 / 20000).toFixed(2));
t = now(); for (let i = 0; i < 20000; i++) JSON.stringify(sample.state); console.log('stringify runtime state us', ((now() - t) * 1000 / 20000).toFixed(2));
t = now(); for (let i = 0; i < 20000; i++) JSON.stringify(base); console.log('stringify parsed state us', ((now() - t) * 1000 / 20000).toFixed(2));
const st = sample.state;
for (const k of Object.keys(st)) { t = now(); for (let i = 0; i < 20000; i++) JSON.stringify(st[k]); const d = (now() - t) * 1000 / 20000; if (d > 0.2) console.log('  field', k, d.toFixed(2)); }
