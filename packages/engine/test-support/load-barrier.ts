import type { Store } from '@pravah/engine';

/**
 * Makes a race between engines real: once `arm(parties)` is called, every `loadInstance` of a wrapped store
 * holds its result until `parties` loads (across all wrapped stores) have read the instance. Each racing
 * command then works on the same revision and only the store's revision check can pick the winner.
 * `log` records loads and commit attempts in the order they happen.
 */
export function loadBarrier() {
  const log: string[] = [];
  let parties = 0;
  let held: Array<() => void> = [];
  const meet = () =>
    new Promise<void>((resolve) => {
      held.push(resolve);
      if (held.length < parties) return;
      const release = held;
      held = [];
      parties = 0;
      for (const go of release) go();
    });
  return {
    log,
    arm(count: number) {
      parties = count;
      log.length = 0;
    },
    wrap<S extends Store>(store: S, name: string): S {
      return {
        ...store,
        async loadInstance(id: string) {
          const state = await store.loadInstance(id);
          log.push(`${name} loaded`);
          if (parties > 0) await meet();
          return state;
        },
        async commit(commit) {
          log.push(`${name} commits`);
          return store.commit(commit);
        },
      };
    },
  };
}
