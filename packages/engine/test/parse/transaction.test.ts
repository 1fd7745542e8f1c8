import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('transactions', () => {
  it('compiles a transaction as a scope with a cancel end event and a cancel boundary', async () => {
    // given a transaction whose cancel end event is caught by a cancel boundary
    const [model] = (await parseBpmn(parseFixture('transaction.bpmn'))).processes;
    // then the transaction is a sub-process scope of type transaction
    expect(model.nodes.Purchase).toMatchObject({
      type: 'transaction',
      children: ['TxStart', 'Confirm', 'Decide', 'TxDone', 'Abort'],
      startEvents: ['TxStart'],
      boundaryEvents: ['Cancelled'],
    });
    expect(model.nodes.Purchase).not.toHaveProperty('eventSubProcesses');
    expect(model.nodes.Abort).toMatchObject({ type: 'endEvent', scopeId: 'Purchase', eventDefinition: { type: 'cancel' } });
    expect(model.nodes.Cancelled).toMatchObject({ attachedTo: 'Purchase', cancelActivity: true, eventDefinition: { type: 'cancel' } });
  });

  it('UNSUPPORTED_ELEMENT for a cancel end event outside a transaction', async () => {
    // given the transaction turned into a plain sub-process (and its cancel boundary removed)
    const xml = parseFixture('transaction.bpmn')
      .replace('<bpmn:transaction id="Purchase">', '<bpmn:subProcess id="Purchase">')
      .replace('</bpmn:transaction>', '</bpmn:subProcess>')
      .replace(/<bpmn:boundaryEvent id="Cancelled"[\s\S]*?<\/bpmn:boundaryEvent>/, '')
      .replace('<bpmn:sequenceFlow id="Flow_2" sourceRef="Cancelled" targetRef="End" />', '');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'Abort', elementType: 'bpmn:EndEvent+bpmn:CancelEventDefinition' }),
    ]);
  });

  it('MISSING_START_EVENT for a transaction without a none start event', async () => {
    const xml = parseFixture('transaction.bpmn')
      .replace('<bpmn:startEvent id="TxStart" />', '')
      .replace('<bpmn:sequenceFlow id="Tx_1" sourceRef="TxStart" targetRef="Confirm" />', '');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'MISSING_START_EVENT', elementId: 'Purchase' })]);
  });
});
