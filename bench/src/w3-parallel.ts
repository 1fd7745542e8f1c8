/**
 * W3: start -> parallel fork -> three service tasks -> parallel join -> end, run to completion.
 */
import { createEngine } from '@pravah/engine';
import { passedElements } from '@pravah/engine/testing';
import { bpmnEngineSource, processXml, runBpmnEngine, runPool, throughput, type Row } from './shared.js';

const PRAVAH_WARMUP = 10_000;
const PRAVAH_INSTANCES = 100_000;
const BPMN_ENGINE_WARMUP = 200;
const BPMN_ENGINE_INSTANCES = 2_000;
const CONCURRENCY = 64;

async function pravahRate(): Promise<number> {
  const engine = createEngine();
  engine.handle('work', ({ elementId }) => ({ [`${elementId}Done`]: true }));
  await engine.deploy(processXml('w3-parallel.pravah.bpmn'));
  const first = await engine.start('parallel');
  const passed = await passedElements(engine, first.id);
  if (first.status !== 'completed' || passed.filter((id) => id === 'join').length !== 1 || !['aDone', 'bDone', 'cDone'].every((name) => first.variables[name])) {
    throw new Error(`Pravah: parallel instance ended '${first.status}', passed ${passed.join(' -> ')}`);
  }
  const start = async (): Promise<void> => {
    const { status } = await engine.start('parallel');
    if (status !== 'completed') throw new Error(`Pravah: instance ended '${status}'`);
  };
  await runPool(PRAVAH_WARMUP, CONCURRENCY, start);
  const rate = await throughput(PRAVAH_INSTANCES, CONCURRENCY, start);
  engine.close();
  return rate;
}

async function bpmnEngineRate(): Promise<number> {
  const source = await bpmnEngineSource(processXml('w3-parallel.bpmn-engine.bpmn'));
  let calls = 0;
  const services = {
    work(scope: { id: string; environment: { variables: Record<string, unknown> } }, callback: (error: null) => void) {
      calls++;
      scope.environment.variables[`${scope.id}Done`] = true;
      callback(null);
    },
  };
  const start = () => runBpmnEngine(source, { services });
  await runPool(BPMN_ENGINE_WARMUP, CONCURRENCY, start);
  if (calls !== 3 * BPMN_ENGINE_WARMUP) throw new Error(`bpmn-engine: ${calls} service calls for ${BPMN_ENGINE_WARMUP} instances`);
  return throughput(BPMN_ENGINE_INSTANCES, CONCURRENCY, start);
}

export async function parallel(): Promise<Row[]> {
  const other = await bpmnEngineRate();
  const rate = await pravahRate();
  return [
    {
      workload: 'W3 parallel fork/join of 3 service tasks',
      unit: 'instances/s',
      pravah: rate,
      other,
      otherLabel: 'bpmn-engine',
      ratio: rate / other,
      target: '- (ratio reported)',
      met: null,
      margin: '',
      details: {
        microsecondsPerInstance: 1e6 / rate,
        pravahInstances: PRAVAH_INSTANCES,
        pravahWarmup: PRAVAH_WARMUP,
        bpmnEngineInstances: BPMN_ENGINE_INSTANCES,
        bpmnEngineWarmup: BPMN_ENGINE_WARMUP,
        concurrency: CONCURRENCY,
      },
    },
  ];
}
