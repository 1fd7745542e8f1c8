/**
 * Pravah quickstart: an expense approval process on a SQLite file (`.data/quickstart.sqlite`).
 *
 * First run: deploy, start a few instances, work the managers' queue, deploy version 2 while some instances
 * still wait on version 1, and stop with them waiting for the 24-hour payment run.
 * Second run: a new engine on the same file finds those instances, lets a day pass and finishes them on
 * the version each started with, then removes the file so the next run starts over.
 * A virtual clock (`TestClock`) makes the day pass at once; both runs start it at the same moment.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createEngine, type EngineEvent } from '@pravah/engine';
import { TestClock } from '@pravah/engine/testing';
import { sqliteStore } from '@pravah/store-sqlite';

const dataDir = new URL('../../../.data/', import.meta.url);
const file = new URL('quickstart.sqlite', dataDir).pathname;
const processFile = (name: string) => readFileSync(new URL(`../processes/${name}`, import.meta.url), 'utf8');
const say = (text: string) => console.log(text);

mkdirSync(dataDir, { recursive: true });
const store = sqliteStore({ file });
const clock = new TestClock('2026-12-01T09:00:00Z');
const engine = createEngine({
  store,
  clock,
  handlers: {
    'pay-expense': ({ variables, jobKey }) => {
      say(`    [handler pay-expense] paying ${variables.amount} EUR to ${variables.employee} (job ${jobKey})`);
      return { paidAt: new Date(clock.now()).toISOString() };
    },
  },
});
clock.settle = () => engine.idle();
engine.on('instance-completed', (event: EngineEvent) => say(`    [event] instance ${event.instanceId} completed`));

const waiting = await engine.listInstances({ key: 'expense', status: 'active' });
if (waiting.length === 0) await firstRun();
else await secondRun(waiting.map((instance) => instance.id));
engine.close();
store.close();
if (waiting.length > 0) {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  say(`\nRemoved ${file}: the next \`pnpm demo\` starts over.`);
}

async function firstRun(): Promise<void> {
  say(`First run (store: ${file})\n`);
  say('1. Deploy expense-v1.bpmn');
  const [v1] = await engine.deploy({ xml: processFile('expense-v1.bpmn'), name: 'expense-v1.bpmn' });
  say(`   -> ${v1.key} version ${v1.version} (${v1.id})`);

  say('\n2. Three employees submit expenses');
  for (const [employee, amount, businessKey] of [['alice', 80, 'EXP-1'], ['bob', 1400, 'EXP-2'], ['carol', 300, 'EXP-3']] as const) {
    const instance = await engine.start('expense', { businessKey, variables: { employee, amount } });
    say(`   ${businessKey} on v${instance.version}: waiting at ${instance.activeElements.map((element) => element.elementId).join(', ')}`);
  }

  say('\n3. A manager works the "managers" queue: approves alice and bob, rejects carol');
  for (const task of await engine.listTasks({ candidateGroup: 'managers' })) {
    const approved = task.businessKey !== 'EXP-3';
    await engine.claimTask(task.id, 'maria');
    const after = await engine.completeTask(task.id, { variables: { approved } });
    const where = after.status === 'completed' ? 'ended' : `waiting at ${after.activeElements.map((element) => element.elementId).join(', ')}`;
    say(`   ${task.businessKey}: ${approved ? 'approved' : 'rejected'} -> ${where}`);
  }

  say('\n4. Deploy expense-v2.bpmn (small amounts are approved automatically) while alice and bob wait for the payment run');
  const [v2] = await engine.deploy({ xml: processFile('expense-v2.bpmn'), name: 'expense-v2.bpmn' });
  say(`   -> ${v2.key} version ${v2.version}`);
  const dave = await engine.start('expense', { businessKey: 'EXP-4', variables: { employee: 'dave', amount: 45 } });
  say(`   EXP-4 starts on v${dave.version}: auto-approved, waiting at ${dave.activeElements.map((element) => element.elementId).join(', ')}`);
  for (const definition of await engine.listDefinitions()) {
    say(`   ${definition.id}: ${definition.instances.active} active, ${definition.instances.completed} completed`);
  }
  say('\nStopping here with instances waiting in the SQLite file. Run `pnpm demo` again to finish them.');
}

async function secondRun(ids: string[]): Promise<void> {
  say(`Second run: a new engine on ${file} found ${ids.length} instances waiting from the first run\n`);
  for (const id of ids) {
    const instance = await engine.getInstance(id);
    say(`   ${instance.businessKey} on v${instance.version}: waiting at ${instance.activeElements.map((element) => element.elementId).join(', ')}`);
  }

  say('\n5. Advance the clock by 24 hours: the payment-run timers fire, v1 instances finish on v1');
  await clock.advance('PT24H');
  for (const summary of await engine.listInstances({ key: 'expense' })) {
    const instance = await engine.getInstance(summary.id);
    say(`   ${instance.businessKey}: ${instance.status} on v${instance.version}${instance.variables.paidAt ? `, paid at ${instance.variables.paidAt}` : ''}`);
  }

  const [bob] = await engine.listInstances({ businessKey: 'EXP-2' });
  say('\n6. The audit trail of EXP-2');
  for (const event of await engine.history(bob.id)) {
    const detail = 'elementId' in event && event.elementId ? ` ${event.elementId}` : '';
    const who = event.type === 'task-completed' ? ` by ${event.completedBy}` : '';
    say(`   ${new Date(event.at).toISOString()}  ${event.type}${detail}${who}`);
  }
}
