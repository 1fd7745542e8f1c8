/**
 * Decides, from the `ELEMENT_SUPPORT` table, what a flow element inside a process is: a node Pravah runs, a
 * sequence flow, an element accepted but ignored for execution (data objects and references), or an
 * unsupported element with the `elementType` (and `path`) an UNSUPPORTED_ELEMENT issue names.
 */
import { elementKindKey, findElementSupport, type ElementVariant } from './element-support.js';
import { findExtension, listProp, stringProp, type ModdleElement } from './moddle-element.js';

export type Classification =
  | { kind: 'node' }
  | { kind: 'flow' }
  | { kind: 'ignored' }
  | { kind: 'unsupported'; elementType: string; path?: string; message: string };

/** Flow elements that carry data, not control flow: accepted and ignored for execution. */
const IGNORED_FLOW_ELEMENTS = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const EVENT_TYPES = new Set(['bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent']);

export function classifyFlowElement(element: ModdleElement): Classification {
  const type = element.$type;
  if (type === 'bpmn:SequenceFlow') return { kind: 'flow' };
  if (IGNORED_FLOW_ELEMENTS.has(type)) return { kind: 'ignored' };

  if (EVENT_TYPES.has(type)) {
    const definitions = [...listProp(element, 'eventDefinitions'), ...listProp(element, 'eventDefinitionRef')];
    if (definitions.length > 1) {
      const elementType = [type, ...definitions.map((definition) => definition.$type)].join('+');
      return unsupported(elementType, `A multiple event (${elementType}) is not supported`);
    }
    return byTable(type, definitions[0]?.$type);
  }

  const loop = element.loopCharacteristics as ModdleElement | undefined;
  const loopRow = loop && findElementSupport(loop.$type);
  if (loop && loopRow?.pravah !== 'supported') {
    return unsupported(loop.$type, `${loopRow?.label ?? loop.$type} is not supported yet`, 'loopCharacteristics');
  }
  if (type === 'bpmn:SubProcess' && element.triggeredByEvent === true) {
    return byTable(type, undefined, 'eventSubProcess', 'triggeredByEvent');
  }
  if (type === 'bpmn:BusinessRuleTask') {
    if (stringProp(element, 'decisionRef')) return byTable(type, undefined, 'decision', 'camunda:decisionRef');
    if (findExtension(element, 'zeebe:CalledDecision')) return byTable(type, undefined, 'decision', 'zeebe:calledDecision');
  }
  return byTable(type);
}

function byTable(bpmnType: string, eventDefinition?: string, variant?: ElementVariant, path?: string): Classification {
  const row = findElementSupport(bpmnType, eventDefinition, variant);
  if (row?.pravah === 'supported') return { kind: 'node' };
  const elementType = elementKindKey(bpmnType, eventDefinition);
  return unsupported(
    elementType,
    row ? `${row.label} is not supported yet` : `${elementType} is not supported`,
    path,
  );
}

function unsupported(elementType: string, message: string, path?: string): Classification {
  return path ? { kind: 'unsupported', elementType, path, message } : { kind: 'unsupported', elementType, message };
}
