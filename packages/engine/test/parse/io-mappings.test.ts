import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('io mappings', () => {
  it('maps zeebe:ioMapping and camunda:inputOutput to inputs and outputs', async () => {
    const { nodes } = (await parseBpmn(parseFixture('io-mappings.bpmn'))).processes[0];
    expect(nodes.Zeebe).toMatchObject({
      inputs: [
        { source: '= order.total', target: 'amount' },
        { source: 'EUR', target: 'currency' },
      ],
      outputs: [{ source: '= price', target: 'quote' }],
    });
    expect(nodes.Camunda).toMatchObject({
      inputs: [
        { source: '${order.total}', target: 'amount' },
        { source: 'EUR', target: 'currency' },
      ],
      outputs: [{ source: '${price}', target: 'quote' }],
    });
    expect(nodes.Start).not.toHaveProperty('inputs');
  });

  it('refuses a list parameter value with its path', async () => {
    const issues = await parseIssues(parseFixture('io-mapping-list.bpmn'));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'Collect', path: 'camunda:inputOutput.inputParameter[reviewers]' }),
    ]);
  });

  it('validates mapping expressions', async () => {
    const xml = parseFixture('io-mappings.bpmn').replace('source="= price"', 'source="= price +"');
    const issues = await parseIssues(xml);
    expect(issues.map((i) => [i.code, i.elementId, i.path])).toEqual([['EXPRESSION_INVALID', 'Zeebe', 'zeebe:ioMapping.output[quote]']]);
  });
});
