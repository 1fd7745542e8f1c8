import type { Migration } from './migration.js';

/**
 * The first schema. `instances.state` and `history.event` hold the JSON text the engine hands over (TEXT,
 * not JSONB: it keeps key order and every string the engine can produce). The other tables are the query
 * rows `deriveRecords` makes of each instance's state; `position` columns keep insertion order for paging.
 * Times are epoch milliseconds (bigint).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE definitions (
  id text PRIMARY KEY,
  key text NOT NULL,
  version integer NOT NULL,
  name text,
  xml text NOT NULL,
  checksum text NOT NULL,
  resource_name text,
  deployed_at bigint NOT NULL,
  executable boolean,
  CONSTRAINT definitions_key_version UNIQUE (key, version)
);

CREATE TABLE instances (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  definition_id text NOT NULL,
  key text NOT NULL,
  version integer NOT NULL,
  business_key text,
  status text NOT NULL CHECK (status IN ('active', 'completed', 'terminated')),
  started_at bigint NOT NULL,
  ended_at bigint,
  revision integer NOT NULL,
  state text NOT NULL
);
CREATE INDEX instances_position ON instances (position);
CREATE INDEX instances_key_version ON instances (key, version, position);
CREATE INDEX instances_status ON instances (status, position);
CREATE INDEX instances_business_key ON instances (business_key, position);
CREATE INDEX instances_definition_status ON instances (definition_id, status);

CREATE TABLE history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id text NOT NULL,
  seq integer NOT NULL,
  event text NOT NULL
);
CREATE INDEX history_instance ON history (instance_id, id);

CREATE TABLE tasks (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  definition_id text NOT NULL,
  key text NOT NULL,
  business_key text,
  name text,
  assignee text,
  candidate_users text[] NOT NULL,
  candidate_groups text[] NOT NULL,
  due_date text,
  follow_up_date text,
  form_key text,
  priority double precision,
  created_at bigint NOT NULL
);
CREATE INDEX tasks_position ON tasks (position);
CREATE INDEX tasks_instance ON tasks (instance_id);
CREATE INDEX tasks_assignee ON tasks (assignee, position);
CREATE INDEX tasks_element ON tasks (element_id, position);
CREATE INDEX tasks_key ON tasks (key, position);

-- One row per candidate user or group of a task: the candidateUser / candidateGroup filters.
CREATE TABLE task_candidates (
  task_id text NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('user', 'group')),
  name text NOT NULL,
  PRIMARY KEY (task_id, kind, name)
);
CREATE INDEX task_candidates_name ON task_candidates (kind, name, task_id);

CREATE TABLE jobs (
  job_key text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  type text NOT NULL,
  attempts integer NOT NULL,
  retries integer NOT NULL,
  blocked boolean NOT NULL
);
CREATE INDEX jobs_position ON jobs (position);
CREATE INDEX jobs_type ON jobs (type, position);
CREATE INDEX jobs_instance ON jobs (instance_id);

CREATE TABLE timers (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  due_at bigint NOT NULL
);
CREATE INDEX timers_due ON timers (due_at, position);
CREATE INDEX timers_instance ON timers (instance_id);

CREATE TABLE message_subscriptions (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  message_name text NOT NULL,
  correlation_key text,
  created_at bigint NOT NULL
);
CREATE INDEX message_subscriptions_name_key ON message_subscriptions (message_name, correlation_key, created_at, position);
CREATE INDEX message_subscriptions_instance ON message_subscriptions (instance_id);

CREATE TABLE signal_subscriptions (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  signal_name text NOT NULL
);
CREATE INDEX signal_subscriptions_name ON signal_subscriptions (signal_name, position);
CREATE INDEX signal_subscriptions_instance ON signal_subscriptions (instance_id);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  instance_id text NOT NULL,
  definition_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_id text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  created_at bigint NOT NULL,
  details text
);
CREATE INDEX incidents_position ON incidents (position);
CREATE INDEX incidents_instance ON incidents (instance_id);
CREATE INDEX incidents_element ON incidents (element_id, position);
CREATE INDEX incidents_code ON incidents (code, position);

CREATE TABLE start_timers (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,
  definition_id text NOT NULL,
  key text NOT NULL,
  element_id text NOT NULL,
  due_at bigint NOT NULL,
  cycle text
);
CREATE INDEX start_timers_key ON start_timers (key);
CREATE INDEX start_timers_due ON start_timers (due_at, position);
`,
};
