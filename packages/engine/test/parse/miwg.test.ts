import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionValidationError, XmlError } from '../../src/errors.js';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';

// BPMN MIWG reference models (read from the shared corpus until they are copied here with their NOTICE).
const MIWG_DIR = '/work/shared/conformance/miwg';
const files = readdirSync(MIWG_DIR).filter((name) => name.endsWith('.bpmn')).sort();

describe('MIWG reference models', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s deploys or is refused with a definition error', async (name) => {
    // given a reference model from another tool
    const xml = readFileSync(join(MIWG_DIR, name));
    // when parsed, then it resolves or fails with an unsupported-element / invalid-definition error only
    try {
      await parseBpmn(xml);
    } catch (error) {
      expect(error instanceof DefinitionValidationError || error instanceof XmlError).toBe(true);
      expect(['UNSUPPORTED_ELEMENT', 'DEFINITION_INVALID']).toContain((error as DefinitionValidationError).code);
    }
  });
});
