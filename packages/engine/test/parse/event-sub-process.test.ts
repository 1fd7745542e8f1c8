import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('event sub-processes', () => {
  it('compiles event sub-processes into the scope that contains them', async () => {
    // given a non-interrupting message event sub-process in the process and an error one in a sub-process
    const [model] = (await parseBpmn(parseFixture('event-sub-process.bpmn'))).processes;
    // then each scope lists its event sub-processes among its children and in eventSubProcesses
    expect(model.eventSubProcesses).toEqual(['OnUpdate']);
    expect(model.children).toEqual(['Start', 'Fulfil', 'End', 'OnUpdate']);
    expect(model.startEvents).toEqual(['Start']);
    expect(model.nodes.Fulfil).toMatchObject({ type: 'subProcess', eventSubProcesses: ['OnFailure'] });
    // and each event sub-process names its triggering start event
    expect(model.nodes.OnUpdate).toMatchObject({
      type: 'eventSubProcess',
      scopeId: 'Orders',
      startEvent: 'UpdateStart',
      children: ['UpdateStart', 'Note', 'UpdateEnd'],
      startEvents: [],
      incoming: [],
      outgoing: [],
    });
    expect(model.nodes.OnUpdate).not.toHaveProperty('eventSubProcesses');
    expect(model.nodes.UpdateStart).toMatchObject({
      scopeId: 'OnUpdate',
      isInterrupting: false,
      eventDefinition: { type: 'message', message: { name: 'order-updated' } },
    });
    expect(model.nodes.OnFailure).toMatchObject({ type: 'eventSubProcess', scopeId: 'Fulfil', startEvent: 'FailureStart' });
    expect(model.nodes.FailureStart).toMatchObject({ isInterrupting: true, eventDefinition: { type: 'error', errorCode: 'FAILED' } });
    // and the process itself has no event start events
    expect(model).not.toHaveProperty('eventStartEvents');
  });

  it('keeps an error start event interrupting, with a MODEL_WARNING', async () => {
    const xml = parseFixture('event-sub-process.bpmn').replace('<bpmn:startEvent id="FailureStart">', '<bpmn:startEvent id="FailureStart" isInterrupting="false">');
    const { processes, warnings } = await parseBpmn(xml);
    expect(processes[0].nodes.FailureStart).toMatchObject({ isInterrupting: true });
    expect(warnings).toContainEqual(expect.objectContaining({ elementId: 'FailureStart', path: 'isInterrupting' }));
  });

  it('refuses misplaced start events and event sub-processes without exactly one event start', async () => {
    // given an error start in the process, a message start in an embedded sub-process, event sub-processes with a
    // none start and with two starts, and one wired with a sequence flow
    const issues = await parseIssues(parseFixture('event-sub-process-invalid.bpmn'));
    // then each is reported
    expect(issues.map(({ code, elementId, path, elementType }) => [code, elementId, path ?? elementType])).toEqual([
      ['UNSUPPORTED_ELEMENT', 'ErrorStart', 'bpmn:StartEvent+bpmn:ErrorEventDefinition'],
      ['UNSUPPORTED_ELEMENT', 'SubMessageStart', 'bpmn:StartEvent+bpmn:MessageEventDefinition'],
      ['MISSING_START_EVENT', 'NoneStart', 'bpmn:SubProcess'],
      ['MISSING_START_EVENT', 'TwoStarts', 'bpmn:SubProcess'],
      ['DANGLING_REFERENCE', 'Wired', 'incoming'],
    ]);
  });
});
