import type { FlowNode, SequenceFlow } from '../model/definition.js';
import type { ElementInstance, JoinState } from '../model/instance-state.js';
import type { Execution } from './execution.js';

/**
 * What one BPMN element does at each point of its lifecycle. Behaviours are plain objects registered in
 * `element-registry.ts`; the execution calls them, they call back into the execution.
 */
export interface ElementBehavior<N extends FlowNode = FlowNode> {
  /**
   * The element instance has become `active`. Do the element's work, then either leave it waiting
   * (set `elementInstance.wait`) or call `execution.complete(elementInstance)`.
   */
  activate(execution: Execution, elementInstance: ElementInstance, node: N): void;
  /**
   * Which outgoing flows to take when the element completes. Return `undefined` after raising an incident
   * to stay in `completing`. Default: `selectOutgoingFlows` (conditions, then the default flow).
   */
  selectOutgoing?(execution: Execution, elementInstance: ElementInstance, node: N): string[] | undefined;
  /**
   * A token arrives over `flow`. Only joining gateways define this; everything else gets a new element
   * instance per arriving token.
   */
  arrive?(execution: Execution, flow: SequenceFlow, node: N, scopeId: string | null): void;
  /** The execution ran out of work: a waiting join may decide now. Return true if it fired. */
  settle?(execution: Execution, join: JoinState, node: N): boolean;
}
