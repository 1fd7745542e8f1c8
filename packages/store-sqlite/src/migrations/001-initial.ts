import type { Migration } from '../migrate.js';

/**
 * The first schema. Instances keep their state as JSON text; everything else a query needs (tasks, jobs,
 * timers, subscriptions, incidents) is a derived row, rewritten with the instance in the same transaction.
 * Derived rows keep their whole record as JSON in `record` next to the columns that are filtered on.
 */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE definitions (
      id TEXT PRIMARY KEY,
      key TEXT NOT NULL,
      version INTEGER NOT NULL,
      name TEXT,
      xml TEXT NOT NULL,
      checksum TEXT NOT NULL,
      resource_name TEXT,
      deployed_at INTEGER NOT NULL,
      executable INTEGER,
      UNIQUE (key, version)
    );

    CREATE TABLE instances (
      id TEXT PRIMARY KEY,
      definition_id TEXT NOT NULL,
      key TEXT NOT NULL,
      version INTEGER NOT NULL,
      business_key TEXT,
      status TEXT NOT NULL,
      revision INTEGER NOT NULL,
      state TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      ended_at INTEGER
    );
    CREATE INDEX instances_key_version ON instances (key, version);
    CREATE INDEX instances_status_key ON instances (status, key, version);
    CREATE INDEX instances_business_key ON instances (business_key) WHERE business_key IS NOT NULL;
    CREATE INDEX instances_definition_status ON instances (definition_id, status);

    CREATE TABLE history (
      instance_id TEXT NOT NULL REFERENCES instances (id),
      seq INTEGER NOT NULL,
      event TEXT NOT NULL,
      PRIMARY KEY (instance_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      element_id TEXT NOT NULL,
      key TEXT NOT NULL,
      assignee TEXT,
      created_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX tasks_instance ON tasks (instance_id);
    CREATE INDEX tasks_created ON tasks (created_at, id);
    CREATE INDEX tasks_assignee ON tasks (assignee, created_at, id) WHERE assignee IS NOT NULL;
    CREATE INDEX tasks_key ON tasks (key, created_at, id);
    CREATE INDEX tasks_element ON tasks (element_id, created_at, id);

    -- One row per (task, group) and (task, user): "tasks of group G, oldest first" is one index range.
    CREATE TABLE task_candidate_groups (
      group_name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      task_id TEXT NOT NULL,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      PRIMARY KEY (group_name, created_at, task_id)
    ) WITHOUT ROWID;
    CREATE INDEX task_candidate_groups_instance ON task_candidate_groups (instance_id);

    CREATE TABLE task_candidate_users (
      user_name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      task_id TEXT NOT NULL,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      PRIMARY KEY (user_name, created_at, task_id)
    ) WITHOUT ROWID;
    CREATE INDEX task_candidate_users_instance ON task_candidate_users (instance_id);

    CREATE TABLE jobs (
      job_key TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      type TEXT NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX jobs_instance ON jobs (instance_id);
    CREATE INDEX jobs_type ON jobs (type);

    CREATE TABLE timers (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      due_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX timers_instance ON timers (instance_id);
    CREATE INDEX timers_due ON timers (due_at);

    CREATE TABLE message_subscriptions (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      message_name TEXT NOT NULL,
      correlation_key TEXT,
      created_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX message_subscriptions_instance ON message_subscriptions (instance_id);
    CREATE INDEX message_subscriptions_name_key ON message_subscriptions (message_name, correlation_key, created_at, id);

    CREATE TABLE signal_subscriptions (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      signal_name TEXT NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX signal_subscriptions_instance ON signal_subscriptions (instance_id);
    CREATE INDEX signal_subscriptions_name ON signal_subscriptions (signal_name);

    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      element_id TEXT NOT NULL,
      code TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX incidents_instance ON incidents (instance_id);
    CREATE INDEX incidents_code ON incidents (code);
    CREATE INDEX incidents_element ON incidents (element_id);

    CREATE TABLE start_timers (
      id TEXT PRIMARY KEY,
      key TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX start_timers_key ON start_timers (key);
    CREATE INDEX start_timers_due ON start_timers (due_at);
  `,
};
