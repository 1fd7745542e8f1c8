import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture } from './parse-helpers.js';

describe('Zeebe extensions', () => {
  it('maps assignment, schedule, form id and priority of a user task', async () => {
    const { processes } = await parseBpmn(parseFixture('zeebe-tasks.bpmn'));
    expect(processes[0].nodes.Review).toMatchObject({
      type: 'userTask',
      assignment: {
        assignee: '= initiator',
        candidateGroups: 'reviewers',
        candidateUsers: '= ["anna"]',
        dueDate: '= now() + duration("P1D")',
        followUpDate: '2030-01-01T09:00:00Z',
        formKey: 'review-form',
        priority: '75',
      },
    });
  });

  it('maps the task definition and headers of a service task', async () => {
    const { nodes } = (await parseBpmn(parseFixture('zeebe-tasks.bpmn'))).processes[0];
    expect(nodes.Charge).toMatchObject({
      type: 'serviceTask',
      job: { type: 'charge-card', source: 'zeebe:taskDefinition', retries: '5', headers: { currency: 'EUR', mode: 'live' } },
    });
  });

  it('maps zeebe:script, messages with correlation keys and timer dates', async () => {
    const { nodes } = (await parseBpmn(parseFixture('zeebe-tasks.bpmn'))).processes[0];
    expect(nodes.Total).toMatchObject({ script: { expression: '= sum(items.price)', resultVariable: 'total' } });
    const message = { name: 'payment-received', correlationKey: '= orderId' };
    expect(nodes.Paid).toMatchObject({ type: 'intermediateCatchEvent', eventDefinition: { type: 'message', message } });
    expect(nodes.Ship).toMatchObject({ type: 'receiveTask', message });
    expect(nodes.Cool).toMatchObject({ eventDefinition: { type: 'timer', timer: { kind: 'date', value: '2030-01-01T00:00:00Z' } } });
  });

  it('warns about zeebe:properties and ignores modeler template attributes', async () => {
    const { warnings } = await parseBpmn(parseFixture('zeebe-tasks.bpmn'));
    expect(warnings.map((w) => [w.code, w.elementId, w.path])).toEqual([['MODEL_WARNING', 'Review', 'zeebe:properties']]);
  });
});
