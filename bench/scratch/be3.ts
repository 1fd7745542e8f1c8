import { bpmnEngineSource, processXml, runBpmnEngine, throughput } from '../src/shared.js';
const source = await bpmnEngineSource(processXml('w1-straight-through.bpmn-engine.bpmn'));
const services = { price(scope: any, cb: any) { const v = scope.environment.variables; v.large = v.net > 1000; v.medium = false; cb(null); } };
const start = (i: number) => runBpmnEngine(source, { variables: { net: i % 2000 }, services });
for (let r = 0; r < 6; r++) console.log('rate', (await throughput(300, 1, start)).toFixed(0), process.memoryUsage().heapUsed >> 20, 'MB');
