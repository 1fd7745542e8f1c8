import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture } from './parse-helpers.js';

describe('inclusiveJoinUpstream', () => {
  it('lists every node upstream of a joining inclusive gateway in a diamond', async () => {
    // given split -> A | B -> join
    const [model] = (await parseBpmn(parseFixture('inclusive-diamond.bpmn'))).processes;
    // then the join waits on anything before it, and the split (one incoming flow) is not a join
    expect(model.inclusiveJoinUpstream).toEqual({ Join: ['Start', 'Split', 'A', 'B'] });
  });

  it('stops at the gateway itself on a loop and treats a sub-process as one node', async () => {
    // given start -> join -> sub-process -> check -(again)-> join
    const [model] = (await parseBpmn(parseFixture('inclusive-loop.bpmn'))).processes;
    // then nodes behind the join on the loop count, the join's own successors only through the loop
    expect(model.inclusiveJoinUpstream).toEqual({ Join: ['Start', 'Work', 'Check'] });
  });

  it('counts boundary events as exits of their activity and link throws as edges to their catch', async () => {
    // given split -> A -> join, split -> B (whose only way to the join is its timer boundary), split -> link throw,
    // and the link catch -> join
    const [model] = (await parseBpmn(parseFixture('inclusive-boundary.bpmn'))).processes;
    // then a token waiting on B or on the link throw keeps the join waiting
    expect(model.inclusiveJoinUpstream).toEqual({ Join: ['Start', 'Split', 'A', 'B', 'Late', 'GoToJoin', 'AtJoin'] });
  });
});
