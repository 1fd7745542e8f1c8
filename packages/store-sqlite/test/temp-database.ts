import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for database files; `remove` deletes it with everything in it. */
export function tempDatabase(): { file: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'pravah-sqlite-'));
  return { file: join(directory, 'pravah.db'), remove: () => rmSync(directory, { recursive: true, force: true }) };
}
