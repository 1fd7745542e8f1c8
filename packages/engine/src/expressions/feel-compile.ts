import { date, dateAndTime, evaluate } from 'feelin';
import type { VariableLookup } from './compile-expression.js';
import { NEEDS_FEELIN } from './feel-fast-operators.js';
import { compileFeelFastPath } from './feel-fast-path.js';
import { withRangeGuard } from './feel-range-guard.js';
import { checkFeelSyntax } from './feel-syntax.js';
import { toFeelInput } from './feel-values.js';

/**
 * Compiles a FEEL expression (`body` is the text after `=`, starting at `offset` in `source`).
 *
 * Syntax and cost bounds are checked now. Evaluation takes the fast path when the text is in its subset
 * and the values at hand are plain; otherwise feelin evaluates it. feelin cannot evaluate a pre-parsed
 * tree (its public `evaluate` re-parses, because parsing depends on the variable names), so a feelin
 * evaluation costs tens of microseconds, while the fast path costs well under one.
 * Unknown variables are null, as in Zeebe. The raw result is returned; the caller makes it plain.
 */
export function compileFeel(source: string, body: string, offset: number): (variables: VariableLookup, functions?: unknown, now?: number) => unknown {
  checkFeelSyntax(source, body, offset);
  const slow = (variables: VariableLookup, now: number | undefined): unknown => {
    const input = toFeelInput(variables, source);
    if (now !== undefined) {
      // the engine's clock, not the system's: FEEL now() and today() are deterministic under a TestClock
      const instant = new Date(now).toISOString();
      input.now = () => dateAndTime(instant);
      input.today = () => date(instant.slice(0, 10));
    }
    return withRangeGuard(() => evaluate(body, input).value);
  };
  const fast = compileFeelFastPath(body, isBuiltinName);
  if (fast === undefined) return (variables, _functions, now) => slow(variables, now);
  return (variables, _functions, now) => {
    try {
      return fast(variables);
    } catch (error) {
      if (error === NEEDS_FEELIN) return slow(variables, now);
      throw error;
    }
  };
}

/** True when feelin resolves `name`, absent from the variables, to one of its builtin functions. */
export function isBuiltinName(name: string): boolean {
  try {
    const { value } = evaluate(name, {});
    return value !== null && value !== undefined;
  } catch {
    return true;
  }
}
