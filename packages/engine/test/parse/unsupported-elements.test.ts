import { describe, expect, it } from 'vitest';
import { DefinitionValidationError } from '../../src/errors.js';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseError, parseFixture } from './parse-helpers.js';

describe('unsupported elements', () => {
  it('names id, type and line of every unsupported element and fails with UNSUPPORTED_ELEMENT', async () => {
    // given a process with a complex gateway, a multiple boundary event, an ad-hoc sub-process, a standard loop
    // and an element BPMN does not define (its DMN task is supported: a decision job)
    const xml = parseFixture('unsupported-elements.bpmn');
    // when parsed
    const error = await parseError(xml);
    // then every one of them is reported, none stops the others
    expect(error).toBeInstanceOf(DefinitionValidationError);
    const { code, issues } = error as DefinitionValidationError;
    expect(code).toBe('UNSUPPORTED_ELEMENT');
    expect(issues.map(({ code, elementId, elementType, path, line }) => ({ code, elementId, elementType, path, line }))).toEqual([
      { code: 'UNSUPPORTED_ELEMENT', elementId: 'Invented', elementType: 'bpmn:FooBar', path: undefined, line: 25 },
      { code: 'UNSUPPORTED_ELEMENT', elementId: 'Complex', elementType: 'bpmn:ComplexGateway', path: undefined, line: 6 },
      {
        code: 'UNSUPPORTED_ELEMENT',
        elementId: 'Either',
        elementType: 'bpmn:BoundaryEvent+bpmn:TimerEventDefinition+bpmn:SignalEventDefinition',
        path: undefined,
        line: 9,
      },
      { code: 'UNSUPPORTED_ELEMENT', elementId: 'Loose', elementType: 'bpmn:AdHocSubProcess', path: undefined, line: 15 },
      { code: 'UNSUPPORTED_ELEMENT', elementId: 'Each', elementType: 'bpmn:StandardLoopCharacteristics', path: 'loopCharacteristics', line: 19 },
    ]);
  });

  it('compiles a DMN business rule task into a decision job whose result goes to resultVariable', async () => {
    const xml = parseFixture('zeebe-tasks.bpmn').replace(
      '<bpmn:serviceTask id="Charge">',
      '<bpmn:businessRuleTask id="Rules"><bpmn:extensionElements><zeebe:calledDecision decisionId="risk" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask><bpmn:serviceTask id="Charge">',
    );
    const { processes } = await parseBpmn(xml);
    expect(processes[0].nodes.Rules).toMatchObject({ type: 'businessRuleTask', job: { type: 'decision:risk', source: 'zeebe:calledDecision', resultVariable: 'r' } });
  });
});
