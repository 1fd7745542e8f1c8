/**
 * Shared helpers of the benchmark workloads: process files, clocks, GC and heap, a bounded-concurrency
 * pool, bpmn-engine's fastest documented execution path, and the row type every workload returns.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as bpmnElements from 'bpmn-elements';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';

/** One line of the results table. `higherIsBetter` tells how the target is read. */
export interface Row {
  workload: string;
  unit: string;
  /** Null when the workload could not run (the reason is in `margin`). */
  pravah: number | null;
  /** bpmn-engine's (or the baseline's) figure, null when it has none. */
  other: number | null;
  otherLabel: string;
  /** How many times better Pravah is (always >1 when Pravah wins), null without a comparison. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  /** `met by 12%` / `missed by 3.1x` style explanation. */
  margin: string;
  /** Method facts for results.json: counts, concurrency, extra figures. */
  details: Record<string, unknown>;
}

/** Text of `bench/processes/<name>`. */
export function processXml(name: string): string {
  return readFileSync(new URL(`../processes/${name}`, import.meta.url), 'utf8');
}

export const now = (): number => performance.now();

/** Full GCs until the heap stops shrinking; needs `node --expose-gc`. */
export function collect(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc (pnpm bench does)');
  let previous = Infinity;
  for (let round = 0; round < 5; round++) {
    globalThis.gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= previous - 1024) break;
    previous = used;
  }
}

/** heapUsed after a full collection. */
export function settledHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * Runs `task(0..total-1)` with at most `concurrency` calls in flight: `concurrency` workers each await one
 * call at a time and take the next index. Concurrency 1 is a plain sequential loop.
 */
export async function runPool(total: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Times a pool run; returns instances per second. */
export async function throughput(total: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<number> {
  collect();
  const started = now();
  await runPool(total, concurrency, task);
  return total / ((now() - started) / 1000);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Reads a target "higher is better": `value >= goal`. */
export function atLeast(value: number, goal: number): { met: boolean; margin: string } {
  return value >= goal
    ? { met: true, margin: `met (+${percent(value / goal - 1)})` }
    : { met: false, margin: `missed by ${times(goal / value)}` };
}

/** Reads a target "lower is better": `value <= limit`. */
export function atMost(value: number, limit: number): { met: boolean; margin: string } {
  return value <= limit
    ? { met: true, margin: `met (${percent(1 - value / limit)} under)` }
    : { met: false, margin: `missed by ${times(value / limit)}` };
}

export const percent = (fraction: number): string => `${(fraction * 100).toFixed(0)}%`;
export const times = (ratio: number): string => `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(2)}x`;

// --- bpmn-engine ---------------------------------------------------------------------------------------

/**
 * The camunda + zeebe extension packages for bpmn-moddle. Both define `modelerTemplate(Version)` on
 * `TemplateSupported`, which moddle refuses to merge (it then gives up on the whole process with a warning),
 * so the Zeebe copies are dropped, as Pravah's parser does.
 */
export function moddleExtensions(): Record<string, unknown> {
  const read = (path: string) => JSON.parse(readFileSync(new URL(import.meta.resolve(path)), 'utf8'));
  const zeebe = read('zeebe-bpmn-moddle/resources/zeebe.json') as { types: Array<{ name: string; properties?: Array<{ name: string }> }> };
  const clash = new Set(['modelerTemplate', 'modelerTemplateVersion']);
  return {
    camunda: read('camunda-bpmn-moddle/resources/camunda.json'),
    zeebe: {
      ...zeebe,
      types: zeebe.types.map((type) =>
        type.name === 'TemplateSupported' ? { ...type, properties: type.properties?.filter((property) => !clash.has(property.name)) } : type,
      ),
    },
  };
}

/**
 * Parses once into bpmn-engine's serializable source context (its documented `addSource` / `sourceContext`
 * path), so each instance skips the XML parse: bpmn-engine's fastest way to run many instances of a model.
 */
export async function bpmnEngineSource(xml: string): Promise<unknown> {
  const moddleContext = await new BpmnModdle().fromXML(xml, 'bpmn:Definitions');
  return serializer(moddleContext, TypeResolver(bpmnElements));
}

export interface BpmnEngineRun {
  variables?: Record<string, unknown>;
  services?: Record<string, unknown>;
  /** Passed to `execute`, e.g. to see `activity.wait` or `activity.end`. */
  listener?: import('node:events').EventEmitter;
}

/** One instance on its own `Engine` (one execution per engine), resolved when it ends. */
export function runBpmnEngine(sourceContext: unknown, run: BpmnEngineRun): Promise<BpmnEngine> {
  const engine = new BpmnEngine({ sourceContext: sourceContext as never });
  return new Promise((resolve, reject) => {
    engine.execute(run as never, (error: Error | null) => (error ? reject(error) : resolve(engine))).catch(reject);
  });
}

/**
 * One instance started and run to its first wait state (bpmn-engine runs synchronously up to there, which
 * is checked); the engine, and with it the execution, stays live as an app that later signals it would keep it.
 */
export async function startBpmnEngineToWait(sourceContext: unknown, run: BpmnEngineRun): Promise<BpmnEngine> {
  const engine = new BpmnEngine({ sourceContext: sourceContext as never });
  await engine.execute(run as never);
  if (engine.activityStatus !== 'wait') throw new Error(`bpmn-engine is '${engine.activityStatus}', expected 'wait'`);
  return engine;
}
