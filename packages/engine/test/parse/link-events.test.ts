import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('link events', () => {
  it('compiles link throw and catch pairs by name', async () => {
    const [model] = (await parseBpmn(parseFixture('link-events.bpmn'))).processes;
    expect(model.nodes.GoToB).toMatchObject({ type: 'intermediateThrowEvent', eventDefinition: { type: 'link', linkName: 'B' } });
    expect(model.nodes.FromB).toMatchObject({ type: 'intermediateCatchEvent', incoming: [], eventDefinition: { type: 'link', linkName: 'B' } });
  });

  it('DANGLING_REFERENCE on a link throw without a catch, or with two', async () => {
    // given the C catch renamed to B: throw C has no catch, throw B has two
    const xml = parseFixture('link-events.bpmn').replace('<bpmn:intermediateCatchEvent id="FromC"><bpmn:linkEventDefinition name="C" />', '<bpmn:intermediateCatchEvent id="FromC"><bpmn:linkEventDefinition name="B" />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['DANGLING_REFERENCE', 'GoToB', 'linkEventDefinition.name'],
      ['DANGLING_REFERENCE', 'GoToC', 'linkEventDefinition.name'],
    ]);
  });

  it('DANGLING_REFERENCE for a link event without name', async () => {
    const xml = parseFixture('link-events.bpmn').replace('<bpmn:intermediateCatchEvent id="FromC"><bpmn:linkEventDefinition name="C" />', '<bpmn:intermediateCatchEvent id="FromC"><bpmn:linkEventDefinition />');
    const issues = await parseIssues(xml);
    expect(issues.map(({ code, elementId, path }) => [code, elementId, path])).toEqual([
      ['DANGLING_REFERENCE', 'FromC', 'linkEventDefinition.name'],
      ['DANGLING_REFERENCE', 'GoToC', 'linkEventDefinition.name'],
    ]);
  });
});
