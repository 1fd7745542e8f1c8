import type { Clock } from '../clock.js';

/**
 * Keeps one wake-up armed on the clock for the earliest due timer. The runtime never sets timeouts; it
 * records `dueAt` in the state, and this adapter asks the clock to wake the engine then.
 */
export class TimerScheduler {
  private armedAt: number | undefined;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly fire: () => Promise<unknown>,
  ) {}

  /** A timer is due at `dueAt`: make sure a wake-up is armed no later than that. */
  consider(dueAt: number): void {
    if (this.armedAt !== undefined && this.armedAt <= dueAt) return;
    this.cancel?.();
    this.armedAt = dueAt;
    this.cancel = this.clock.wakeAt(dueAt, () => {
      this.armedAt = undefined;
      this.cancel = undefined;
      return this.fire();
    });
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = undefined;
  }
}
