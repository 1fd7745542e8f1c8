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
});
