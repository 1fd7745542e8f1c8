import { createEngine } from '@pravah/engine';
import { processXml, runPool, throughput } from '../src/shared.js';
const file = process.argv[2] ?? 'w1-straight-through.feel.bpmn';
const n = Number(process.argv[3] ?? 20000);
for (let r = 0; r < 8; r++) {
  const engine = createEngine();
  engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
  await engine.deploy(processXml(file));
  const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
  console.log(r, 'fresh engine rate', (await throughput(n, 64, start)).toFixed(0));
}
