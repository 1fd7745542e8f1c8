/**
 * The one event definition of an event -> `EventDefinition` (model/definition.ts). Catching positions are start,
 * intermediate catch and boundary; throwing positions are intermediate throw and end.
 * - timer -> read-timer.ts (a cycle everywhere but on an intermediate catch); message -> read-message.ts (required
 *   when catching; optional when throwing, where a job or nothing does the work: no message gives no definition).
 * - signal: `signalRef` -> the `bpmn:signal`'s `name` as `signalName` (may be an expression); no ref or no name ->
 *   DANGLING_REFERENCE (`signalRef`, `signalRef.name`).
 * - error: `errorRef` -> the `bpmn:error`'s `errorCode`, `camunda:errorMessage` -> `errorMessage`. Catching: no ref
 *   (or no code) catches every error; `camunda:errorCodeVariable` / `camunda:errorMessageVariable`. Throwing: ref
 *   is optional (an error without a code, caught only by catch-alls); a referenced error needs its code ->
 *   DANGLING_REFERENCE (`errorRef.errorCode`).
 * - escalation: `escalationRef` -> the `bpmn:escalation`'s `escalationCode`. Catching: absent catches every
 *   escalation; `camunda:escalationCodeVariable`. Throwing: required, as for errors (`escalationRef...`).
 * - conditional: the `condition` body, compiled like a sequence-flow condition (read-condition.ts); no body ->
 *   EXPRESSION_INVALID (`condition`).
 * - link: `name` -> `linkName`; no name -> DANGLING_REFERENCE (`linkEventDefinition.name`). Pairs: validate-events.ts.
 * - compensate: `activityRef` (absent: the whole scope), `waitForCompletion` (default true).
 * - cancel, terminate: no fields.
 */
import type { EventDefinition } from '../model/definition.js';
import { trackExpression, type CompileContext } from './compile-context.js';
import type { EventPosition } from './element-support.js';
import { addIssue } from './issues.js';
import { bodyText, elementProp, stringProp, type ModdleElement } from './moddle-element.js';
import { readCondition } from './read-condition.js';
import { readMessage } from './read-message.js';
import { readTimer } from './read-timer.js';

/** An event definition of `element` at `position`; `undefined` when there is none (or an optional one is empty). */
export function readEventDefinition(
  context: CompileContext,
  element: ModdleElement,
  definition: ModdleElement | undefined,
  position: EventPosition,
): EventDefinition | undefined {
  if (!definition) return undefined;
  const throwing = position === 'intermediateThrow' || position === 'end';
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition': {
      const timer = readTimer(context, element, definition, position !== 'intermediateCatch');
      return { type: 'timer', timer: timer ?? { kind: 'duration', value: '' } };
    }
    case 'bpmn:MessageEventDefinition': {
      const message = readMessage(context, element, definition, throwing ? 'optional' : 'required');
      if (throwing) return message && { type: 'message', message };
      return { type: 'message', message: message ?? { name: '' } };
    }
    case 'bpmn:SignalEventDefinition':
      return { type: 'signal', signalName: readSignalName(context, element, definition) };
    case 'bpmn:ErrorEventDefinition':
      return readError(context, element, definition, throwing);
    case 'bpmn:EscalationEventDefinition':
      return readEscalation(context, element, definition, throwing);
    case 'bpmn:ConditionalEventDefinition':
      return { type: 'conditional', condition: readEventCondition(context, element, definition) };
    case 'bpmn:LinkEventDefinition': {
      const linkName = stringProp(definition, 'name');
      if (!linkName) addIssue(context.sink, 'DANGLING_REFERENCE', element, 'The link event has no name', { path: 'linkEventDefinition.name' });
      return { type: 'link', linkName: linkName ?? '' };
    }
    case 'bpmn:CompensateEventDefinition': {
      const activityRef = elementProp(definition, 'activityRef')?.id;
      return { type: 'compensate', ...(activityRef ? { activityRef } : {}), waitForCompletion: definition.waitForCompletion !== false };
    }
    case 'bpmn:CancelEventDefinition':
      return { type: 'cancel' };
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    default:
      // Unreachable while ELEMENT_SUPPORT and this switch agree; report rather than guess.
      addIssue(context.sink, 'UNSUPPORTED_ELEMENT', element, `${definition.$type} is not supported`, { elementType: `${element.$type}+${definition.$type}` });
      return undefined;
  }
}

function readSignalName(context: CompileContext, element: ModdleElement, definition: ModdleElement): string {
  const signal = elementProp(definition, 'signalRef');
  const name = signal && stringProp(signal, 'name');
  if (!name) {
    const path = signal ? 'signalRef.name' : 'signalRef';
    addIssue(context.sink, 'DANGLING_REFERENCE', element, signal ? `The signal '${signal.id}' has no name` : 'No signal is referenced (signalRef)', { path });
    return '';
  }
  return trackExpression(context, element, 'signalRef.name', name);
}

function readError(context: CompileContext, element: ModdleElement, definition: ModdleElement, throwing: boolean): EventDefinition {
  const error = elementProp(definition, 'errorRef');
  // BPMN makes errorRef optional: an error without a code is caught only by catch-all error events
  const code = readCode(context, element, error, 'errorRef', 'errorCode', throwing && error !== undefined);
  const errorMessage = error && stringProp(error, 'errorMessage');
  const codeVariable = throwing ? undefined : stringProp(definition, 'errorCodeVariable');
  const messageVariable = throwing ? undefined : stringProp(definition, 'errorMessageVariable');
  return {
    type: 'error',
    ...(code ? { errorCode: code } : {}),
    ...(errorMessage ? { errorMessage: trackExpression(context, element, 'errorRef.camunda:errorMessage', errorMessage) } : {}),
    ...(codeVariable ? { errorCodeVariable: codeVariable } : {}),
    ...(messageVariable ? { errorMessageVariable: messageVariable } : {}),
  };
}

function readEscalation(context: CompileContext, element: ModdleElement, definition: ModdleElement, throwing: boolean): EventDefinition {
  const escalation = elementProp(definition, 'escalationRef');
  const code = readCode(context, element, escalation, 'escalationRef', 'escalationCode', throwing);
  const codeVariable = throwing ? undefined : stringProp(definition, 'escalationCodeVariable');
  return { type: 'escalation', ...(code ? { escalationCode: code } : {}), ...(codeVariable ? { escalationCodeVariable: codeVariable } : {}) };
}

/** The code of a referenced error or escalation; required (DANGLING_REFERENCE) when throwing. */
function readCode(
  context: CompileContext,
  element: ModdleElement,
  target: ModdleElement | undefined,
  ref: 'errorRef' | 'escalationRef',
  field: 'errorCode' | 'escalationCode',
  throwing: boolean,
): string | undefined {
  const code = target && stringProp(target, field);
  if (code) return trackExpression(context, element, `${ref}.${field}`, code);
  if (throwing) {
    const message = target ? `The ${ref.replace('Ref', '')} '${target.id}' has no ${field}` : `A throwing event needs a ${ref}`;
    addIssue(context.sink, 'DANGLING_REFERENCE', element, message, { path: target ? `${ref}.${field}` : ref });
  }
  return undefined;
}

function readEventCondition(context: CompileContext, element: ModdleElement, definition: ModdleElement): string {
  const condition = elementProp(definition, 'condition');
  if (bodyText(condition) === undefined) {
    addIssue(context.sink, 'EXPRESSION_INVALID', element, 'The conditional event has no condition', { path: 'condition' });
    return '';
  }
  return readCondition(context, element, condition, 'condition') ?? '';
}
