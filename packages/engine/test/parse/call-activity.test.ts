import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('call activities', () => {
  it('maps a Camunda 7 call activity: calledElement, binding, version and camunda:in / camunda:out', async () => {
    // given a call activity with a fixed version and every kind of in/out mapping, and a plain one
    const [model] = (await parseBpmn(parseFixture('call-activity-camunda7.bpmn'))).processes;
    // then only the mappings pass data
    expect(model.nodes.Bill).toMatchObject({
      type: 'callActivity',
      calledElement: {
        processId: 'billing',
        binding: 'version',
        version: '3',
        inputs: [{ source: 'orderId', target: 'id' }, { sourceExpression: '${amount * 2}', target: 'double' }, { all: true, local: true }],
        outputs: [{ source: 'invoice', target: 'invoice', local: true }, { all: true }],
        propagateAllChildVariables: false,
        propagateAllParentVariables: false,
      },
    });
    expect(model.nodes.Ship).toMatchObject({
      calledElement: { processId: 'shipping', binding: 'latest', propagateAllChildVariables: false, propagateAllParentVariables: false },
    });
    expect(model.nodes.Ship).not.toHaveProperty('calledElement.inputs');
  });

  it('maps zeebe:calledElement with both propagate flags defaulting to true', async () => {
    const [model] = (await parseBpmn(parseFixture('call-activity-zeebe.bpmn'))).processes;
    expect(model.nodes.Child).toMatchObject({
      calledElement: { processId: '= childProcessId', binding: 'latest', propagateAllChildVariables: false, propagateAllParentVariables: true },
    });
    expect(model.nodes.Defaults).toMatchObject({
      calledElement: { processId: 'child', binding: 'latest', propagateAllChildVariables: true, propagateAllParentVariables: true },
    });
  });

  it('UNSUPPORTED_ELEMENT for a versionTag binding, MISSING_IMPLEMENTATION without a called element', async () => {
    // given one call activity bound by version tag and one calling nothing
    const xml = parseFixture('call-activity-camunda7.bpmn')
      .replace('camunda:calledElementBinding="version" camunda:calledElementVersion="3"', 'camunda:calledElementBinding="versionTag" camunda:calledElementVersionTag="v1"')
      .replace('<bpmn:callActivity id="Ship" calledElement="shipping" />', '<bpmn:callActivity id="Ship" />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['UNSUPPORTED_ELEMENT', 'Bill', 'camunda:calledElementBinding'],
      ['MISSING_IMPLEMENTATION', 'Ship', 'calledElement'],
    ]);
  });

  it('EXPRESSION_INVALID for a broken sourceExpression and for a mapping without target', async () => {
    const xml = parseFixture('call-activity-camunda7.bpmn')
      .replace('sourceExpression="${amount * 2}"', 'sourceExpression="${amount *}"')
      .replace('<camunda:out source="invoice" target="invoice" local="true" />', '<camunda:out source="invoice" />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['EXPRESSION_INVALID', 'Bill', 'camunda:out[]'],
      ['EXPRESSION_INVALID', 'Bill', 'camunda:in[double]'],
    ]);
  });

  it('MISSING_IMPLEMENTATION for zeebe:calledElement without processId', async () => {
    const xml = parseFixture('call-activity-zeebe.bpmn').replace('<zeebe:calledElement processId="child" />', '<zeebe:calledElement />');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'MISSING_IMPLEMENTATION', elementId: 'Defaults', path: 'zeebe:calledElement.processId' })]);
  });
});
