import { parseExpression } from 'feelin';
import { invalidExpression } from './expression-errors.js';
import { MAX_FEEL_RANGE_SIZE, MAX_FEEL_TREE_DEPTH } from './limits.js';

type FeelTree = ReturnType<typeof parseExpression>;
type FeelNode = FeelTree['topNode'];

/**
 * Parses a FEEL expression (the text after `=`) with feelin's grammar and rejects, at compile time:
 * syntax errors (feelin recovers and marks them as error nodes in the tree instead of throwing), trees
 * deeper than MAX_FEEL_TREE_DEPTH, user-defined functions (a function bound to a name, or applied to itself,
 * can recurse without bound; only an anonymous comparator passed to `sort` is allowed), literal
 * ranges iterated by `for`/`some`/`every` that are larger than MAX_FEEL_RANGE_SIZE or have fractional
 * bounds, and `- 5` (a space inside a negative literal, which feelin 8.2 evaluates to NaN). `offset` is where `body` starts in `source`, so error positions point into the whole source.
 *
 * The parse uses an empty variable context: names with spaces or special characters that only parse
 * given matching variables (`Mike's name`) must be written with backticks.
 */
export function checkFeelSyntax(source: string, body: string, offset: number): void {
  const tree = parseExpression(body, {}, undefined);
  let depth = 0;
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) throw syntaxError(source, body, offset, ref.node);
      if (++depth > MAX_FEEL_TREE_DEPTH) {
        throw invalidExpression(source, `expression is nested deeper than ${MAX_FEEL_TREE_DEPTH} syntax levels`, offset + ref.from);
      }
      if (ref.name === 'FunctionDefinition' && !isSortComparator(body, ref.node)) {
        const message = `function definitions are only supported as the comparator of sort() (at ${offset + ref.from})`;
        throw invalidExpression(source, message, offset + ref.from);
      }
      if (ref.name === 'IterationContext') checkLiteralRange(source, body, offset, ref.node);
      if (ref.name === 'NumericLiteral' && /\s/.test(body.slice(ref.from, ref.to))) {
        // feelin 8.2 reads `- 5` as one literal and parses it to NaN
        throw invalidExpression(source, `write a negative number without a space after '-' (at ${offset + ref.from})`, offset + ref.from);
      }
      return undefined;
    },
    leave() {
      depth--;
    },
  });
}

function syntaxError(source: string, body: string, offset: number, node: FeelNode) {
  const position = offset + node.from;
  if (node.from !== node.to) {
    return invalidExpression(source, `unexpected '${body.slice(node.from, node.to)}' at ${position}`, position);
  }
  const next = nextNode(node);
  if (next) return invalidExpression(source, `unexpected '${body.slice(next.from, next.to)}' at ${offset + next.from}`, offset + next.from);
  return invalidExpression(source, `incomplete expression at ${position}`, position);
}

/** The first non-empty node after `node`, as feelin's own linter reports it. */
function nextNode(node: FeelNode): FeelNode | null {
  for (let current: FeelNode | null = node; current; current = current.parent) {
    for (let sibling = current.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (sibling.from !== sibling.to) return sibling;
    }
  }
  return null;
}

/**
 * `sort(list, function(a, b) ...)` or `sort(list: l, precedes: function(a, b) ...)`: the comparator gets
 * list items, never itself, so it cannot recurse (no other function definitions are allowed to be items).
 */
function isSortComparator(body: string, definition: FeelNode): boolean {
  const parent = definition.parent;
  let invocation: FeelNode | null = null;
  if (parent?.name === 'PositionalParameters') {
    const first = parent.firstChild;
    if (first?.nextSibling?.from === definition.from && !definition.nextSibling) invocation = parent.parent;
  } else if (parent?.name === 'NamedParameter') {
    const name = parent.firstChild;
    if (name && body.slice(name.from, name.to).trim() === 'precedes') invocation = parent.parent?.parent ?? null;
  }
  const callee = invocation?.name === 'FunctionInvocation' ? invocation.firstChild : null;
  return callee?.name === 'VariableName' && body.slice(callee.from, callee.to).trim() === 'sort';
}

/** `1..n` or `[1..n]` as the source of a `for`/`some`/`every`: both bounds literal -> check size now. */
function checkLiteralRange(source: string, body: string, offset: number, context: FeelNode): void {
  let holder: FeelNode = context;
  const single = context.firstChild;
  if (single && !single.nextSibling && single.name === 'SimplePositiveUnaryTest' && single.firstChild?.name === 'Interval') {
    holder = single.firstChild;
  }
  const bounds: number[] = [];
  let hasDots = false;
  for (let child = holder.firstChild; child; child = child.nextSibling) {
    if (child.name === '..') hasDots = true;
    else if (child.name === 'NumericLiteral') bounds.push(Number(body.slice(child.from, child.to).replace(/\s+/g, '')));
  }
  if (!hasDots || bounds.length !== 2) return;
  const [start, end] = bounds;
  const position = offset + holder.from;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw invalidExpression(source, `iterated range bounds must be whole numbers (at ${position})`, position);
  }
  if (Math.abs(end - start) + 1 > MAX_FEEL_RANGE_SIZE) {
    throw invalidExpression(source, `iterated range has more than ${MAX_FEEL_RANGE_SIZE} elements (at ${position})`, position);
  }
}
