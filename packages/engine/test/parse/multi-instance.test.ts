import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('multi-instance activities', () => {
  it('maps Camunda 7 collections: a plain variable name becomes an expression', async () => {
    const [model] = (await parseBpmn(parseFixture('multi-instance.bpmn'))).processes;
    expect(model.nodes.Review.multiInstance).toEqual({
      sequential: false,
      inputCollection: '${reviewers}',
      inputElement: 'reviewer',
      completionCondition: '${nrOfCompletedInstances >= 2}',
    });
    expect(model.nodes.PackItems.multiInstance).toEqual({ sequential: true, inputCollection: '${order.items}', inputElement: 'item' });
    expect(model.nodes.Retry.multiInstance).toEqual({ sequential: true, loopCardinality: '3' });
  });

  it('maps BPMN loopDataInputRef and inputDataItem to variable names', async () => {
    const [model] = (await parseBpmn(parseFixture('multi-instance.bpmn'))).processes;
    // an unresolved ref is the variable name as written
    expect(model.nodes.Assign.multiInstance).toEqual({ sequential: false, inputCollection: '${assigneeList}', inputElement: 'assignee' });
    // a ref to a property uses its name; a data item without name its id
    expect(model.nodes.CheckLines.multiInstance).toEqual({ sequential: false, inputCollection: '${lines}', inputElement: 'Line' });
  });

  it('maps zeebe:loopCharacteristics', async () => {
    const [model] = (await parseBpmn(parseFixture('multi-instance.bpmn'))).processes;
    expect(model.nodes.Charge.multiInstance).toEqual({
      sequential: false,
      inputCollection: '= payments',
      inputElement: 'payment',
      outputCollection: 'receipts',
      outputElement: '= receipt',
    });
  });

  it('MISSING_IMPLEMENTATION without cardinality or collection, EXPRESSION_INVALID for a broken condition', async () => {
    const xml = parseFixture('multi-instance.bpmn')
      .replace('<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>', '')
      .replace('${nrOfCompletedInstances &gt;= 2}', '${nrOfCompletedInstances &gt;=}');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['MISSING_IMPLEMENTATION', 'Retry', 'loopCharacteristics'],
      ['EXPRESSION_INVALID', 'Review', 'completionCondition'],
    ]);
  });
});
