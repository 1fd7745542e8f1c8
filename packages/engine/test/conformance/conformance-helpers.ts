import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createTestEngine, type TestEngine } from '../../src/testing/index.js';

/** Shared by the manifest-case tests: the corpus files, a deployed test engine, and short queries. */
export function model(path: string): string {
  return readFileSync(new URL(`./executable/${path}`, import.meta.url), 'utf8');
}

export async function deployed(...paths: string[]): Promise<TestEngine> {
  const engine = createTestEngine();
  for (const path of paths) await engine.deploy(model(path));
  return engine;
}

/** Element ids with a wait (tokens and listeners), sorted. */
export async function waitingAt(engine: TestEngine, instanceId: string): Promise<string[]> {
  const { activeElements } = await engine.getInstance(instanceId);
  return activeElements.filter((element) => element.waitingFor !== null).map((element) => element.elementId).sort();
}

export async function complete(engine: TestEngine, instanceId: string, elementId: string): Promise<void> {
  const [task] = await engine.listTasks({ instanceId, elementId });
  expect(task, `task ${elementId}`).toBeDefined();
  await engine.completeTask(task.id);
}
