import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, isEngineError, sequentialIds, type InstanceState } from '@pravah/engine';
import { sqliteStore, type SqliteStore } from '../src/sqlite-store.js';
import { fixture } from './fixture.js';
import { tempDatabase } from './temp-database.js';

describe('two stores on one file', () => {
  let database: ReturnType<typeof tempDatabase>;
  let stores: SqliteStore[];
  beforeEach(() => {
    database = tempDatabase();
    stores = [sqliteStore({ file: database.file }), sqliteStore({ file: database.file })];
  });
  afterEach(() => {
    for (const store of stores) store.close();
    database.remove();
  });

  it('lets only the first of two commits on the same revision through', async () => {
    // given an instance waiting at a user task, loaded through both connections
    const [first, second] = stores;
    const engine = createEngine({ store: first, ids: sequentialIds() });
    await engine.deploy(fixture('review.bpmn'));
    const { id } = await engine.start('review');
    const mine = (await first.loadInstance(id)) as InstanceState;
    const theirs = (await second.loadInstance(id)) as InstanceState;
    // when both commit the next revision
    await first.commit({ state: { ...mine, revision: 2, variables: { by: 'first' } }, expectedRevision: 1, history: [] });
    const error = await second.commit({ state: { ...theirs, revision: 2, variables: { by: 'second' } }, expectedRevision: 1, history: [] }).catch((caught: unknown) => caught);
    // then the second is refused and the first one's state stands, seen through both
    expect(isEngineError(error) && error.code).toBe('CONCURRENT_MODIFICATION');
    expect(((await second.loadInstance(id)) as InstanceState).variables).toEqual({ by: 'first' });
    expect(await second.listTasks({ candidateGroup: 'managers' })).toHaveLength(1);
    engine.close();
  });
});
