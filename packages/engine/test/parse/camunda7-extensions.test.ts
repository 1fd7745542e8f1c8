import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture } from './parse-helpers.js';

describe('Camunda 7 extensions', () => {
  it('maps user task attributes to the assignment', async () => {
    const { processes } = await parseBpmn(parseFixture('camunda7-tasks.bpmn'));
    expect(processes[0].nodes.Approve).toMatchObject({
      type: 'userTask',
      assignment: {
        assignee: '${initiator}',
        candidateUsers: 'anna,ben',
        candidateGroups: 'managers',
        dueDate: '${due}',
        followUpDate: '2030-01-01T00:00:00Z',
        formKey: 'embedded:app:forms/approve.html',
        priority: '60',
      },
    });
  });

  it('maps external topics, delegate expressions, classes and expressions of service-like tasks', async () => {
    const { nodes } = (await parseBpmn(parseFixture('camunda7-tasks.bpmn'))).processes[0];
    expect(nodes.External).toMatchObject({ type: 'serviceTask', job: { type: 'charge-card', source: 'camunda:topic' } });
    expect(nodes.Delegate).toMatchObject({ job: { type: 'sendMail', source: 'camunda:delegateExpression' } });
    expect(nodes.DelegateCall).toMatchObject({ type: 'sendTask', job: { type: '${beans.mailer}', source: 'camunda:delegateExpression' } });
    expect(nodes.Class).toMatchObject({ type: 'businessRuleTask', job: { type: 'org.example.RiskCheck', source: 'camunda:class' } });
    expect(nodes.Expression).toMatchObject({ expression: { expression: '${total * 2}', resultVariable: 'doubled' } });
    expect(nodes.Expression).not.toHaveProperty('job');
  });

  it('keeps JUEL scripts and prefixes FEEL scripts with =', async () => {
    const { nodes } = (await parseBpmn(parseFixture('camunda7-tasks.bpmn'))).processes[0];
    expect(nodes.Juel).toMatchObject({ type: 'scriptTask', script: { expression: '${a + b}', resultVariable: 'sum' } });
    expect(nodes.Feel).toMatchObject({ script: { expression: '="Hello " + name', resultVariable: 'greeting' } });
  });

  it('reads async flags, and warns about listeners and form fields it ignores', async () => {
    const { warnings, processes } = await parseBpmn(parseFixture('camunda7-tasks.bpmn'));
    expect(processes[0].nodes.Start).toMatchObject({ asyncBefore: true });
    expect(warnings.map((w) => [w.code, w.elementId, w.path])).toEqual([
      ['MODEL_WARNING', 'Approve', 'camunda:taskListener'],
      ['MODEL_WARNING', 'Approve', 'camunda:formData'],
      ['MODEL_WARNING', 'Flow_9', 'camunda:executionListener'],
    ]);
  });
});
