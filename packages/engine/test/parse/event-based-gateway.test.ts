import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('event-based gateways', () => {
  it('compiles a gateway racing message, timer and signal catch events and a receive task', async () => {
    const [model] = (await parseBpmn(parseFixture('event-based-gateway.bpmn'))).processes;
    expect(model.nodes.Wait).toMatchObject({ type: 'eventBasedGateway', outgoing: ['ToPaid', 'ToTimeout', 'ToCancel', 'ToReply'] });
    expect(model.nodes.Cancel).toMatchObject({ type: 'intermediateCatchEvent', eventDefinition: { type: 'signal', signalName: 'cancel' } });
    expect(model.nodes.Reply).toMatchObject({ type: 'receiveTask' });
  });

  it('GATEWAY_NEEDS_PATHS for a path to something that does not catch an event', async () => {
    // given one path leading to a task instead of a catch event
    const xml = parseFixture('event-based-gateway.bpmn').replace('<bpmn:receiveTask id="Reply" />', '<bpmn:task id="Reply" />');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'GATEWAY_NEEDS_PATHS', elementId: 'Wait', path: 'outgoing' })]);
  });

  it('GATEWAY_NEEDS_PATHS for a gateway with a single outgoing flow', async () => {
    // given a gateway left with only the message path
    let xml = parseFixture('event-based-gateway.bpmn');
    for (const id of ['ToTimeout', 'ToCancel', 'ToReply']) xml = xml.replace(new RegExp(`<bpmn:sequenceFlow id="${id}"[^>]*/>`), '');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'GATEWAY_NEEDS_PATHS', elementId: 'Wait', path: 'outgoing' })]);
  });

  it('UNSUPPORTED_ELEMENT for a parallel or instantiating event-based gateway', async () => {
    const xml = parseFixture('event-based-gateway.bpmn').replace('<bpmn:eventBasedGateway id="Wait" />', '<bpmn:eventBasedGateway id="Wait" instantiate="true" eventGatewayType="Parallel" />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['UNSUPPORTED_ELEMENT', 'Wait', 'instantiate'],
      ['UNSUPPORTED_ELEMENT', 'Wait', 'eventGatewayType'],
    ]);
  });
});
