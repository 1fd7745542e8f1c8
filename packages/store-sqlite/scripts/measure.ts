/**
 * Rough numbers for the README: commits per second of a straight-through instance on a file database, and
 * how long a candidate-group task query takes with many waiting instances.
 * Run: node --conditions=@pravah/source --import tsx scripts/measure.ts [waitingInstances]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, sequentialIds, type Store } from '@pravah/engine';
import { sqliteStore } from '../src/sqlite-store.js';

const STRAIGHT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://pravah.dev/measure">
  <bpmn:process id="straight" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="price" />
    <bpmn:serviceTask id="price"><bpmn:extensionElements><zeebe:taskDefinition type="price" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="price" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
const REVIEW = readFileSync(new URL('../test/fixtures/review.bpmn', import.meta.url), 'utf8');
const AUDIT = REVIEW.replace('id="review"', 'id="audit"').replace('candidateGroups="managers"', 'candidateGroups="auditors"');

/** Counts the store's commits. */
function counting(store: Store): { store: Store; commits: () => number } {
  let commits = 0;
  return { store: { ...store, commit: (commit) => (commits++, store.commit(commit)) }, commits: () => commits };
}

async function straightThrough(file: string, instances: number, concurrency: number): Promise<void> {
  const sqlite = sqliteStore({ file });
  const { store, commits } = counting(sqlite);
  const engine = createEngine({ store, ids: sequentialIds(`c${concurrency}-`), handlers: { price: ({ variables }) => ({ amount: (variables.net as number) * 1.2 }) } });
  await engine.deploy(STRAIGHT);
  let next = 0;
  const worker = async () => {
    while (next < instances) {
      const { status } = await engine.start('straight', { variables: { net: next++ } });
      if (status !== 'completed') throw new Error(`ended ${status}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  console.log(`straight-through, concurrency ${concurrency}: ${instances} instances, ${commits()} commits in ${seconds.toFixed(2)} s = ${Math.round(commits() / seconds)} commits/s`);
  engine.close();
  sqlite.close();
}

async function candidateGroupQuery(file: string, waiting: number): Promise<void> {
  const store = sqliteStore({ file });
  const engine = createEngine({ store, ids: sequentialIds('w-') });
  await engine.deploy(REVIEW);
  await engine.deploy(AUDIT);
  const started = performance.now();
  for (let index = 0; index < waiting; index++) await engine.start(index % 100 === 0 ? 'audit' : 'review', { businessKey: `B-${index}` });
  console.log(`started ${waiting} waiting instances in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const time = async (label: string, run: () => Promise<unknown[]>) => {
    for (let warm = 0; warm < 20; warm++) await run();
    const rounds = 200;
    let rows = 0;
    const begin = performance.now();
    for (let round = 0; round < rounds; round++) rows = (await run()).length;
    console.log(`${label}: ${((performance.now() - begin) / rounds).toFixed(3)} ms (${rows} rows)`);
  };
  await time("store.listTasks({ candidateGroup: 'managers', limit: 50 })", () => store.listTasks({ candidateGroup: 'managers', limit: 50 }));
  await time("store.listTasks({ candidateGroup: 'auditors', limit: 50 })", () => store.listTasks({ candidateGroup: 'auditors', limit: 50 }));
  await time("store.listTasks({ candidateGroup: 'auditors' }) (all)", () => store.listTasks({ candidateGroup: 'auditors' }));
  await time("store.listTasks({ candidateGroup: 'managers', offset: 50000, limit: 50 })", () => store.listTasks({ candidateGroup: 'managers', offset: 50_000, limit: 50 }));
  await time("engine.listTasks({ candidateGroup: 'managers', limit: 50 })", () => engine.listTasks({ candidateGroup: 'managers', limit: 50 }));
  engine.close();
  store.close();
}

const directory = mkdtempSync(join(tmpdir(), 'pravah-measure-'));
try {
  await straightThrough(join(directory, 'straight-1.db'), 20_000, 1);
  await straightThrough(join(directory, 'straight-16.db'), 20_000, 16);
  await candidateGroupQuery(join(directory, 'waiting.db'), Number(process.argv[2] ?? 100_000));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
