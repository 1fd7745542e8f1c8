import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('throw and end events', () => {
  it('compiles signal, escalation and message throws, the message throw with its job', async () => {
    const [model] = (await parseBpmn(parseFixture('throw-events.bpmn'))).processes;
    expect(model.nodes.Alert).toMatchObject({ type: 'intermediateThrowEvent', eventDefinition: { type: 'signal', signalName: 'alert-${region}' } });
    expect(model.nodes.Escalate).toMatchObject({ eventDefinition: { type: 'escalation', escalationCode: 'REVIEW' } });
    expect(model.nodes.Notify).toMatchObject({
      eventDefinition: { type: 'message', message: { name: 'shipped' } },
      job: { type: 'notify', source: 'zeebe:taskDefinition', retries: '5' },
    });
  });

  it('compiles error, signal, escalation, message and terminate end events', async () => {
    const [model] = (await parseBpmn(parseFixture('throw-events.bpmn'))).processes;
    expect(model.nodes.Failed).toMatchObject({ type: 'endEvent', eventDefinition: { type: 'error', errorCode: 'OUT_OF_STOCK' } });
    expect(model.nodes.Broadcast).toMatchObject({ eventDefinition: { type: 'signal', signalName: 'alert-${region}' } });
    expect(model.nodes.Raise).toMatchObject({ eventDefinition: { type: 'escalation', escalationCode: 'REVIEW' } });
    expect(model.nodes.Stop).toMatchObject({ eventDefinition: { type: 'terminate' } });
    // a Camunda 7 message end event reads its delegate from the messageEventDefinition
    expect(model.nodes.Mail).toMatchObject({ job: { type: 'mailer', source: 'camunda:delegateExpression' } });
    // a message end event without message nor implementation does nothing: no job, no message
    expect(model.nodes.Quiet).not.toHaveProperty('job');
    expect(model.nodes.Quiet).not.toHaveProperty('eventDefinition');
  });

  it('DANGLING_REFERENCE for throws without the escalation or signal they need; an error end may omit errorRef', async () => {
    // given an error end without errorRef (BPMN allows it: only catch-alls catch it), an escalation throw whose
    // escalation has no code and a signal throw without signalRef
    const xml = parseFixture('throw-events.bpmn')
      .replace('<bpmn:errorEventDefinition errorRef="Err_Stock" />', '<bpmn:errorEventDefinition />')
      .replace('<bpmn:escalation id="Esc_Review" escalationCode="REVIEW" />', '<bpmn:escalation id="Esc_Review" />')
      .replace('<bpmn:intermediateThrowEvent id="Alert"><bpmn:signalEventDefinition signalRef="Sig_Alert" />', '<bpmn:intermediateThrowEvent id="Alert"><bpmn:signalEventDefinition />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['DANGLING_REFERENCE', 'Alert', 'signalRef'],
      ['DANGLING_REFERENCE', 'Escalate', 'escalationRef.escalationCode'],
      ['DANGLING_REFERENCE', 'Raise', 'escalationRef.escalationCode'],
    ]);
  });

  it('UNSUPPORTED_ELEMENT for camunda:expression on a message end event', async () => {
    const xml = parseFixture('throw-events.bpmn').replace('camunda:delegateExpression="${mailer}"', 'camunda:expression="${sent}"');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'Mail', path: 'camunda:expression' })]);
  });

  it('EXPRESSION_INVALID for a signal name that is a broken expression', async () => {
    const xml = parseFixture('throw-events.bpmn').replace('name="alert-${region}"', 'name="alert-${region"');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['EXPRESSION_INVALID', 'Alert', 'signalRef.name'],
      ['EXPRESSION_INVALID', 'Broadcast', 'signalRef.name'],
    ]);
  });
});
