import { createEngine } from '@pravah/engine';
import { processXml, runPool, throughput, settledHeap } from '../src/shared.js';
const file = process.argv[2] ?? 'w1-straight-through.feel.bpmn';
const engine = createEngine();
engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
await engine.deploy(processXml(file));
const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
const h0 = settledHeap();
for (let r = 0; r < 11; r++) {
  const rate = await throughput(20000, 64, start);
  console.log(r, 'rate', rate.toFixed(0), 'heap/instance retained', ((settledHeap() - h0) / ((r + 1) * 20000)).toFixed(0));
}
const [first] = await engine.listInstances({ limit: 1 });
console.log(JSON.stringify(await engine.history(first.id)).length, (await engine.history(first.id)).length, JSON.stringify(await engine.store.loadInstance(first.id)).length);
