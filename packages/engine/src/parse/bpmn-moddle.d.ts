/**
 * Types for the part of `bpmn-moddle` this layer uses. The package ships element types under
 * `bpmn-moddle/types` but none for its main entry.
 */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName: string, options?: Record<string, unknown>): Promise<unknown>;
    /** Throws for an unknown type name. */
    getType(name: string): unknown;
  }
}
