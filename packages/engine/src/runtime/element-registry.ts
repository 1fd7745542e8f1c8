import type { ElementType } from '../model/definition.js';
import type { ElementBehavior } from './element-behavior.js';
import { callActivity } from './elements/call-activity.js';
import { endEvent } from './elements/end-event.js';
import { eventBasedGateway } from './elements/event-based-gateway.js';
import { exclusiveGateway } from './elements/exclusive-gateway.js';
import { inclusiveGateway } from './elements/inclusive-gateway.js';
import { intermediateCatchEvent } from './elements/intermediate-catch-event.js';
import { intermediateThrowEvent } from './elements/intermediate-throw-event.js';
import { parallelGateway } from './elements/parallel-gateway.js';
import { passThrough } from './elements/pass-through.js';
import { receiveTask } from './elements/receive-task.js';
import { scriptTask } from './elements/script-task.js';
import { serviceTask } from './elements/service-task.js';
import { eventSubProcess, subProcess } from './elements/sub-process.js';
import { userTask } from './elements/user-task.js';

/** Every element type the runtime executes, and the behaviour that runs it. Parse rejects the rest. */
export const elementBehaviors: Record<ElementType, ElementBehavior<never>> = {
  startEvent: passThrough,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent: passThrough,
  task: passThrough,
  manualTask: passThrough,
  userTask,
  serviceTask,
  sendTask: serviceTask,
  businessRuleTask: serviceTask,
  scriptTask,
  receiveTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  subProcess,
  transaction: subProcess,
  eventSubProcess,
  callActivity,
};
