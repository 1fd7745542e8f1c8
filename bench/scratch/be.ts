import { EventEmitter } from 'node:events';
import { bpmnEngineSource, processXml, runBpmnEngine, startBpmnEngineToWait, runPool, throughput } from '../src/shared.js';
const source = await bpmnEngineSource(processXml('w1-straight-through.bpmn-engine.bpmn'));
const services = {
  price(scope: any, callback: any) {
    const variables = scope.environment.variables;
    const amount = variables.net * 1.2;
    variables.amount = amount; variables.large = amount > 1000; variables.medium = amount > 100 && amount <= 1000;
    callback(null);
  },
};
for (const net of [1000, 500, 10]) {
  const ended: string[] = [];
  const listener = new EventEmitter().on('activity.end', (api: any) => ended.push(api.id));
  const e = await runBpmnEngine(source, { variables: { net }, services, listener });
  console.log(net, ended, e.environment.variables, e.execution.environment.variables);
}
const start = (i: number) => runBpmnEngine(source, { variables: { net: i % 2000 }, services });
await runPool(300, 64, start);
console.log('w1 rate', await throughput(2000, 64, start), 'seq', await throughput(2000, 1, start));
const s3 = await bpmnEngineSource(processXml('w3-parallel.bpmn-engine.bpmn'));
let calls = 0;
const s3run = (i: number) => runBpmnEngine(s3, { services: { work(_s: any, cb: any) { calls++; cb(null); } } });
await runPool(300, 64, s3run);
console.log('w3 rate', await throughput(2000, 64, s3run), calls);
const s2 = await bpmnEngineSource(processXml('w2-waiting.bpmn'));
const w = await startBpmnEngineToWait(s2, { variables: { n: 1 } });
const st = await w.getState();
console.log(JSON.stringify(st).length, w.execution.getPostponed().map((a: any) => a.id));
