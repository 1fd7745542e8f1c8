import { DefinitionValidationError, XmlError } from '../../src/errors.js';
import type { ValidationIssue } from '../../src/model/validation-issue.js';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { fixture } from '../fixture.js';

/** Reads `test/fixtures/parse/<name>`. */
export function parseFixture(name: string): string {
  return fixture(`parse/${name}`);
}

/** The error `parseBpmn` rejects with; fails the test when it resolves. */
export async function parseError(xml: string | Uint8Array): Promise<unknown> {
  try {
    await parseBpmn(xml);
  } catch (error) {
    return error;
  }
  throw new Error('expected parseBpmn to reject');
}

/** The issues of the DefinitionValidationError `parseBpmn` rejects with. */
export async function parseIssues(xml: string): Promise<ValidationIssue[]> {
  const error = await parseError(xml);
  if (!(error instanceof DefinitionValidationError)) throw error;
  return error.issues;
}

export async function xmlError(xml: string | Uint8Array): Promise<XmlError> {
  const error = await parseError(xml);
  if (!(error instanceof XmlError)) throw error;
  return error;
}
