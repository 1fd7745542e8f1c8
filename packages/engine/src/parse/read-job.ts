/**
 * How a service, send or business rule task is implemented, first match wins:
 * 1. `zeebe:taskDefinition type` (+ `retries`; `zeebe:taskHeaders` -> `headers`) -> job, source `zeebe:taskDefinition`.
 * 2. `camunda:type="external"` + `camunda:topic` -> job with the topic as type, source `camunda:topic`.
 * 3. `camunda:delegateExpression` -> job; `${myDelegate}` gives type `myDelegate`, anything that is not a single
 *    identifier is kept as written, source `camunda:delegateExpression`.
 * 4. `camunda:class` -> job with the class name as written as type, source `camunda:class`.
 * 5. `camunda:expression` (+ `camunda:resultVariable`) -> `expression`, evaluated instead of calling a handler.
 * None of these -> MISSING_IMPLEMENTATION, unless `optional`. Message throw and end events pass `optional` (they may
 * do nothing) and their `messageEventDefinition` as `holder`: Camunda 7 writes the attributes of 2-5 there, while the
 * `zeebe:taskDefinition` sits in the event's own extension elements.
 * 6. DMN business rule tasks: `zeebe:calledDecision decisionId resultVariable` or `camunda:decisionRef` (+
 *    `camunda:resultVariable`) -> a job of type `decision:<decisionId>` whose handler returns the decision result,
 *    stored in `resultVariable` (Pravah has no DMN engine: the app evaluates decisions).
 */
import type { ExpressionImplementation, JobDefinition } from '../model/activity-definitions.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import { addIssue } from './issues.js';
import { findExtension, listProp, stringProp, type ModdleElement } from './moddle-element.js';

export interface TaskImplementation {
  job?: JobDefinition;
  expression?: ExpressionImplementation;
}

const BPMN_ENGINE_SERVICE = /^\s*\$\{\s*environment\.services\.([A-Za-z_$][\w$]*)\s*\}\s*$/;
const SINGLE_IDENTIFIER = /^[$#]\{\s*([A-Za-z_$][\w$]*)\s*\}$/;

export interface ImplementationOptions {
  optional?: boolean;
  /** Element carrying the Camunda 7 attributes; default `element`. */
  holder?: ModdleElement;
}

export function readTaskImplementation(context: CompileContext, element: ModdleElement, options: ImplementationOptions = {}): TaskImplementation {
  const implementation = readImplementation(context, element, options);
  if (implementation.job) readRetryCycle(context, element, implementation.job);
  return implementation;
}

/**
 * `camunda:failedJobRetryTimeCycle` `R3/PT10S`: three attempts, ten seconds apart (it overrides Zeebe's
 * `retries`). A cycle that does not parse is EXPRESSION_INVALID.
 */
function readRetryCycle(context: CompileContext, element: ModdleElement, job: JobDefinition): void {
  const cycle = findExtension(element, 'camunda:FailedJobRetryTimeCycle');
  const text = cycle && typeof cycle.body === 'string' ? cycle.body.trim() : undefined;
  if (!text) return;
  const match = /^R(\d+)\/(P[^/]+)$/.exec(text);
  if (!match) {
    addIssue(context.sink, 'EXPRESSION_INVALID', element, `'${text}' is not a retry cycle like R3/PT10S`, { path: 'camunda:failedJobRetryTimeCycle' });
    return;
  }
  job.retries = match[1];
  job.retryBackoff = match[2];
}

function readImplementation(context: CompileContext, element: ModdleElement, options: ImplementationOptions): TaskImplementation {
  const { optional = false, holder = element } = options;
  const decision = readDecision(element);
  if (decision) return { job: decision };
  const taskDefinition = findExtension(element, 'zeebe:TaskDefinition');
  if (taskDefinition) {
    const type = stringProp(taskDefinition, 'type');
    if (!type) {
      addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'zeebe:taskDefinition has no type', { path: 'zeebe:taskDefinition.type' });
      return {};
    }
    const job: JobDefinition = { type: trackExpression(context, element, 'zeebe:taskDefinition.type', type), source: 'zeebe:taskDefinition' };
    const retries = stringProp(taskDefinition, 'retries');
    if (retries !== undefined) job.retries = trackExpression(context, element, 'zeebe:taskDefinition.retries', retries);
    const headers = readHeaders(element);
    if (headers) job.headers = headers;
    return { job };
  }

  if (stringProp(holder, 'type') === 'external') {
    const topic = stringProp(holder, 'topic');
    if (!topic) {
      addIssue(context.sink, 'MISSING_IMPLEMENTATION', element, 'An external task needs a camunda:topic', { path: 'camunda:topic' });
      return {};
    }
    return { job: { type: trackExpression(context, element, 'camunda:topic', topic), source: 'camunda:topic' } };
  }

  const delegateExpression = stringProp(holder, 'delegateExpression');
  if (delegateExpression) {
    const identifier = SINGLE_IDENTIFIER.exec(delegateExpression.trim());
    const type = identifier ? identifier[1] : trackExpression(context, element, 'camunda:delegateExpression', delegateExpression);
    return { job: { type, source: 'camunda:delegateExpression' } };
  }

  const className = stringProp(holder, 'class');
  if (className) return { job: { type: className.trim(), source: 'camunda:class' } };

  const expression = stringProp(holder, 'expression');
  if (expression) {
    const resultVariable = stringProp(holder, 'resultVariable');
    return {
      expression: {
        expression: trackExpression(context, element, 'camunda:expression', expression),
        ...(resultVariable ? { resultVariable } : {}),
      },
    };
  }

  // bpmn-engine models name a host service: implementation="${environment.services.compensate}"
  const implementation = BPMN_ENGINE_SERVICE.exec(stringProp(element, 'implementation') ?? '');
  if (implementation) return { job: { type: implementation[1], source: 'bpmn:implementation' } };

  if (optional) return {};
  addIssue(
    context.sink,
    'MISSING_IMPLEMENTATION',
    element,
    'No implementation: add a zeebe:taskDefinition type, camunda:topic, camunda:delegateExpression, camunda:class or camunda:expression',
  );
  return {};
}

function readDecision(element: ModdleElement): JobDefinition | undefined {
  if (element.$type !== 'bpmn:BusinessRuleTask') return undefined;
  const called = findExtension(element, 'zeebe:CalledDecision');
  const decisionId = called ? stringProp(called, 'decisionId') : stringProp(element, 'decisionRef');
  if (!decisionId) return undefined;
  const resultVariable = called ? stringProp(called, 'resultVariable') : stringProp(element, 'resultVariable');
  return {
    type: `decision:${decisionId}`,
    source: called ? 'zeebe:calledDecision' : 'camunda:decisionRef',
    ...(resultVariable ? { resultVariable } : {}),
  };
}

function readHeaders(element: ModdleElement): Record<string, string> | undefined {
  const taskHeaders = findExtension(element, 'zeebe:TaskHeaders');
  if (!taskHeaders) return undefined;
  const headers: Record<string, string> = {};
  for (const header of listProp(taskHeaders, 'values')) {
    const key = stringProp(header, 'key');
    if (key) headers[key] = typeof header.value === 'string' ? header.value : '';
  }
  return headers;
}
