/**
 * W2: instances waiting at a user task. Heap bytes per waiting instance (heapUsed delta after full GCs,
 * divided by the count) and stored bytes per instance, for both engines.
 */
import { createEngine } from '@pravah/engine';
import { atMost, bpmnEngineSource, processXml, runPool, settledHeap, startBpmnEngineToWait, type Row } from './shared.js';

const PRAVAH_INSTANCES = 10_000;
/** bpmn-engine holds one live Engine per instance and starts ~200/s here: fewer instances, same per-instance figure. */
const BPMN_ENGINE_INSTANCES = 2_000;
/** `getState()` serializes the whole engine: sampled. */
const BPMN_ENGINE_STATE_SAMPLES = 200;
const WARMUP = 500;
const CONCURRENCY = 64;
const TARGET_BYTES = 2048;
const FILE = 'w2-waiting.bpmn';

const variablesOf = (index: number) => ({ orderId: `PO-${index}`, amount: index % 2000, customer: 'ACME Ltd' });

async function pravahFootprint(): Promise<{ heapPerInstance: number; storedPerInstance: number }> {
  const warm = createEngine();
  await warm.deploy(processXml(FILE));
  await runPool(WARMUP, CONCURRENCY, (index) => warm.start('waiting', { variables: variablesOf(index) }));
  warm.close();

  const engine = createEngine();
  await engine.deploy(processXml(FILE));
  const ids: string[] = new Array(PRAVAH_INSTANCES).fill('');
  const before = settledHeap();
  await runPool(PRAVAH_INSTANCES, CONCURRENCY, async (index) => {
    const { id, status } = await engine.start('waiting', { variables: variablesOf(index) });
    if (status !== 'active') throw new Error(`Pravah: instance is '${status}', expected 'active'`);
    ids[index] = id;
  });
  const after = settledHeap();
  const [task] = await engine.listTasks({ instanceId: ids[0] });
  if (task?.elementId !== 'review') throw new Error('Pravah: no open task at review');

  let stored = 0;
  for (const id of ids) stored += JSON.stringify(await engine.store.loadInstance(id)).length;
  engine.close();
  return { heapPerInstance: (after - before) / PRAVAH_INSTANCES, storedPerInstance: stored / PRAVAH_INSTANCES };
}

async function bpmnEngineFootprint(): Promise<{ heapPerInstance: number; storedPerInstance: number }> {
  const source = await bpmnEngineSource(processXml(FILE));
  await runPool(WARMUP, CONCURRENCY, (index) => startBpmnEngineToWait(source, { variables: variablesOf(index) }));

  const engines: unknown[] = new Array(BPMN_ENGINE_INSTANCES).fill(null);
  const before = settledHeap();
  await runPool(BPMN_ENGINE_INSTANCES, CONCURRENCY, async (index) => {
    engines[index] = await startBpmnEngineToWait(source, { variables: variablesOf(index) });
  });
  const after = settledHeap();

  let stored = 0;
  for (let index = 0; index < BPMN_ENGINE_STATE_SAMPLES; index++) {
    const engine = engines[Math.floor((index * BPMN_ENGINE_INSTANCES) / BPMN_ENGINE_STATE_SAMPLES)] as { getState(): Promise<unknown> };
    stored += JSON.stringify(await engine.getState()).length;
  }
  return { heapPerInstance: (after - before) / BPMN_ENGINE_INSTANCES, storedPerInstance: stored / BPMN_ENGINE_STATE_SAMPLES };
}

export async function waitingInstances(): Promise<Row[]> {
  const other = await bpmnEngineFootprint();
  const pravah = await pravahFootprint();
  const heap = atMost(pravah.heapPerInstance, TARGET_BYTES);
  const details = {
    pravahInstances: PRAVAH_INSTANCES,
    bpmnEngineInstances: BPMN_ENGINE_INSTANCES,
    bpmnEngineStateSamples: BPMN_ENGINE_STATE_SAMPLES,
    concurrency: CONCURRENCY,
  };
  return [
    {
      workload: 'W2 heap per waiting instance',
      unit: 'bytes',
      pravah: pravah.heapPerInstance,
      other: other.heapPerInstance,
      otherLabel: 'bpmn-engine',
      ratio: other.heapPerInstance / pravah.heapPerInstance,
      target: `<= ${TARGET_BYTES} B`,
      met: heap.met,
      margin: heap.margin,
      details: { ...details, targets: { heapBytesPerInstance: TARGET_BYTES } },
    },
    {
      workload: 'W2 stored JSON per waiting instance',
      unit: 'bytes',
      pravah: pravah.storedPerInstance,
      other: other.storedPerInstance,
      otherLabel: 'bpmn-engine getState()',
      ratio: other.storedPerInstance / pravah.storedPerInstance,
      target: '-',
      met: null,
      margin: '',
      details: { ...details, pravahMeasure: 'JSON.stringify(store.loadInstance(id)).length', bpmnEngineMeasure: 'JSON.stringify(engine.getState()).length' },
    },
  ];
}
