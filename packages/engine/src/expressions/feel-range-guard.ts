import { FeelRange } from 'feelin';
import { MAX_FEEL_RANGE_ELEMENTS, MAX_FEEL_RANGE_SIZE } from './limits.js';

/**
 * Run-time cost guard for FEEL evaluated by feelin.
 *
 * Bounded: enumerating a range in `for`, `some` and `every` (`for i in 1..n`, `some x in [a..b]`), the
 * only place feelin turns a size given by a number into work. While `withRangeGuard` runs, every range
 * enumeration must have whole-number bounds (feelin 8.2 loops forever on `1..1.5`), at most
 * MAX_FEEL_RANGE_SIZE elements, and all enumerations of one evaluation together at most
 * MAX_FEEL_RANGE_ELEMENTS (nested loops multiply). Literal ranges are also checked at compile time
 * (`feel-syntax.ts`), and user-defined functions (`function(x) ...`, which can recurse) are rejected there.
 *
 * Not bounded: iterating lists that come from variables (cost grows with the data, and with several
 * `in` clauses, with the product of the list lengths), regular expressions in `matches`/`replace`/
 * `split` (a hostile pattern can backtrack for a long time), and text functions on long texts.
 *
 * The guard wraps `FeelRange.prototype.map` once, at import, and is inert outside `withRangeGuard`, so other
 * users of feelin in the same process see no change.
 */
let remaining: number | null = null;

const enumerate = FeelRange.prototype.map;

FeelRange.prototype.map = function guardedMap<T>(this: FeelRange, fn: (value: unknown) => T): T[] {
  if (remaining !== null) {
    const size = rangeSize(this);
    if (size > MAX_FEEL_RANGE_SIZE) {
      throw new RangeError(`a range of ${size} elements is iterated; at most ${MAX_FEEL_RANGE_SIZE} are allowed`);
    }
    if (size > remaining) {
      throw new RangeError(`ranges iterated in one evaluation exceed ${MAX_FEEL_RANGE_ELEMENTS} elements in total`);
    }
    remaining -= size;
  }
  return enumerate.call(this, fn) as T[];
};

/** Runs one feelin evaluation with a fresh range budget. */
export function withRangeGuard<T>(run: () => T): T {
  const outer = remaining;
  remaining = MAX_FEEL_RANGE_ELEMENTS;
  try {
    return run();
  } finally {
    remaining = outer;
  }
}

function rangeSize(range: FeelRange): number {
  const { start, end } = range;
  if (typeof start !== 'number' || typeof end !== 'number') return 0; // letter ranges: at most 52; others: feelin rejects
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`a range with bounds ${start}..${end} is iterated; bounds must be whole numbers`);
  }
  return Math.abs(end - start) + 1;
}
