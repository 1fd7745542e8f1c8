/** `@pravah/engine`: the public API. */
export { createEngine } from './engine.js';
export type { Engine } from './engine/api-types.js';
export type {
  ActiveElement,
  CompleteTaskOptions,
  CorrelateOptions,
  CorrelationResult,
  DefinitionSummary,
  DeployedProcess,
  DeploySource,
  EngineEvent,
  EngineEventName,
  EngineListener,
  EngineOptions,
  Incident,
  InstanceSnapshot,
  JobContext,
  JobHandler,
  StartOptions,
  Task,
} from './engine/api-types.js';
export type { MigrateOptions, MigrationResult } from './engine/migrate.js';
export type { InstanceMigrationPlan, MigrationProblem } from './runtime/migration.js';
export { BpmnError, DefinitionValidationError, EngineError, XmlError, isBpmnError, isEngineError } from './errors.js';
export type { EngineErrorCode } from './errors.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { randomIds, sequentialIds } from './ids.js';
export type { IdSource } from './ids.js';
export { memoryStore } from './store/memory-store.js';
export { deriveRecords } from './store/records.js';
export type {
  DefinitionRecord,
  IncidentRecord,
  InstanceSummary,
  JobRecord,
  SignalSubscriptionRecord,
  StartTimerRecord,
  SubscriptionRecord,
  TaskRecord,
  TimerRecord,
} from './store/records.js';
export type {
  IncidentFilter,
  InstanceCommit,
  InstanceCounts,
  InstanceFilter,
  JobFilter,
  LeasedWork,
  Page,
  Store,
  TaskFilter,
  WorkLeaseRequest,
} from './store/store.js';
export type { DerivedRecords } from './store/records.js';
export { parseBpmn, validateDefinition } from './parse/parse-bpmn.js';
export type { ParsedBpmn } from './parse/parse-bpmn.js';
export { instanceStateSchema, INSTANCE_STATE_SCHEMA_VERSION } from './model/instance-state.js';
export type { ElementInstance, IncidentState, InstanceState, LifecycleState, WaitState } from './model/instance-state.js';
export type { HistoryEvent, HistoryEventType } from './model/history-event.js';
export type { ElementType, FlowNode, ProcessModel, SequenceFlow } from './model/definition.js';
export type { ValidationIssue, ValidationIssueCode } from './model/validation-issue.js';
