/**
 * Pravah quickstart: deploy an expense approval process, run a few instances through user tasks, a
 * gateway, a 24-hour timer and a service task, then deploy version 2 while one instance still runs on
 * version 1. A virtual clock lets the demo skip the waiting.
 */
import { readFileSync } from 'node:fs';
import { createEngine, type EngineEvent } from '@pravah/engine';
import { TestClock } from '@pravah/engine/testing';

const processFile = (name: string) => readFileSync(new URL(`../processes/${name}`, import.meta.url), 'utf8');
const say = (text: string) => console.log(text);

const clock = new TestClock('2026-12-01T09:00:00Z');
const engine = createEngine({
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

say('1. Deploy expense-v1.bpmn');
const [v1] = await engine.deploy({ xml: processFile('expense-v1.bpmn'), name: 'expense-v1.bpmn' });
say(`   -> ${v1.key} version ${v1.version} (${v1.id})`);

say('\n2. Three employees submit expenses');
const alice = await engine.start('expense', { businessKey: 'EXP-1', variables: { employee: 'alice', amount: 80 } });
const bob = await engine.start('expense', { businessKey: 'EXP-2', variables: { employee: 'bob', amount: 1400 } });
const carol = await engine.start('expense', { businessKey: 'EXP-3', variables: { employee: 'carol', amount: 300 } });
for (const instance of [alice, bob, carol]) {
  say(`   ${instance.businessKey} on v${instance.version}: waiting at ${instance.activeElements.map((element) => element.elementId).join(', ')}`);
}

say('\n3. A manager works the "managers" queue: approves alice and bob, rejects carol');
for (const task of await engine.listTasks({ candidateGroup: 'managers' })) {
  const approved = task.businessKey !== 'EXP-3';
  await engine.claimTask(task.id, 'maria');
  const after = await engine.completeTask(task.id, { variables: { approved } });
  say(`   ${task.businessKey}: ${approved ? 'approved' : 'rejected'} -> ${after.status === 'completed' ? 'ended' : `waiting at ${after.activeElements.map((e) => e.elementId).join(', ')}`}`);
}

say('\n4. Deploy expense-v2.bpmn (small amounts are approved automatically) while alice and bob wait for the payment run');
const [v2] = await engine.deploy({ xml: processFile('expense-v2.bpmn'), name: 'expense-v2.bpmn' });
say(`   -> ${v2.key} version ${v2.version}`);
const dave = await engine.start('expense', { businessKey: 'EXP-4', variables: { employee: 'dave', amount: 45 } });
say(`   EXP-4 starts on v${dave.version}: auto-approved, waiting at ${dave.activeElements.map((e) => e.elementId).join(', ')}`);
for (const definition of await engine.listDefinitions()) {
  say(`   ${definition.id}: ${definition.instances.active} active, ${definition.instances.completed} completed`);
}

say('\n5. Advance the clock by 24 hours: the payment-run timers fire, v1 instances finish on v1');
await clock.advance('PT24H');
for (const instance of [alice, bob, carol, dave]) {
  const now = await engine.getInstance(instance.id);
  say(`   ${now.businessKey}: ${now.status} on v${now.version}${now.variables.paidAt ? `, paid at ${now.variables.paidAt}` : ''}`);
}

say('\n6. The audit trail of EXP-2');
for (const event of await engine.history(bob.id)) {
  const detail = 'elementId' in event && event.elementId ? ` ${event.elementId}` : '';
  const who = event.type === 'task-completed' ? ` by ${event.completedBy}` : '';
  say(`   ${new Date(event.at).toISOString()}  ${event.type}${detail}${who}`);
}
engine.close();
