import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../src/migrate.js';
import { migrations } from '../src/migrations/migrations.js';
import { sqliteStore } from '../src/sqlite-store.js';
import { tempDatabase } from './temp-database.js';

const applied = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
};

describe('schema migrations', () => {
  let database: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    database = tempDatabase();
  });
  afterEach(() => database.remove());

  it('applies every migration to a new file once, and nothing when the file is opened again', async () => {
    // given a store opened on a new file, with data in it
    const first = sqliteStore({ file: database.file });
    await first.replaceStartTimers('nightly', [{ id: 'nightly:1#start', definitionId: 'nightly:1', key: 'nightly', elementId: 'start', dueAt: 5 }]);
    first.close();
    const once = applied(database.file);
    expect(once.map((row) => (row as Migration).version)).toEqual(migrations.map((migration) => migration.version));
    // when it is opened again
    const second = sqliteStore({ file: database.file });
    // then nothing is applied again and the data is still there
    expect(applied(database.file)).toEqual(once);
    expect(await second.nextTimerDueAt()).toBe(5);
    second.close();
  });

  it('applies only the pending migrations, in version order, in one transaction', () => {
    // given a database at version 1
    const db = new Database(database.file);
    const step = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, sql });
    expect(migrate(db, [step(1, 'CREATE TABLE a (x)')], () => 1)).toEqual({ from: 0, to: 1, applied: [1] });
    // when two more ship, and the second of them fails
    expect(() => migrate(db, [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x)'), step(3, 'NOT SQL')], () => 2)).toThrow();
    // then neither is recorded nor half-applied; once fixed, both apply
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    const result = migrate(db, [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x)'), step(3, 'CREATE TABLE c (x)')], () => 3);
    expect(result).toEqual({ from: 1, to: 3, applied: [2, 3] });
    expect(migrate(db, [step(1, ''), step(2, ''), step(3, '')])).toEqual({ from: 3, to: 3, applied: [] });
    db.close();
  });

  it('refuses a database whose schema is newer than this package knows, with STATE_INVALID', () => {
    // given a file that a newer version of the package migrated further
    sqliteStore({ file: database.file }).close();
    const db = new Database(database.file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(999, 'from-the-future', 0);
    db.close();
    // when this version opens it, then it refuses
    let error: unknown;
    try {
      sqliteStore({ file: database.file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'STATE_INVALID', details: { schemaVersion: 999, supportedVersion: migrations.at(-1)!.version } });
  });
});
