import { readFileSync } from 'node:fs';

/** Reads a BPMN fixture from test/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}
