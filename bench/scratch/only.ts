import { straightThrough } from '../src/w1-straight-through.js';
import { waitingInstances } from '../src/w2-waiting-instances.js';
import { parallel } from '../src/w3-parallel.js';
import { deployLarge } from '../src/w4-deploy-large.js';
const all: Record<string, () => Promise<unknown[]>> = { w1: straightThrough, w2: waitingInstances, w3: parallel, w4: deployLarge };
for (const name of process.argv.slice(2)) for (const row of (await all[name]()) as any[]) console.log(row.workload, row.pravah.toFixed(1), row.other?.toFixed(1), row.ratio?.toFixed(2), row.met, row.margin);
