import type { Clock } from '../clock.js';
import { EngineError } from '../errors.js';
import { parseDateTime, toMs } from '../iso8601.js';

interface WakeUp {
  at: number;
  wake: () => Promise<unknown>;
}

/**
 * A virtual clock for tests. Time stands still until `advance` moves it; on the way every wake-up that falls
 * due runs in due order, at its due time, and `advance` resolves only when the work they caused is done.
 * It never goes back in time.
 */
export class TestClock implements Clock {
  private current: number;
  private readonly wakeUps = new Set<WakeUp>();
  /** Set by `createTestEngine` so `advance` also waits for the engine's background work. */
  settle: () => Promise<void> = async () => {};

  constructor(start: number | string | Date = '2026-01-01T00:00:00Z') {
    this.current = typeof start === 'number' ? start : start instanceof Date ? start.getTime() : parseDateTime(start);
  }

  now(): number {
    return this.current;
  }

  /** The current time as an ISO 8601 text. */
  toISOString(): string {
    return new Date(this.current).toISOString();
  }

  wakeAt(at: number, wake: () => Promise<unknown>): () => void {
    const wakeUp: WakeUp = { at, wake };
    this.wakeUps.add(wakeUp);
    return () => this.wakeUps.delete(wakeUp);
  }

  /**
   * Moves time forward by an ISO 8601 duration (`'PT2H'`, `'P1D'`) or milliseconds, firing what falls due.
   * @example await engine.clock.advance('PT2H');
   */
  async advance(by: string | number): Promise<void> {
    const ms = toMs(by);
    if (ms < 0) throw new EngineError('CLOCK_BACKWARDS', `Cannot advance by a negative amount (${by})`);
    await this.runUntil(this.current + ms);
  }

  /** Moves time forward to a date-time, firing what falls due; an earlier time is CLOCK_BACKWARDS. */
  async advanceTo(date: string | number | Date): Promise<void> {
    const target = typeof date === 'number' ? date : date instanceof Date ? date.getTime() : parseDateTime(date);
    if (target < this.current) {
      throw new EngineError('CLOCK_BACKWARDS', `The test clock is at ${this.toISOString()} and cannot go back to ${new Date(target).toISOString()}`);
    }
    await this.runUntil(target);
  }

  private async runUntil(target: number): Promise<void> {
    await this.settle();
    for (;;) {
      let next: WakeUp | undefined;
      for (const wakeUp of this.wakeUps) if (wakeUp.at <= target && (!next || wakeUp.at < next.at)) next = wakeUp;
      if (!next) break;
      this.wakeUps.delete(next);
      this.current = Math.max(this.current, next.at);
      await next.wake();
      await this.settle();
    }
    this.current = target;
  }
}
