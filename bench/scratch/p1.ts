import { createEngine } from '@pravah/engine';
import { processXml, runPool, throughput } from '../src/shared.js';
const file = process.argv[2] ?? 'w1-straight-through.feel.bpmn';
const engine = createEngine();
engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
await engine.deploy(processXml(file));
const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
await runPool(20000, 64, start);
console.log('rate', await throughput(200000, 64, start));
