import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, sequentialIds } from '@pravah/engine';
import { TestClock } from '@pravah/engine/testing';
import { sqliteStore, type SqliteStore } from '../src/sqlite-store.js';
import { fixture } from './fixture.js';
import { tempDatabase } from './temp-database.js';

describe('sqlite store across a restart', () => {
  let database: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    database = tempDatabase();
  });
  const opened: SqliteStore[] = [];
  const open = () => {
    const store = sqliteStore({ file: database.file });
    opened.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    database.remove();
  });

  it('lets a new engine on a new store of the same file finish what an old one started', async () => {
    // given an engine on a SQLite file that ran a process to its user task
    const clock = new TestClock('2026-01-01T09:00:00Z');
    const before = createEngine({ store: open(), clock, ids: sequentialIds('a-') });
    await before.deploy(fixture('review.bpmn'));
    const started = await before.start('review', { businessKey: 'R-1', variables: { amount: 1400 } });
    expect(started.status).toBe('active');
    // when that engine and its store are gone
    before.close();
    opened[0].close();
    // and a new engine opens the same file
    const archived: unknown[] = [];
    const after = createEngine({
      store: open(),
      clock,
      ids: sequentialIds('b-'),
      handlers: { archive: ({ variables }) => void archived.push(variables.amount) },
    });
    const [task] = await after.listTasks({ candidateGroup: 'managers' });
    expect(task).toMatchObject({ instanceId: started.id, elementId: 'check', businessKey: 'R-1' });
    const done = await after.completeTask(task.id, { variables: { approved: true }, user: 'ann' });
    // then it finishes the instance, and the history of both engines is one ordered trail
    expect(done.status).toBe('completed');
    expect(archived).toEqual([1400]);
    expect(await after.listTasks({})).toEqual([]);
    expect(await after.listInstances({ status: 'completed' })).toMatchObject([{ id: started.id, businessKey: 'R-1' }]);
    const history = await after.history(started.id);
    expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => index + 1));
    expect(history.filter((event) => event.type === 'element-activated').map((event) => 'elementId' in event && event.elementId)).toEqual([
      'start',
      'check',
      'archive',
      'end',
    ]);
    expect(history.at(-1)).toMatchObject({ type: 'instance-completed' });
    after.close();
  });
});
