import { createEngine } from '@pravah/engine';
import { processXml, runPool, now } from '../src/shared.js';
const file = process.argv[2] ?? 'w1-straight-through.feel.bpmn';
const engines = [];
for (let r = 0; r < 12; r++) {
  const engine = createEngine();
  engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
  await engine.deploy(processXml(file));
  const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
  globalThis.gc!();
  const t = now();
  await runPool(20000, 64, start);
  console.log(r, 'rate', (20000 / ((now() - t) / 1000)).toFixed(0));
}
