import { createEngine } from '@pravah/engine';
import { processXml, runPool, now } from '../src/shared.js';
const file = 'w1-straight-through.feel.bpmn';
const n = Number(process.argv[2] ?? 20000);
const doGc = process.argv[3] === 'gc';
for (let r = 0; r < 8; r++) {
  const engine = createEngine();
  engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
  await engine.deploy(processXml(file));
  const start = async (i: number) => { await engine.start('straight-through', { variables: { net: i % 2000 } }); };
  if (doGc) globalThis.gc!();
  const t = now();
  await runPool(n, 64, start);
  console.log(r, 'rate', (n / ((now() - t) / 1000)).toFixed(0));
}
