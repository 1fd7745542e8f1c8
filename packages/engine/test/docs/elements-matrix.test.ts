import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, readmeWithMatrix } from '../../scripts/elements-matrix.js';
import { ELEMENT_SUPPORT } from '../../src/parse/element-support.js';
import { elementBehaviors } from '../../src/runtime/element-registry.js';

describe('supported-elements matrix', () => {
  it('the README shows the matrix rendered from the support table (run `pnpm docs:matrix` if not)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(readmeWithMatrix(readme));
  });

  it('every supported element has a docs page that exists', () => {
    for (const row of ELEMENT_SUPPORT.filter((candidate) => candidate.pravah === 'supported')) {
      expect(row.docsPage, row.label).toBeDefined();
      expect(existsSync(new URL(`../../../../docs/elements/${row.docsPage}.md`, import.meta.url)), row.docsPage).toBe(true);
    }
  });

  it('every supported flow-node tag has a runtime behaviour', () => {
    const tags = new Set(Object.keys(elementBehaviors));
    const notFlowNodes = new Set(['bpmn:SequenceFlow', 'bpmn:MultiInstanceLoopCharacteristics']);
    for (const row of ELEMENT_SUPPORT.filter((candidate) => candidate.pravah === 'supported' && !notFlowNodes.has(candidate.bpmnType))) {
      const tag = row.variant === 'eventSubProcess' ? 'eventSubProcess' : row.bpmnType.replace('bpmn:', '');
      expect(tags.has(tag[0].toLowerCase() + tag.slice(1)), row.bpmnType).toBe(true);
    }
  });
});
