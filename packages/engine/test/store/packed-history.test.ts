import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/model/history-event.js';
import { packHistory, unpackHistory } from '../../src/store/packed-history.js';

describe('packed history', () => {
  it('round-trips every kind of event, including ones outside the shared time and sequence', () => {
    // given one command's events, and one that breaks the run (another time, a jump in seq)
    const events: HistoryEvent[] = [
      { seq: 4, at: 100, type: 'element-completed', elementId: 'task', elementInstanceId: '2' },
      { seq: 5, at: 100, type: 'flow-taken', elementId: 'f1' },
      { seq: 6, at: 100, type: 'variables-changed', elementId: 'task', variables: { a: { b: [1, 2] } } },
      { seq: 7, at: 100, type: 'element-activated', elementId: 'end', elementInstanceId: '3' },
      { seq: 9, at: 150, type: 'element-terminated', elementId: 'other', elementInstanceId: '4' },
      { seq: 10, at: 100, type: 'incident-raised', elementId: 'x', incidentId: 'i.5', code: 'C', message: 'm' },
      { seq: 11, at: 100, type: 'instance-completed' },
    ];
    // when packed and unpacked
    const unpacked: HistoryEvent[] = [];
    unpackHistory(packHistory(events)!, unpacked);
    // then
    expect(unpacked).toEqual(events);
  });

  it('hands readers deep copies, so changing what was read changes nothing stored', () => {
    const packed = packHistory([{ seq: 1, at: 1, type: 'variables-changed', elementId: null, variables: { list: [1] } }])!;
    const first: HistoryEvent[] = [];
    unpackHistory(packed, first);
    (first[0] as unknown as { variables: { list: number[] } }).variables.list.push(2);
    const second: HistoryEvent[] = [];
    unpackHistory(packed, second);
    expect(second[0]).toMatchObject({ variables: { list: [1] } });
  });

  it('packs nothing for a command without history', () => {
    expect(packHistory([])).toBeUndefined();
  });
});
