import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { JobHandler } from '@pravah/engine';

/** One handler call, as the crash test's side-effect log records it: every call, duplicates included. */
export interface HandlerCall {
  jobKey: string;
  elementId: string;
  attempt: number;
  /** The process that made the call (a killed worker or the final engine). */
  pid: number;
  at: number;
}

/**
 * A handler that appends every call to `file` before returning. One `write` per line on an append-only
 * file: a SIGKILL loses no line the handler returned from, and tears none.
 */
export function recordingHandler(file: string): JobHandler {
  return ({ jobKey, elementId, attempt }) => {
    const call: HandlerCall = { jobKey, elementId, attempt, pid: process.pid, at: Date.now() };
    appendFileSync(file, `${JSON.stringify(call)}\n`);
  };
}

/** Notes an instance id once `start` has resolved (the worker's claim that it exists). */
export function recordStarted(file: string, instanceId: string): void {
  appendFileSync(file, `${instanceId}\n`);
}

/** The non-empty lines of a log file (none when it does not exist yet). */
export function readLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0) : [];
}
