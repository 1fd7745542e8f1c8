/**
 * W1: start -> service task -> exclusive gateway (two conditions + default) -> one of three end events, run to
 * completion. The handler returns the variable the gateway tests (`amount`, net price plus 20% tax).
 */
import { EventEmitter } from 'node:events';
import { createEngine } from '@pravah/engine';
import { passedElements } from '@pravah/engine/testing';
import {
  atLeast,
  bpmnEngineSource,
  processXml,
  runBpmnEngine,
  runPool,
  settledHeap,
  throughput,
  type Row,
} from './shared.js';

const PRAVAH_WARMUP = 20_000;
const PRAVAH_INSTANCES = 200_000;
const BPMN_ENGINE_WARMUP = 300;
const BPMN_ENGINE_INSTANCES = 2_000;
/** Instances in flight at once (a pool of workers, each awaiting one `start` at a time). */
export const CONCURRENCY = 64;
const TARGET_RATE = 100_000;
const TARGET_RATIO = 500;

/** net -> expected end event: 1.2 * net > 1000 large, > 100 medium, else small (the default flow). */
export const EXPECTED_ENDS: Array<[number, string]> = [
  [1000, 'large'],
  [500, 'medium'],
  [10, 'small'],
];

/** Instance `index` gets net 0..1999, so all three paths are taken. */
export const netOf = (index: number): number => index % 2000;

interface PravahRun {
  rate: number;
  /** Heap the in-memory store keeps per completed instance (state and history stay until the process ends). */
  retainedBytes: number;
}

async function pravahRun(file: string, concurrency: number): Promise<PravahRun> {
  const baseline = settledHeap();
  const engine = createEngine();
  engine.handle('price', ({ variables }) => ({ amount: (variables.net as number) * 1.2 }));
  await engine.deploy(processXml(file));
  for (const [net, end] of EXPECTED_ENDS) {
    const { id } = await engine.start('straight-through', { variables: { net } });
    const passed = await passedElements(engine, id);
    if (!passed.includes(end)) throw new Error(`${file}: net ${net} should end at '${end}', passed ${passed.join(' -> ')}`);
  }
  const start = async (index: number): Promise<void> => {
    const { status } = await engine.start('straight-through', { variables: { net: netOf(index) } });
    if (status !== 'completed') throw new Error(`${file}: instance ended '${status}'`);
  };
  await runPool(PRAVAH_WARMUP, concurrency, start);
  const rate = await throughput(PRAVAH_INSTANCES, concurrency, start);
  const retainedBytes = (settledHeap() - baseline) / (PRAVAH_WARMUP + PRAVAH_INSTANCES + EXPECTED_ENDS.length);
  engine.close();
  return { rate, retainedBytes };
}

async function bpmnEngineRate(): Promise<number> {
  const source = await bpmnEngineSource(processXml('w1-straight-through.bpmn-engine.bpmn'));
  const services = {
    price(scope: { environment: { variables: Record<string, number | boolean> } }, callback: (error: null) => void) {
      const variables = scope.environment.variables;
      const amount = (variables.net as number) * 1.2;
      variables.amount = amount;
      variables.large = amount > 1000;
      variables.medium = amount > 100 && amount <= 1000;
      callback(null);
    },
  };
  for (const [net, end] of EXPECTED_ENDS) {
    const ended: string[] = [];
    const listener = new EventEmitter().on('activity.end', (api: { id: string }) => ended.push(api.id));
    await runBpmnEngine(source, { variables: { net }, services, listener });
    if (!ended.includes(end)) throw new Error(`bpmn-engine: net ${net} should end at '${end}', ended ${ended.join(', ')}`);
  }
  const start = (index: number) => runBpmnEngine(source, { variables: { net: netOf(index) }, services });
  await runPool(BPMN_ENGINE_WARMUP, CONCURRENCY, start);
  return throughput(BPMN_ENGINE_INSTANCES, CONCURRENCY, start);
}

export async function straightThrough(): Promise<Row[]> {
  const other = await bpmnEngineRate();
  const rows: Row[] = [];
  const variants: Array<[string, string, number]> = [
    ['W1 straight-through, FEEL', 'w1-straight-through.feel.bpmn', CONCURRENCY],
    ['W1 straight-through, JUEL', 'w1-straight-through.juel.bpmn', CONCURRENCY],
    ['W1 straight-through, FEEL, sequential', 'w1-straight-through.feel.bpmn', 1],
  ];
  for (const [workload, file, concurrency] of variants) {
    const { rate, retainedBytes } = await pravahRun(file, concurrency);
    const ratio = rate / other;
    const byRate = atLeast(rate, TARGET_RATE);
    const byRatio = atLeast(ratio, TARGET_RATIO);
    rows.push({
      workload,
      unit: 'instances/s',
      pravah: rate,
      other,
      otherLabel: 'bpmn-engine',
      ratio,
      target: `>= ${TARGET_RATE.toLocaleString('en')}/s and > ${TARGET_RATIO}x`,
      met: byRate.met && byRatio.met,
      margin: `rate ${byRate.margin}; ratio ${byRatio.margin}`,
      details: {
        file,
        microsecondsPerInstance: 1e6 / rate,
        retainedHeapBytesPerCompletedInstance: retainedBytes,
        pravahInstances: PRAVAH_INSTANCES,
        pravahWarmup: PRAVAH_WARMUP,
        pravahConcurrency: concurrency,
        bpmnEngineInstances: BPMN_ENGINE_INSTANCES,
        bpmnEngineWarmup: BPMN_ENGINE_WARMUP,
        bpmnEngineConcurrency: CONCURRENCY,
        targets: { instancesPerSecond: TARGET_RATE, ratio: TARGET_RATIO },
      },
    });
  }
  return rows;
}
