import { initial } from './001-initial.js';
import type { Migration } from './migration.js';

/** Every migration this package ships, in version order. Add new ones at the end; never edit applied ones. */
export const migrations: readonly Migration[] = [initial];

export type { Migration } from './migration.js';
