import { hostname } from 'node:os';
import { nanoid } from 'nanoid';

/** Where the engine gets new ids for process instances from. Ids inside an instance derive from its id. */
export interface IdSource {
  next(kind: 'instance'): string;
}

/** Random, URL-safe 21-character ids (nanoid). */
export function randomIds(): IdSource {
  return { next: () => nanoid() };
}

/** `instance-1`, `instance-2`, ...: deterministic ids for tests and examples. */
export function sequentialIds(prefix = ''): IdSource {
  let counter = 0;
  return { next: (kind) => `${prefix}${kind}-${++counter}` };
}

/** How an engine names itself on work leases: host, process and a random part (one engine per process is usual). */
export function engineOwnerId(): string {
  return `${hostname()}:${process.pid}:${nanoid(6)}`;
}
