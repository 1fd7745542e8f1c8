import type {
  DefinitionRecord,
  IncidentRecord,
  JobRecord,
  SignalSubscriptionRecord,
  StartTimerRecord,
  SubscriptionRecord,
  TaskRecord,
  TimerRecord,
} from '@pravah/engine';

/**
 * How each record type maps to its table: one `[column, field, kind]` per field. `bigint` columns come back
 * from pg as text and are read as numbers (epoch ms fit); `json` columns hold JSON text and an absent field
 * (stored as NULL) stays absent; `optional` columns likewise leave NULL out of the record.
 */
type ColumnKind = 'plain' | 'bigint' | 'json' | 'optional';
type Column<T> = readonly [column: string, field: keyof T & string, kind?: ColumnKind];

export interface Table<T> {
  name: string;
  columns: readonly Column<T>[];
}

const located = [
  ['instance_id', 'instanceId'],
  ['element_id', 'elementId'],
  ['element_instance_id', 'elementInstanceId'],
] as const;

export const definitionsTable: Table<DefinitionRecord> = {
  name: 'definitions',
  columns: [
    ['id', 'id'], ['key', 'key'], ['version', 'version'], ['name', 'name'], ['xml', 'xml'], ['checksum', 'checksum'],
    ['resource_name', 'resourceName'], ['deployed_at', 'deployedAt', 'bigint'], ['executable', 'executable', 'optional'],
  ],
};

export const tasksTable: Table<TaskRecord> = {
  name: 'tasks',
  columns: [
    ['id', 'id'], ...located, ['definition_id', 'definitionId'], ['key', 'key'], ['business_key', 'businessKey'], ['name', 'name'],
    ['assignee', 'assignee'], ['candidate_users', 'candidateUsers'], ['candidate_groups', 'candidateGroups'], ['due_date', 'dueDate'],
    ['follow_up_date', 'followUpDate'], ['form_key', 'formKey'], ['priority', 'priority'], ['created_at', 'createdAt', 'bigint'],
  ],
};

export const jobsTable: Table<JobRecord> = {
  name: 'jobs',
  columns: [
    ['job_key', 'jobKey'],
    ...located,
    ['type', 'type'],
    ['attempts', 'attempts'],
    ['retries', 'retries'],
    ['blocked', 'blocked'],
    ['due_at', 'dueAt', 'bigint'],
  ],
};

export const timersTable: Table<TimerRecord> = {
  name: 'timers',
  columns: [['id', 'id'], ...located, ['due_at', 'dueAt', 'bigint']],
};

export const subscriptionsTable: Table<SubscriptionRecord> = {
  name: 'message_subscriptions',
  columns: [['id', 'id'], ...located, ['message_name', 'messageName'], ['correlation_key', 'correlationKey'], ['created_at', 'createdAt', 'bigint']],
};

export const signalsTable: Table<SignalSubscriptionRecord> = {
  name: 'signal_subscriptions',
  columns: [['id', 'id'], ...located, ['signal_name', 'signalName']],
};

export const incidentsTable: Table<IncidentRecord> = {
  name: 'incidents',
  columns: [
    ['id', 'id'], ['code', 'code'], ['message', 'message'], ...located, ['definition_id', 'definitionId'],
    ['created_at', 'createdAt', 'bigint'], ['details', 'details', 'json'],
  ],
};

export const startTimersTable: Table<StartTimerRecord> = {
  name: 'start_timers',
  columns: [
    ['id', 'id'], ['definition_id', 'definitionId'], ['key', 'key'], ['element_id', 'elementId'], ['due_at', 'dueAt', 'bigint'],
    ['cycle', 'cycle', 'json'],
  ],
};

/** `col_a, col_b, ...` of a table, for SELECT and INSERT lists. */
export function columnList<T>(table: Table<T>): string {
  return table.columns.map(([column]) => column).join(', ');
}

/** A record as a plain object keyed by column, ready for `json_populate_recordset`. */
export function toRow<T>(table: Table<T>, record: T): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, field, kind] of table.columns) {
    const value = record[field];
    row[column] = value === undefined ? null : kind === 'json' ? JSON.stringify(value) : value;
  }
  return row;
}

/** A fresh record from a row selected with `columnList`. */
export function fromRow<T>(table: Table<T>, row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [column, field, kind] of table.columns) {
    const value = row[column];
    if (value === null && (kind === 'json' || kind === 'optional')) continue;
    record[field] = value === null ? null : kind === 'bigint' ? Number(value) : kind === 'json' ? JSON.parse(value as string) : value;
  }
  return record as T;
}

/**
 * Inserts records in one statement, in array order: the rows travel as one JSON parameter and
 * `json_populate_recordset` types them by the table's own columns.
 */
export function insertStatement<T>(table: Table<T>, records: readonly T[]): { text: string; values: unknown[] } {
  const columns = columnList(table);
  return {
    text: `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table.name}, $1::json)`,
    values: [JSON.stringify(records.map((record) => toRow(table, record)))],
  };
}
