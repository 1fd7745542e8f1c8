/**
 * Cost bounds for expressions, checked when an expression is compiled (deploy time) or, for FEEL range
 * iteration, while it runs. See `feel-range-guard.ts` for what is and is not bounded at run time.
 */

/** Longest expression source accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;

/** Deepest nesting accepted: JUEL syntax tree depth and FEEL fast-path tree depth. */
export const MAX_EXPRESSION_NESTING = 100;

/** Deepest FEEL syntax tree (lezer nodes; one operator level adds two to four nodes). */
export const MAX_FEEL_TREE_DEPTH = 400;

/** Most elements one FEEL range (`1..n`, `[1..n]`) may enumerate in a `for`, `some` or `every`. */
export const MAX_FEEL_RANGE_SIZE = 100_000;

/** Most range elements one FEEL evaluation may enumerate in total (nested loops multiply). */
export const MAX_FEEL_RANGE_ELEMENTS = 1_000_000;

/** Deepest value (nested lists and objects) accepted as an expression result or FEEL input. */
export const MAX_VALUE_DEPTH = 200;
