/** One problem found in a BPMN file at deploy time. */
export interface ValidationIssue {
  /** Stable UPPER_SNAKE code, see docs/errors.md. */
  code: ValidationIssueCode;
  /** The BPMN element the issue is about, when there is one. */
  elementId?: string;
  /** BPMN type of that element (e.g. `bpmn:ComplexGateway`), for UNSUPPORTED_ELEMENT. */
  elementType?: string;
  /** Path inside the element, e.g. `conditionExpression` or `camunda:assignee`. */
  path?: string;
  /** 1-based line in the XML source, when known. */
  line?: number;
  message: string;
}

export type ValidationIssueCode =
  | 'UNSUPPORTED_ELEMENT'
  | 'NO_EXECUTABLE_PROCESS'
  | 'DUPLICATE_ID'
  | 'DANGLING_REFERENCE'
  | 'MISSING_START_EVENT'
  | 'GATEWAY_NEEDS_PATHS'
  | 'INVALID_DEFAULT_FLOW'
  | 'EXPRESSION_INVALID'
  | 'MISSING_IMPLEMENTATION'
  | 'MISSING_MESSAGE'
  | 'MISSING_TIMER'
  | 'UNSUPPORTED_SCRIPT_FORMAT'
  | 'MODEL_WARNING';
