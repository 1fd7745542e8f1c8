import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DefinitionValidationError } from '../../src/errors.js';
import { createTestEngine } from '../../src/testing/index.js';

// BPMN MIWG reference models (CC BY 3.0, see miwg/NOTICE.txt), copied unchanged.
const MIWG_DIR = new URL('./miwg/', import.meta.url);
const files = readdirSync(MIWG_DIR).filter((name) => name.endsWith('.bpmn')).sort();

describe('MIWG reference models', () => {
  it('finds the corpus', () => {
    expect(files.length).toBe(21);
  });

  it.each(files)('%s deploys, or is refused naming what', async (name) => {
    // given a reference model written by another tool
    const engine = createTestEngine();
    const xml = readFileSync(new URL(name, MIWG_DIR));
    // when deployed
    const outcome = await engine.deploy(xml).then(
      (deployed) => ({ deployed }),
      (error: unknown) => ({ error }),
    );
    // then it deploys, or fails with a definition error whose issues name an element (or the file)
    if ('deployed' in outcome) {
      expect(outcome.deployed.length).toBeGreaterThan(0);
      return;
    }
    const { error } = outcome;
    expect(error).toBeInstanceOf(DefinitionValidationError);
    const validation = error as DefinitionValidationError;
    expect(['UNSUPPORTED_ELEMENT', 'DEFINITION_INVALID']).toContain(validation.code);
    expect(validation.issues.length).toBeGreaterThan(0);
    for (const issue of validation.issues) {
      if (issue.code !== 'NO_EXECUTABLE_PROCESS') expect(issue.elementId, `${issue.code}: ${issue.message}`).toBeTruthy();
    }
    if (validation.code === 'UNSUPPORTED_ELEMENT') {
      const unsupported = validation.issues.find((issue) => issue.code === 'UNSUPPORTED_ELEMENT')!;
      expect(unsupported.elementType).toMatch(/^bpmn:/);
      expect(unsupported.line).toBeGreaterThan(0);
    }
  });

  it('B.2.0 (descriptive, nothing executable) deploys on request: stored, listed, never started', async () => {
    // given the full descriptive model
    const engine = createTestEngine();
    const xml = readFileSync(new URL('B.2.0.bpmn', MIWG_DIR));
    // when deployed plainly it is refused, naming the reason; with allowNonExecutable it is stored
    await expect(engine.deploy(xml)).rejects.toMatchObject({ code: 'DEFINITION_INVALID', issues: [{ code: 'NO_EXECUTABLE_PROCESS' }] });
    const deployed = await engine.deploy({ xml, name: 'B.2.0.bpmn', allowNonExecutable: true });
    // then
    expect(deployed.length).toBeGreaterThan(0);
    const definitions = await engine.listDefinitions();
    expect(definitions.every((definition) => definition.executable === false)).toBe(true);
    await expect(engine.start(deployed[0].key)).rejects.toMatchObject({ code: 'DEFINITION_NOT_EXECUTABLE' });
  });
});
