import { describe, expect, it } from 'vitest';
import { parseBpmn, validateDefinition } from '../../src/parse/parse-bpmn.js';
import { parseFixture } from './parse-helpers.js';

describe('parseBpmn', () => {
  it('compiles a minimal process with flows wired in document order and lines', async () => {
    // given a start -> task -> end process with DI, documentation and a text annotation
    const xml = parseFixture('minimal.bpmn');
    // when parsed
    const { processes, nonExecutable, warnings } = await parseBpmn(xml);
    // then one executable process comes back, with the ignored artifacts left out
    expect(nonExecutable).toEqual([]);
    expect(warnings).toEqual([]);
    expect(processes).toHaveLength(1);
    const [model] = processes;
    expect(model.id).toBe('Minimal');
    expect(model.name).toBe('Minimal process');
    expect(model.children).toEqual(['Start', 'Work', 'End']);
    expect(model.startEvents).toEqual(['Start']);
    expect(model.nodes.Start).toEqual({ id: 'Start', name: 'Go', type: 'startEvent', isInterrupting: true, scopeId: 'Minimal', incoming: [], outgoing: ['Flow_1'], line: 5 });
    expect(model.nodes.Work).toMatchObject({ type: 'task', incoming: ['Flow_1'], outgoing: ['Flow_2'], line: 8 });
    expect(model.flows.Flow_2).toEqual({ id: 'Flow_2', sourceId: 'Work', targetId: 'End', line: 16 });
    expect(model.inclusiveJoinUpstream).toEqual({});
  });

  it('accepts bytes with a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(parseFixture('minimal.bpmn'))]);
    const { processes } = await parseBpmn(bytes);
    expect(processes.map((p) => p.id)).toEqual(['Minimal']);
  });

  it('returns a model that survives a JSON round trip unchanged', async () => {
    const { processes } = await parseBpmn(parseFixture('sub-process.bpmn'));
    expect(JSON.parse(JSON.stringify(processes))).toEqual(processes);
  });

  it('scopes sub-process children and keeps the sub-process as one node of its parent', async () => {
    // given a process with an embedded sub-process, a default flow and a terminate end
    const { processes } = await parseBpmn(parseFixture('sub-process.bpmn'));
    const [model] = processes;
    // then nested nodes carry the sub-process as scope
    expect(model.children).toEqual(['Start', 'Sub', 'Throw', 'End']);
    expect(model.nodes.Sub).toMatchObject({
      type: 'subProcess',
      scopeId: 'Nested',
      children: ['SubStart', 'Inner', 'SubEnd'],
      startEvents: ['SubStart'],
      incoming: ['ToSub'],
      outgoing: ['SubToEnd'],
      defaultFlow: 'SubToEnd',
    });
    expect(model.nodes.Inner).toMatchObject({ type: 'manualTask', scopeId: 'Sub', incoming: ['SubFlow1'], outgoing: ['SubFlow2'] });
    expect(model.nodes.Throw).toMatchObject({ type: 'intermediateThrowEvent' });
    expect(model.nodes.End).toMatchObject({ type: 'endEvent', eventDefinition: { type: 'terminate' } });
    expect(Object.keys(model.flows)).toEqual(['ToSub', 'SubFlow1', 'SubFlow2', 'SubToEnd', 'ToEnd']);
  });

  it('deploys only the executable pool of a two-pool collaboration', async () => {
    // given a Camunda Modeler file: collaboration, two participants, lanes, message flow, data objects, groups
    const xml = parseFixture('two-pools.bpmn');
    // when parsed
    const { processes, nonExecutable } = await parseBpmn(xml);
    // then the executable pool is deployed and the other one is kept aside
    expect(processes.map((p) => p.id)).toEqual(['Shop']);
    expect(processes[0].children).toEqual(['Shop_Start', 'Shop_Receive', 'Shop_End']);
    expect(processes[0].nodes.Shop_Receive).toMatchObject({ type: 'receiveTask', message: { name: 'order-placed' } });
    expect(nonExecutable.map((p) => p.id)).toEqual(['Customer']);
  });

  it('accepts Camunda 7 test-style models: default namespace, flows without id, QName references', async () => {
    // given flows without ids (two of them parallel) and messageRef="tns:newInvoice"
    const [model] = (await parseBpmn(parseFixture('camunda7-test-style.bpmn'))).processes;
    // then flows get generated ids and the message resolves
    expect(model.nodes.fork.outgoing).toEqual(['fork->wait', 'fork->wait#2']);
    expect(model.flows['fork->wait#2']).toMatchObject({ sourceId: 'fork', targetId: 'wait' });
    expect(model.nodes.wait).toMatchObject({ type: 'receiveTask', message: { name: 'newInvoiceMessage' }, incoming: ['fork->wait', 'fork->wait#2'] });
  });

  it('leaves non-executable processes with unsupported content out, without failing', async () => {
    // given an executable process next to a non-executable one holding a complex gateway
    const xml = parseFixture('two-pools.bpmn').replace(
      '<bpmn:sendTask id="Customer_Send" name="Place order">',
      '<bpmn:complexGateway id="Customer_Complex" /><bpmn:sendTask id="Customer_Send" name="Place order">',
    );
    const { processes, nonExecutable } = await parseBpmn(xml);
    expect(processes.map((p) => p.id)).toEqual(['Shop']);
    expect(nonExecutable).toEqual([]);
  });
});

describe('validateDefinition', () => {
  it('reports a valid definition', async () => {
    expect(await validateDefinition(parseFixture('minimal.bpmn'))).toEqual({ valid: true, issues: [], warnings: [] });
  });

  it('returns every issue instead of throwing', async () => {
    // given a file with several independent problems
    const result = await validateDefinition(parseFixture('missing-start-event.bpmn'));
    // then they all come back
    expect(result.valid).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.elementId])).toEqual([
      ['MISSING_START_EVENT', 'Sub'],
      ['MISSING_START_EVENT', 'TwoStarts'],
      ['MISSING_START_EVENT', 'NoStart'],
    ]);
  });
});
