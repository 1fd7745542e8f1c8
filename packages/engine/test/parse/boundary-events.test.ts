import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('boundary events', () => {
  it('compiles every kind of boundary event and lists them on the activity in document order', async () => {
    // given a user task with timer, message, signal and conditional boundaries (one written before the task)
    // and a service task with error and escalation boundaries
    const { processes, warnings } = await parseBpmn(parseFixture('boundary-events.bpmn'));
    const { nodes } = processes[0];
    // then each activity knows its boundary events in document order
    expect(nodes.Work.boundaryEvents).toEqual(['Deadline', 'Timeout', 'Reminder', 'Cancelled', 'Stopped', 'Changed']);
    expect(nodes.Pay.boundaryEvents).toEqual(['Declined', 'AnyError', 'Escalated', 'AnyEscalation']);
    // and each boundary event carries its attachment, interruption and definition
    expect(nodes.Deadline).toMatchObject({
      type: 'boundaryEvent',
      attachedTo: 'Work',
      cancelActivity: true,
      eventDefinition: { type: 'timer', timer: { kind: 'date', value: '2030-01-01T00:00:00Z' } },
    });
    expect(nodes.Timeout).toMatchObject({ cancelActivity: true, eventDefinition: { type: 'timer', timer: { kind: 'duration', value: 'PT1H' } } });
    expect(nodes.Reminder).toMatchObject({ cancelActivity: false, eventDefinition: { type: 'timer', timer: { kind: 'cycle', value: 'R/PT10M' } } });
    expect(nodes.Cancelled).toMatchObject({ eventDefinition: { type: 'message', message: { name: 'cancel-order' } } });
    expect(nodes.Stopped).toMatchObject({ cancelActivity: false, eventDefinition: { type: 'signal', signalName: 'stop' } });
    expect(nodes.Changed).toMatchObject({ eventDefinition: { type: 'conditional', condition: '${amount > 100}' } });
  });

  it('maps error and escalation refs to codes; no ref catches everything', async () => {
    const { processes } = await parseBpmn(parseFixture('boundary-events.bpmn'));
    const { nodes } = processes[0];
    expect(nodes.Declined).toMatchObject({
      eventDefinition: {
        type: 'error',
        errorCode: 'CARD_DECLINED',
        errorMessage: 'Card was declined',
        errorCodeVariable: 'code',
        errorMessageVariable: 'reason',
      },
    });
    expect(nodes.AnyError).toMatchObject({ eventDefinition: { type: 'error' } });
    expect(nodes.AnyError).not.toHaveProperty('eventDefinition.errorCode');
    expect(nodes.Escalated).toMatchObject({
      cancelActivity: false,
      eventDefinition: { type: 'escalation', escalationCode: 'LATE', escalationCodeVariable: 'escalation' },
    });
    expect(nodes.AnyEscalation).toMatchObject({ eventDefinition: { type: 'escalation' } });
    expect(nodes.AnyEscalation).not.toHaveProperty('eventDefinition.escalationCode');
  });

  it('makes an error boundary interrupting, with a MODEL_WARNING when it says otherwise', async () => {
    // given an error boundary with cancelActivity="false"
    const { processes, warnings } = await parseBpmn(parseFixture('boundary-events.bpmn'));
    // then it interrupts anyway and the override is reported
    expect(processes[0].nodes.AnyError).toMatchObject({ cancelActivity: true });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'MODEL_WARNING', elementId: 'AnyError', path: 'cancelActivity' }));
  });

  it('compiles a FEEL condition of a conditional boundary like a sequence-flow condition', async () => {
    const xml = parseFixture('boundary-events.bpmn').replace(
      '<bpmn:condition xsi:type="bpmn:tFormalExpression">${amount &gt; 100}</bpmn:condition>',
      '<bpmn:condition xsi:type="bpmn:tFormalExpression" language="feel">amount &gt; 100</bpmn:condition>',
    );
    const [model] = (await parseBpmn(xml)).processes;
    expect(model.nodes.Changed).toMatchObject({ eventDefinition: { type: 'conditional', condition: '=amount > 100' } });
  });

  it('EXPRESSION_INVALID for a conditional boundary with an empty or broken condition', async () => {
    const empty = parseFixture('boundary-events.bpmn').replace('${amount &gt; 100}', '');
    expect(await parseIssues(empty)).toEqual([expect.objectContaining({ code: 'EXPRESSION_INVALID', elementId: 'Changed', path: 'condition' })]);
    const broken = parseFixture('boundary-events.bpmn').replace('${amount &gt; 100}', '${amount &gt;}');
    expect(await parseIssues(broken)).toEqual([expect.objectContaining({ code: 'EXPRESSION_INVALID', elementId: 'Changed', path: 'condition' })]);
  });

  it('refuses boundaries on the wrong element, cancel off a transaction and non-interrupting compensation', async () => {
    // given a boundary on a task in another scope, one on a gateway, a cancel boundary on a sub-process and a
    // non-interrupting compensation boundary without handler
    const issues = await parseIssues(parseFixture('boundary-invalid.bpmn'));
    // then each is reported with the code and the attribute at fault
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['DANGLING_REFERENCE', 'OnInner', 'attachedToRef'],
      ['DANGLING_REFERENCE', 'OnGateway', 'attachedToRef'],
      ['UNSUPPORTED_ELEMENT', 'CancelSub', 'attachedToRef'],
      ['UNSUPPORTED_ELEMENT', 'UndoBook', 'cancelActivity'],
      ['DANGLING_REFERENCE', 'UndoBook', 'association'],
    ]);
  });
});
