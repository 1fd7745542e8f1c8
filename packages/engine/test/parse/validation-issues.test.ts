import { describe, expect, it } from 'vitest';
import { DefinitionValidationError } from '../../src/errors.js';
import type { ValidationIssue } from '../../src/model/validation-issue.js';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseError, parseFixture, parseIssues } from './parse-helpers.js';

/** code, elementId and path of each issue, for compact assertions. */
function summary(issues: ValidationIssue[]): Array<[string, string | undefined, string | undefined]> {
  return issues.map((issue) => [issue.code, issue.elementId, issue.path]);
}

describe('definition validation issues', () => {
  it('DUPLICATE_ID names the id and the line of the repeat', async () => {
    const issues = await parseIssues(parseFixture('duplicate-id.bpmn'));
    expect(issues).toEqual([expect.objectContaining({ code: 'DUPLICATE_ID', elementId: 'Task_1', line: 7 })]);
  });

  it('DANGLING_REFERENCE for a missing target and for a flow into another scope', async () => {
    const issues = await parseIssues(parseFixture('dangling-reference.bpmn'));
    expect(summary(issues)).toEqual([
      ['DANGLING_REFERENCE', 'ToNowhere', 'targetRef'],
      ['DANGLING_REFERENCE', 'IntoSub', 'targetRef'],
    ]);
    expect(issues[0]).toMatchObject({ elementType: 'bpmn:SequenceFlow', line: 5 });
  });

  it('INVALID_DEFAULT_FLOW when the default is not an outgoing flow', async () => {
    const issues = await parseIssues(parseFixture('invalid-default-flow.bpmn'));
    expect(summary(issues)).toEqual([['INVALID_DEFAULT_FLOW', 'Split', 'default']]);
    expect(issues[0].line).toBe(6);
  });

  it('GATEWAY_NEEDS_PATHS for gateways without incoming or outgoing flows; one guarded exit is fine', async () => {
    const issues = await parseIssues(parseFixture('gateway-without-paths.bpmn'));
    expect(summary(issues)).toEqual([
      ['GATEWAY_NEEDS_PATHS', 'Fork', 'outgoing'],
      ['GATEWAY_NEEDS_PATHS', 'Orphan', 'incoming'],
    ]);
  });

  it('MISSING_START_EVENT for the process and for sub-processes without exactly one start', async () => {
    const issues = await parseIssues(parseFixture('missing-start-event.bpmn'));
    expect(summary(issues).map(([code, id]) => [code, id])).toEqual([
      ['MISSING_START_EVENT', 'Sub'],
      ['MISSING_START_EVENT', 'TwoStarts'],
      ['MISSING_START_EVENT', 'NoStart'],
    ]);
  });

  it('NO_EXECUTABLE_PROCESS once for a file without executable process', async () => {
    const issues = await parseIssues(parseFixture('no-executable-process.bpmn'));
    expect(summary(issues)).toEqual([['NO_EXECUTABLE_PROCESS', undefined, undefined]]);
  });

  it('EXPRESSION_INVALID with the path of each bad expression and of a bad literal duration', async () => {
    const issues = await parseIssues(parseFixture('invalid-expressions.bpmn'));
    expect(summary(issues)).toEqual([
      ['EXPRESSION_INVALID', 'Review', 'camunda:assignee'],
      ['EXPRESSION_INVALID', 'Wait', 'timeDuration'],
      ['EXPRESSION_INVALID', 'Flow_2', 'conditionExpression'],
    ]);
    expect(issues.every((issue) => issue.line !== undefined)).toBe(true);
  });

  it('MISSING_IMPLEMENTATION for service-like and script tasks without implementation', async () => {
    const issues = await parseIssues(parseFixture('missing-implementation.bpmn'));
    expect(summary(issues)).toEqual([
      ['MISSING_IMPLEMENTATION', 'Charge', undefined],
      ['MISSING_IMPLEMENTATION', 'Notify', 'camunda:topic'],
      ['MISSING_IMPLEMENTATION', 'Calc', 'script'],
    ]);
  });

  it('MISSING_MESSAGE for a catch event whose message has no name', async () => {
    const issues = await parseIssues(parseFixture('missing-message.bpmn'));
    expect(summary(issues)).toEqual([['MISSING_MESSAGE', 'Catch', 'messageRef.name']]);
  });

  it('MISSING_MESSAGE for a catch event without messageRef', async () => {
    const xml = parseFixture('missing-message.bpmn').replace('<bpmn:messageEventDefinition messageRef="Nameless" />', '<bpmn:messageEventDefinition />');
    const issues = await parseIssues(xml);
    expect(summary(issues)).toEqual([['MISSING_MESSAGE', 'Catch', 'messageRef']]);
  });

  it('accepts a receive task without messageRef as a plain wait state', async () => {
    // given a Camunda 7 receive task without messageRef (the catch event is made valid)
    const xml = parseFixture('missing-message.bpmn').replace('<bpmn:message id="Nameless" />', '<bpmn:message id="Nameless" name="ping" />');
    // when parsed
    const [model] = (await parseBpmn(xml)).processes;
    // then the receive task has no message
    expect(model.nodes.Receive).toMatchObject({ type: 'receiveTask' });
    expect(model.nodes.Receive).not.toHaveProperty('message');
  });

  it('MISSING_TIMER for an empty timer; a cycle on an intermediate catch is unsupported', async () => {
    const issues = await parseIssues(parseFixture('missing-timer.bpmn'));
    expect(summary(issues)).toEqual([
      ['MISSING_TIMER', 'Empty', 'timerEventDefinition'],
      ['UNSUPPORTED_ELEMENT', 'Cycle', 'timeCycle'],
    ]);
    expect(issues[1].elementType).toBe('bpmn:IntermediateCatchEvent+bpmn:TimerEventDefinition');
  });

  it('UNSUPPORTED_SCRIPT_FORMAT for JavaScript and for external script resources', async () => {
    const issues = await parseIssues(parseFixture('unsupported-script.bpmn'));
    expect(summary(issues)).toEqual([
      ['UNSUPPORTED_SCRIPT_FORMAT', 'Js', 'scriptFormat'],
      ['UNSUPPORTED_SCRIPT_FORMAT', 'Groovy', 'camunda:resource'],
    ]);
  });

  it('UNSUPPORTED_SCRIPT_FORMAT for a condition in a script language', async () => {
    const xml = parseFixture('gateway-without-paths.bpmn').replace('<bpmn:conditionExpression>', '<bpmn:conditionExpression language="javascript">');
    const issues = await parseIssues(xml);
    expect(summary(issues)).toContainEqual(['UNSUPPORTED_SCRIPT_FORMAT', 'Flow_4', 'conditionExpression']);
  });

  it('throws DEFINITION_INVALID when no issue is about an unsupported element', async () => {
    const error = await parseError(parseFixture('missing-message.bpmn'));
    expect(error).toBeInstanceOf(DefinitionValidationError);
    expect((error as DefinitionValidationError).code).toBe('DEFINITION_INVALID');
  });
});
