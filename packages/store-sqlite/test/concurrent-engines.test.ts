import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, sequentialIds, type Engine } from '@pravah/engine';
import { sqliteStore, type SqliteStore } from '../src/sqlite-store.js';
import { fixture } from './fixture.js';
import { codeOf, count, engineRaceTests, LOSING_CODES } from '../../engine/test-support/engine-races.js';
import { loadBarrier } from '../../engine/test-support/load-barrier.js';
import { tempDatabase } from './temp-database.js';

describe('two engines on one SQLite file', () => {
  let database: ReturnType<typeof tempDatabase>;
  let stores: SqliteStore[];
  let barrier: ReturnType<typeof loadBarrier>;
  let engines: [Engine, Engine];
  beforeEach(async () => {
    database = tempDatabase();
    // two stores = two better-sqlite3 connections to the one file
    stores = [sqliteStore({ file: database.file }), sqliteStore({ file: database.file })];
    barrier = loadBarrier();
    engines = [
      createEngine({ store: barrier.wrap(stores[0], 'a'), ids: sequentialIds('a-') }),
      createEngine({ store: barrier.wrap(stores[1], 'b'), ids: sequentialIds('b-') }),
    ];
    await engines[0].deploy(fixture('task-then-message.bpmn'));
  });
  afterEach(() => {
    for (const engine of engines) engine.close();
    for (const store of stores) store.close();
    database.remove();
  });

  it('shares one WAL-mode file between the two connections', async () => {
    // given an instance started through the first engine
    const { id } = await engines[0].start('task-then-message', { variables: { orderId: 'PO-1' } });
    // then the second engine reads it through its own connection, and the file is in WAL mode
    expect((await engines[1].getInstance(id)).status).toBe('active');
    const probe = new Database(database.file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
  });

  it('lets exactly one of two engines complete the same task when both start in the same tick', async () => {
    // given an instance waiting at its user task
    const [first, second] = engines;
    const { id } = await first.start('task-then-message', { variables: { orderId: 'PO-2' } });
    const [task] = await second.listTasks({ instanceId: id });
    // when both engines complete it, started in the same tick with no help
    barrier.log.length = 0;
    const results = await Promise.allSettled([first.completeTask(task.id), second.completeTask(task.id)]);
    // then both had loaded the instance before the first commit (synchronous SQLite calls, same tick)
    expect(barrier.log.slice(0, 2).sort()).toEqual(['a loaded', 'b loaded']);
    // and one wins, the other fails with a losing code; the instance advanced once
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(LOSING_CODES).toContain(codeOf(results.find((result) => result.status === 'rejected')!));
    expect(count(await second.history(id), 'task-completed')).toBe(1);
  });

  engineRaceTests(() => ({ engines, barrier }));
});
