import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('process start events with a definition', () => {
  it('lists message, timer, signal and conditional start events apart from the none start event', async () => {
    // given a process with a none start and four event starts
    const [model] = (await parseBpmn(parseFixture('event-start-events.bpmn'))).processes;
    // then the none start is in startEvents, the others in eventStartEvents
    expect(model.startEvents).toEqual(['Start']);
    expect(model.eventStartEvents).toEqual(['ByMessage', 'ByTimer', 'BySignal', 'ByCondition']);
    expect(model.nodes.ByMessage).toMatchObject({ isInterrupting: true, eventDefinition: { type: 'message', message: { name: 'order-placed' } } });
    expect(model.nodes.ByTimer).toMatchObject({ eventDefinition: { type: 'timer', timer: { kind: 'cycle', value: 'R2/PT5M' } } });
    expect(model.nodes.BySignal).toMatchObject({ eventDefinition: { type: 'signal', signalName: 'go' } });
    expect(model.nodes.ByCondition).toMatchObject({ eventDefinition: { type: 'conditional', condition: '=stock < 10' } });
  });

  it('deploys a process whose only start event is a message start', async () => {
    const xml = parseFixture('event-start-events.bpmn')
      .replace('<bpmn:startEvent id="Start" />', '')
      .replace('<bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Work" />', '');
    const [model] = (await parseBpmn(xml)).processes;
    expect(model.startEvents).toEqual([]);
    expect(model.eventStartEvents).toHaveLength(4);
  });

  it('EXPRESSION_INVALID for a bad timer cycle, DANGLING_REFERENCE for a signal without name', async () => {
    const xml = parseFixture('event-start-events.bpmn')
      .replace('R2/PT5M', 'every five minutes')
      .replace('<bpmn:signal id="Sig_Go" name="go" />', '<bpmn:signal id="Sig_Go" />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['DANGLING_REFERENCE', 'BySignal', 'signalRef.name'],
      ['EXPRESSION_INVALID', 'ByTimer', 'timeCycle'],
    ]);
  });
});
