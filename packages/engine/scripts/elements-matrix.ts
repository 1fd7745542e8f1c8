/**
 * Renders the README's supported-elements matrix from `ELEMENT_SUPPORT` (the same table deploy uses to
 * accept or refuse elements), so the README cannot drift from the code. `pnpm docs:matrix` rewrites the
 * README section; `test/docs/elements-matrix.test.ts` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ELEMENT_SUPPORT } from '../src/parse/element-support.js';

export const README_PATH = fileURLToPath(new URL('../../../README.md', import.meta.url));
const START = '<!-- elements-matrix:start -->';
const END = '<!-- elements-matrix:end -->';

const mark = (yes: boolean) => (yes ? 'yes' : '-');

export function renderElementsMatrix(): string {
  const rows = ELEMENT_SUPPORT.map((row) => {
    const label = row.docsPage ? `[${row.label}](docs/elements/${row.docsPage}.md)` : row.label;
    const pravah = row.pravah === 'supported' ? 'yes' : 'planned';
    return `| ${label} | ${pravah} | ${mark(row.camunda8)} | ${mark(row.camunda7)} | ${mark(row.bpmnEngine)} |`;
  });
  return ['| element | Pravah | Camunda 8 | Camunda 7 | bpmn-engine |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its matrix section replaced by a freshly rendered one. */
export function readmeWithMatrix(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} / ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${renderElementsMatrix()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README_PATH, readmeWithMatrix(readFileSync(README_PATH, 'utf8')));
  console.log('README.md elements matrix updated');
}
