import type { FlowNode } from '../model/definition.js';
import type { ElementInstance } from '../model/instance-state.js';
import { evaluateCondition, evaluateExpression } from '../expressions/evaluate.js';
import { EngineError } from '../errors.js';
import type { Execution } from './execution.js';
import { terminateChildren } from './scopes.js';

/**
 * Multi-instance activities. The element instance that the token enters is the *body*: a scope that
 * creates one inner instance of the same element per item (parallel: all at once; sequential: one after
 * another), each with local `loopCounter` and the item variable. The body keeps `nrOfInstances`,
 * `nrOfCompletedInstances` and `nrOfActiveInstances` as local variables, evaluates the completion condition
 * after every inner instance, and leaves through the element's flows when done. Boundary events attach to
 * the body.
 */
export function isMultiInstanceBody(node: FlowNode, elementInstance: ElementInstance): boolean {
  return node.multiInstance !== undefined && elementInstance.loopIndex === undefined;
}

export const multiInstanceBody = {
  activate(execution: Execution, body: ElementInstance, node: FlowNode): void {
    const loop = node.multiInstance!;
    const variables = execution.variablesFor(body);
    let items: unknown[] | undefined;
    let total: number;
    if (loop.inputCollection !== undefined) {
      const collection = evaluateExpression(loop.inputCollection, variables, execution.functions, execution.now);
      if (!Array.isArray(collection)) {
        throw new EngineError('EXPRESSION_FAILED', `Multi-instance collection of '${node.id}' is not a list`, { details: { elementId: node.id } });
      }
      items = collection;
      total = collection.length;
    } else {
      total = Number(evaluateExpression(loop.loopCardinality ?? '0', variables, execution.functions, execution.now));
      if (!Number.isInteger(total) || total < 0) {
        throw new EngineError('EXPRESSION_FAILED', `Loop cardinality of '${node.id}' is not a whole number`, { details: { elementId: node.id } });
      }
    }
    body.loop = { total, started: 0, completed: 0, ...(items ? { items } : {}), ...(loop.outputCollection ? { outputs: new Array(total).fill(null) } : {}) };
    body.variables = { ...body.variables, nrOfInstances: total, nrOfCompletedInstances: 0, nrOfActiveInstances: 0 };
    if (total === 0) {
      finish(execution, body, node);
      return;
    }
    const first = loop.sequential ? 1 : total;
    for (let index = 0; index < first; index++) startInner(execution, body, node);
  },
};

function startInner(execution: Execution, body: ElementInstance, node: FlowNode): void {
  const loop = body.loop!;
  const index = loop.started++;
  const inner = execution.enter(node.id, body.id);
  inner.loopIndex = index;
  const local: Record<string, unknown> = { loopCounter: index };
  const itemVariable = node.multiInstance!.inputElement;
  if (itemVariable && loop.items) local[itemVariable] = loop.items[index];
  inner.variables = local;
  body.variables!.nrOfActiveInstances = (body.variables!.nrOfActiveInstances as number) + 1;
}

/** An inner instance completed: collect its output, then start the next, finish, or wait for the rest. */
export function afterInnerInstance(execution: Execution, inner: ElementInstance): void {
  const body = inner.scopeId === null ? undefined : execution.elementInstance(inner.scopeId);
  if (!body?.loop) return;
  const node = execution.node(body.elementId);
  const loop = body.loop;
  const definition = node.multiInstance!;
  if (definition.outputCollection && loop.outputs) {
    const value = definition.outputElement === undefined ? null : evaluateExpression(definition.outputElement, execution.variablesFor(inner), execution.functions, execution.now);
    loop.outputs[inner.loopIndex!] = value;
  }
  loop.completed++;
  body.variables!.nrOfCompletedInstances = loop.completed;
  body.variables!.nrOfActiveInstances = (body.variables!.nrOfActiveInstances as number) - 1;
  const done =
    loop.completed >= loop.total ||
    (definition.completionCondition !== undefined && evaluateCondition(definition.completionCondition, execution.variablesFor(body), execution.functions, execution.now));
  if (done) {
    terminateChildren(execution, body.id);
    finish(execution, body, node);
  } else if (definition.sequential) startInner(execution, body, node);
}

function finish(execution: Execution, body: ElementInstance, node: FlowNode): void {
  const definition = node.multiInstance!;
  if (definition.outputCollection) execution.setVariables(body.scopeId === null ? undefined : execution.elementInstance(body.scopeId), { [definition.outputCollection]: body.loop?.outputs ?? [] });
  execution.complete(body);
}
