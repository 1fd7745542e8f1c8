/**
 * Where the engine gets the time from. The runtime only ever reads `now()`; the engine asks the clock to
 * wake it when the next timer is due. The system clock uses `setTimeout`; the test kit's `TestClock`
 * wakes it only when a test advances time.
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /**
   * Calls `wake` at (or after) `at`. Returns a function that cancels the wake-up. The engine keeps at most
   * one wake-up armed.
   */
  wakeAt(at: number, wake: () => Promise<unknown>): () => void;
}

/** Longest delay `setTimeout` accepts; later wake-ups re-arm on the way. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Wall-clock time, waking through an unref'd `setTimeout` so a waiting timer never keeps Node alive. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    wakeAt(at, wake) {
      let handle: ReturnType<typeof setTimeout>;
      const arm = () => {
        const delay = at - Date.now();
        handle = setTimeout(
          () => {
            if (Date.now() < at) arm();
            else void wake();
          },
          Math.max(0, Math.min(delay, MAX_TIMEOUT_MS)),
        );
        handle.unref?.();
      };
      arm();
      return () => clearTimeout(handle);
    },
  };
}
