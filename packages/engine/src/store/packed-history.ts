import { cloneJson } from '../json-clone.js';
import type { HistoryEvent } from '../model/history-event.js';

/**
 * The in-memory store's compact form of one command's history. The events of a command share their `at`
 * and have consecutive `seq`s, so a batch keeps the common events (element lifecycle, flows, start,
 * variables) as a flat run of codes and fields: a handful of objects per command instead of one per event.
 * Values are kept by reference (the engine hands over data it no longer touches, and never gives callers
 * its own objects); `unpackHistory` returns deep copies, so readers never alias what is stored.
 */
export interface PackedHistory {
  firstSeq: number;
  at: number;
  /** A code 0-5 followed by its fields, or a whole event object. */
  items: unknown[];
}

const ELEMENT_CODES = { 'element-activated': 0, 'element-completed': 1, 'element-terminated': 2 } as const;
const ELEMENT_TYPES = ['element-activated', 'element-completed', 'element-terminated'] as const;
const FLOW_TAKEN = 3;
const INSTANCE_STARTED = 4;
const VARIABLES_CHANGED = 5;

export function packHistory(events: readonly HistoryEvent[]): PackedHistory | undefined {
  if (events.length === 0) return undefined;
  const { seq: firstSeq, at } = events[0];
  const items: unknown[] = [];
  events.forEach((event, index) => {
    const inRun = event.at === at && event.seq === firstSeq + index;
    if (inRun && (event.type === 'element-activated' || event.type === 'element-completed' || event.type === 'element-terminated')) {
      items.push(ELEMENT_CODES[event.type], event.elementId, event.elementInstanceId);
    } else if (inRun && event.type === 'flow-taken') {
      items.push(FLOW_TAKEN, event.elementId);
    } else if (inRun && event.type === 'instance-started') {
      items.push(INSTANCE_STARTED, event.definitionId, event.businessKey);
    } else if (inRun && event.type === 'variables-changed') {
      items.push(VARIABLES_CHANGED, event.elementId, event.variables);
    } else {
      items.push(event);
    }
  });
  return { firstSeq, at, items };
}

export function unpackHistory(batch: PackedHistory, into: HistoryEvent[]): void {
  const { items, at } = batch;
  let seq = batch.firstSeq;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === FLOW_TAKEN) {
      into.push({ seq: seq++, at, type: 'flow-taken', elementId: items[++index] as string });
    } else if (item === INSTANCE_STARTED) {
      const definitionId = items[++index] as string;
      into.push({ seq: seq++, at, type: 'instance-started', definitionId, businessKey: items[++index] as string | null });
    } else if (item === VARIABLES_CHANGED) {
      const elementId = items[++index] as string | null;
      into.push({ seq: seq++, at, type: 'variables-changed', elementId, variables: cloneJson(items[++index] as Record<string, unknown>) });
    } else if (typeof item === 'number') {
      const elementId = items[++index] as string;
      const elementInstanceId = items[++index] as string;
      into.push({ seq: seq++, at, type: ELEMENT_TYPES[item], elementId, elementInstanceId });
    } else {
      const event = cloneJson(item as HistoryEvent);
      seq = event.seq + 1;
      into.push(event);
    }
  }
}
