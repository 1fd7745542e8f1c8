import { describe, expect, it } from 'vitest';
import { ELEMENT_SUPPORT, elementKindKey, findElementSupport, isElementSupported } from '../../src/parse/element-support.js';

describe('element support table', () => {
  it('has one row per element kind', () => {
    const keys = ELEMENT_SUPPORT.map((row) => `${elementKindKey(row.bpmnType, row.eventDefinition)}|${row.variant ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks the executable core as supported and the rest as planned', () => {
    expect(isElementSupported('bpmn:InclusiveGateway')).toBe(true);
    expect(isElementSupported('bpmn:EndEvent', 'bpmn:TerminateEventDefinition')).toBe(true);
    expect(isElementSupported('bpmn:IntermediateCatchEvent', 'bpmn:TimerEventDefinition')).toBe(true);
    expect(isElementSupported('bpmn:BoundaryEvent', 'bpmn:TimerEventDefinition')).toBe(true);
    expect(isElementSupported('bpmn:BoundaryEvent', 'bpmn:CancelEventDefinition')).toBe(true);
    expect(isElementSupported('bpmn:SubProcess', undefined, 'eventSubProcess')).toBe(true);
    expect(isElementSupported('bpmn:MultiInstanceLoopCharacteristics')).toBe(true);
    expect(findElementSupport('bpmn:Transaction')).toMatchObject({ pravah: 'supported', camunda8: false, camunda7: true, docsPage: 'transaction' });
    expect(findElementSupport('bpmn:ComplexGateway')).toMatchObject({ pravah: 'planned', camunda8: false });
    expect(isElementSupported('bpmn:AdHocSubProcess')).toBe(false);
    expect(isElementSupported('bpmn:StandardLoopCharacteristics')).toBe(false);
    expect(isElementSupported('bpmn:BusinessRuleTask', undefined, 'decision')).toBe(true);
    expect(findElementSupport('bpmn:Lane')).toBeUndefined();
  });

  it('gives every supported row a docs page', () => {
    expect(ELEMENT_SUPPORT.filter((row) => row.pravah === 'supported' && !row.docsPage)).toEqual([]);
  });
});
