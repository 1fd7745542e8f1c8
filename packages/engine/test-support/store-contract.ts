import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEngineError } from '../src/errors.js';
import type { HistoryEvent } from '../src/model/history-event.js';
import { instanceStateSchema, type ElementInstance, type IncidentState, type InstanceState } from '../src/model/instance-state.js';
import { deriveRecords, type DefinitionRecord, type StartTimerRecord } from '../src/store/records.js';
import type { Store } from '../src/store/store.js';

/**
 * The behaviour every `Store` must have, as one vitest suite: each store package runs it against a fresh
 * store per test. States are built by `waitingState` (valid per `instanceStateSchema`); query rows are
 * compared with what `deriveRecords` makes of the same state. Orders the port does not promise (tasks,
 * jobs, instances) are compared as sets; pages must be slices of the unpaged listing.
 */

const T0 = 1_764_579_600_000;
const MINUTE = 60_000;

/** A wait without its id: `waitingState` fills in `<instanceId>.<elementInstanceId>`. */
type WaitSpec =
  | { kind: 'userTask'; name?: string; assignee?: string; candidateUsers?: string[]; candidateGroups?: string[]; dueDate?: string; formKey?: string; priority?: number }
  | { kind: 'job'; type: string; attempts?: number; retries?: number; dueAt?: number }
  | { kind: 'timer'; dueAt: number }
  | { kind: 'message'; messageName: string; correlationKey: string | null }
  | { kind: 'signal'; signalName: string }
  | { kind: 'trigger' };

interface StateSpec {
  key?: string;
  version?: number;
  businessKey?: string | null;
  status?: InstanceState['status'];
  revision?: number;
  suspended?: boolean;
  variables?: Record<string, unknown>;
  /** One element instance per entry, ids "1", "2", ...; `at` is its `enteredAt` (default T0). */
  waits?: Array<{ elementId: string; wait: WaitSpec; at?: number }>;
  /** Incidents on the element instance with this index in `waits`. */
  incidents?: Array<{ on: number; code: string }>;
}

const ID_FIELD = { userTask: 'taskId', job: 'jobKey', timer: 'timerId', message: 'subscriptionId', signal: 'subscriptionId', trigger: null } as const;

/** A valid instance state whose elements wait as described. */
export function waitingState(id: string, spec: StateSpec = {}): InstanceState {
  const key = spec.key ?? 'order';
  const version = spec.version ?? 1;
  const elements: ElementInstance[] = (spec.waits ?? []).map(({ elementId, wait, at }, index) => {
    const elementInstanceId = String(index + 1);
    const idField = ID_FIELD[wait.kind];
    const full = wait.kind === 'job' ? { attempts: 0, retries: 3, ...wait } : { ...wait };
    return {
      id: elementInstanceId,
      elementId,
      scopeId: null,
      state: 'active',
      enteredAt: at ?? T0,
      wait: (idField ? { ...full, [idField]: `${id}.${elementInstanceId}` } : full) as ElementInstance['wait'],
    };
  });
  const incidents: IncidentState[] = (spec.incidents ?? []).map(({ on, code }, index) => ({
    id: `${id}.i${index + 1}`,
    code,
    message: `${code} at ${elements[on].elementId}`,
    elementId: elements[on].elementId,
    elementInstanceId: elements[on].id,
    createdAt: T0 + index,
    details: { attempt: index + 1, nested: { ok: false } },
  }));
  const status = spec.status ?? 'active';
  return instanceStateSchema.parse({
    schemaVersion: 1,
    id,
    definitionId: `${key}:${version}`,
    key,
    version,
    businessKey: spec.businessKey ?? null,
    status,
    startedAt: T0,
    endedAt: status === 'active' ? null : T0 + MINUTE,
    revision: spec.revision ?? 1,
    nextId: elements.length + incidents.length + 1,
    nextEventSeq: 0,
    variables: spec.variables ?? { amount: 10, customer: { name: 'Ann', tags: ['a', 'b'] } },
    elements,
    joins: [],
    incidents,
    ...(spec.suspended ? { suspended: true } : {}),
  });
}

function definition(key: string, version: number, extra: Partial<DefinitionRecord> = {}): DefinitionRecord {
  return { id: `${key}:${version}`, key, version, name: `${key} v${version}`, xml: `<definitions id="${key}-${version}"/>`, checksum: `sum-${key}-${version}`, resourceName: `${key}.bpmn`, deployedAt: T0 + version, ...extra };
}

function started(state: InstanceState, seq = 0): HistoryEvent[] {
  return [
    { seq, at: T0, type: 'instance-started', definitionId: state.definitionId, businessKey: state.businessKey },
    { seq: seq + 1, at: T0, type: 'variables-changed', elementId: null, variables: { amount: 10, nested: { deep: [1, 2] } } },
    { seq: seq + 2, at: T0, type: 'element-activated', elementId: 'start', elementInstanceId: '0' },
  ];
}

/** Commits `state` as a new instance (revision 1). */
async function create(store: Store, state: InstanceState, history: HistoryEvent[] = started(state)): Promise<InstanceState> {
  await store.commit({ state, expectedRevision: null, history });
  return state;
}

/** Commits `next` as the command after `previous` (its revision + 1). */
async function update(store: Store, previous: InstanceState, next: InstanceState, history: HistoryEvent[] = []): Promise<InstanceState> {
  const state = { ...next, revision: previous.revision + 1 };
  await store.commit({ state, expectedRevision: previous.revision, history });
  return state;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(isEngineError(error), 'rejects with an EngineError').toBe(true);
  expect(error).toMatchObject({ code });
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
const timer = (id: string, key: string, dueAt: number, cycle?: StartTimerRecord['cycle']): StartTimerRecord => ({ id: `${key}:1#${id}`, definitionId: `${key}:1`, key, elementId: id, dueAt, ...(cycle ? { cycle } : {}) });

/** Registers the contract tests for one store implementation; `open` gives a fresh, empty store each time. */
export function describeStoreContract(name: string, open: () => Promise<{ store: Store; close(): Promise<void> }>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => close());

    describe('definitions', () => {
      it('finds a saved definition by id, by key and version, and the latest version by key', async () => {
        // given three versions of one key, saved in two batches
        await store.saveDefinitions([definition('order', 1), definition('order', 2, { executable: false, name: null, resourceName: null })]);
        await store.saveDefinitions([definition('order', 10)]);
        // then
        expect(store.kind).toMatch(/^[a-z-]+$/);
        expect(await store.getDefinition('order:2')).toEqual(definition('order', 2, { executable: false, name: null, resourceName: null }));
        expect(await store.findDefinition('order', 1)).toEqual(definition('order', 1));
        expect(await store.findDefinition('order')).toEqual(definition('order', 10));
        expect(await store.findDefinition('order', 3)).toBeUndefined();
        expect(await store.findDefinition('missing')).toBeUndefined();
        expect(await store.getDefinition('missing:1')).toBeUndefined();
      });

      it('refuses a batch with an existing (key, version) with CONCURRENT_MODIFICATION and saves none of it', async () => {
        // given order v1
        await store.saveDefinitions([definition('order', 1)]);
        // when a batch carries a new definition and order v1 again
        await expectCode(store.saveDefinitions([definition('invoice', 1), definition('order', 1, { checksum: 'other' })]), 'CONCURRENT_MODIFICATION');
        // then nothing of the batch is saved and order v1 is unchanged
        expect(await store.getDefinition('invoice:1')).toBeUndefined();
        expect(await store.listDefinitions()).toEqual([definition('order', 1)]);
      });

      it('lists every version ordered by key, then numerically by version, as copies', async () => {
        await store.saveDefinitions([definition('order', 10), definition('invoice', 1), definition('order', 2)]);
        const listed = await store.listDefinitions();
        expect(listed.map((record) => record.id)).toEqual(['invoice:1', 'order:2', 'order:10']);
        listed[0].name = 'changed';
        expect((await store.getDefinition('invoice:1'))?.name).toBe('invoice v1');
      });
    });

    describe('instances', () => {
      it('commits a new instance and an update with the right revision', async () => {
        // given a new instance
        const first = await create(store, waitingState('i1', { waits: [{ elementId: 'review', wait: { kind: 'userTask' } }] }));
        expect(await store.loadInstance('i1')).toEqual(first);
        // when the next command commits with revision 1 expected
        const second = await update(store, first, { ...waitingState('i1', { status: 'completed' }), variables: { done: true } });
        // then the new state is stored
        expect(await store.loadInstance('i1')).toEqual(second);
        expect(second.revision).toBe(2);
      });

      it('refuses a stale revision with CONCURRENT_MODIFICATION and changes nothing', async () => {
        // given an instance at revision 2
        const first = await create(store, waitingState('i1', { waits: [{ elementId: 'review', wait: { kind: 'userTask', assignee: 'ann' } }] }));
        const second = await update(store, first, waitingState('i1', { waits: [{ elementId: 'review', wait: { kind: 'userTask', assignee: 'bob' } }] }), started(first, 3));
        // when a command that loaded revision 1 commits, or a second create, or an update of an unknown instance
        const stale = { ...waitingState('i1', { status: 'terminated' }), revision: 2 };
        await expectCode(store.commit({ state: stale, expectedRevision: 1, history: started(first, 6) }), 'CONCURRENT_MODIFICATION');
        await expectCode(store.commit({ state: first, expectedRevision: null, history: [] }), 'CONCURRENT_MODIFICATION');
        await expectCode(store.commit({ state: { ...waitingState('i9'), revision: 4 }, expectedRevision: 3, history: started(first) }), 'CONCURRENT_MODIFICATION');
        // then state, rows and history are those of revision 2
        expect(await store.loadInstance('i1')).toEqual(second);
        expect((await store.listTasks({ instanceId: 'i1' })).map((task) => task.assignee)).toEqual(['bob']);
        expect((await store.history('i1')).map((event) => event.seq)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(await store.loadInstance('i9')).toBeUndefined();
        expect(await store.listInstances({})).toHaveLength(1);
      });

      it('returns a copy from loadInstance that the caller may change', async () => {
        await create(store, waitingState('i1'));
        const loaded = (await store.loadInstance('i1')) as InstanceState;
        (loaded.variables.customer as { tags: string[] }).tags.push('c');
        loaded.status = 'terminated';
        expect(await store.loadInstance('i1')).toEqual(waitingState('i1'));
        expect(await store.loadInstance('missing')).toBeUndefined();
      });

      it('lists summaries filtered by key, version, status and business key, with limit and offset', async () => {
        // given instances of two keys and versions in several states
        await create(store, waitingState('a1', { key: 'order', version: 1, businessKey: 'B-1' }));
        await create(store, waitingState('a2', { key: 'order', version: 2, businessKey: 'B-2' }));
        await create(store, waitingState('a3', { key: 'order', version: 2, status: 'completed' }));
        await create(store, waitingState('b1', { key: 'invoice', businessKey: 'B-1', status: 'terminated' }));
        // then each filter selects its instances
        expect(await store.listInstances({ businessKey: 'B-2' })).toEqual([
          { id: 'a2', key: 'order', version: 2, definitionId: 'order:2', businessKey: 'B-2', status: 'active', startedAt: T0, endedAt: null },
        ]);
        expect(ids(await store.listInstances({}))).toEqual(['a1', 'a2', 'a3', 'b1']);
        expect(ids(await store.listInstances({ key: 'order' }))).toEqual(['a1', 'a2', 'a3']);
        expect(ids(await store.listInstances({ key: 'order', version: 2 }))).toEqual(['a2', 'a3']);
        expect(ids(await store.listInstances({ status: 'active' }))).toEqual(['a1', 'a2']);
        expect(ids(await store.listInstances({ businessKey: 'B-1' }))).toEqual(['a1', 'b1']);
        expect(ids(await store.listInstances({ key: 'order', status: 'completed' }))).toEqual(['a3']);
        expect(await store.listInstances({ key: 'missing' })).toEqual([]);
        // and pages are slices of the whole listing
        const all = await store.listInstances({ key: 'order' });
        expect(await store.listInstances({ key: 'order', limit: 2 })).toEqual(all.slice(0, 2));
        expect(await store.listInstances({ key: 'order', offset: 1, limit: 1 })).toEqual(all.slice(1, 2));
        expect(await store.listInstances({ key: 'order', offset: 2 })).toEqual(all.slice(2));
      });

      it('counts instances per definition by status', async () => {
        const first = await create(store, waitingState('a1'));
        await create(store, waitingState('a2'));
        await create(store, waitingState('a3', { status: 'terminated' }));
        await create(store, waitingState('b1', { key: 'invoice', version: 3 }));
        await update(store, first, waitingState('a1', { status: 'completed' }));
        const counts = (await store.countInstances()).sort((a, b) => (a.definitionId < b.definitionId ? -1 : 1));
        expect(counts).toEqual([
          { definitionId: 'invoice:3', active: 1, completed: 0, terminated: 0 },
          { definitionId: 'order:1', active: 1, completed: 1, terminated: 1 },
        ]);
      });
    });

    describe('query rows derived from the state', () => {
      const approvals = () => [
        waitingState('t1', { businessKey: 'B-1', waits: [{ elementId: 'review', at: T0, wait: { kind: 'userTask', name: 'Review', assignee: 'ann', candidateGroups: ['managers', 'finance'], dueDate: '2025-12-03T09:00:00.000Z', formKey: 'review-form', priority: 50 } }] }),
        waitingState('t2', { waits: [{ elementId: 'review', at: T0 + 1, wait: { kind: 'userTask', candidateGroups: ['managers'], candidateUsers: ['carl'] } }, { elementId: 'approve', at: T0 + 2, wait: { kind: 'userTask', candidateUsers: ['carl', 'dora'] } }] }),
        waitingState('t3', { key: 'invoice', waits: [{ elementId: 'review', at: T0 + 3, wait: { kind: 'userTask', assignee: 'ann', candidateGroups: ['finance'] } }, { elementId: 'wait', wait: { kind: 'trigger' } }] }),
      ];

      it('finds tasks by assignee, candidate group, candidate user, instance, element and key', async () => {
        // given three instances with four user tasks
        for (const state of approvals()) await create(store, state);
        // then every filter, alone and combined, finds its tasks
        expect(await store.getTask('t1.1')).toEqual(deriveRecords(approvals()[0]).tasks[0]);
        expect(await store.getTask('t3.2')).toBeUndefined();
        expect(ids(await store.listTasks({}))).toEqual(['t1.1', 't2.1', 't2.2', 't3.1']);
        expect(ids(await store.listTasks({ assignee: 'ann' }))).toEqual(['t1.1', 't3.1']);
        expect(ids(await store.listTasks({ candidateGroup: 'managers' }))).toEqual(['t1.1', 't2.1']);
        expect(ids(await store.listTasks({ candidateGroup: 'finance', key: 'invoice' }))).toEqual(['t3.1']);
        expect(ids(await store.listTasks({ candidateUser: 'carl' }))).toEqual(['t2.1', 't2.2']);
        expect(ids(await store.listTasks({ candidateUser: 'carl', candidateGroup: 'managers' }))).toEqual(['t2.1']);
        expect(ids(await store.listTasks({ instanceId: 't2' }))).toEqual(['t2.1', 't2.2']);
        expect(ids(await store.listTasks({ elementId: 'review' }))).toEqual(['t1.1', 't2.1', 't3.1']);
        expect(ids(await store.listTasks({ key: 'order', elementId: 'review' }))).toEqual(['t1.1', 't2.1']);
        expect(await store.listTasks({ candidateGroup: 'nobody' })).toEqual([]);
        // and every row is what deriveRecords makes of the state
        const derived = approvals().flatMap((state) => deriveRecords(state).tasks);
        expect((await store.listTasks({})).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(derived);
      });

      it('pages tasks as slices of the whole listing and hands out copies', async () => {
        for (const state of approvals()) await create(store, state);
        for (const filter of [{}, { candidateGroup: 'managers' }, { candidateUser: 'carl' }, { assignee: 'ann' }]) {
          const all = await store.listTasks(filter);
          expect(await store.listTasks({ ...filter, limit: 1 })).toEqual(all.slice(0, 1));
          expect(await store.listTasks({ ...filter, offset: 1, limit: 2 })).toEqual(all.slice(1, 3));
          expect(await store.listTasks({ ...filter, offset: 1 })).toEqual(all.slice(1));
          expect(await store.listTasks({ ...filter, offset: 10, limit: 2 })).toEqual([]);
        }
        const [task] = await store.listTasks({ instanceId: 't1' });
        task.candidateGroups.push('hackers');
        expect((await store.getTask('t1.1'))?.candidateGroups).toEqual(['managers', 'finance']);
      });

      it('finds jobs by type and instance, blocked while an incident is open on them', async () => {
        await create(store, waitingState('j1', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'payment', attempts: 2 } }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }] }));
        await create(store, waitingState('j2', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'payment' } }, { elementId: 'mail', wait: { kind: 'job', type: 'email' } }] }));
        expect((await store.listJobs({ type: 'payment' })).sort((a, b) => (a.jobKey < b.jobKey ? -1 : 1))).toEqual([
          { jobKey: 'j1.1', instanceId: 'j1', elementId: 'pay', elementInstanceId: '1', type: 'payment', attempts: 2, retries: 3, blocked: true, dueAt: null },
          { jobKey: 'j2.1', instanceId: 'j2', elementId: 'pay', elementInstanceId: '1', type: 'payment', attempts: 0, retries: 3, blocked: false, dueAt: null },
        ]);
        expect((await store.listJobs({ instanceId: 'j2' })).map((job) => job.jobKey).sort()).toEqual(['j2.1', 'j2.2']);
        expect((await store.listJobs({ type: 'email', instanceId: 'j1' }))).toEqual([]);
        const all = await store.listJobs({});
        expect(all).toHaveLength(3);
        expect(await store.listJobs({ offset: 1, limit: 1 })).toEqual(all.slice(1, 2));
      });

      it('finds incidents by instance, element and code', async () => {
        const state = await create(store, waitingState('x1', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'payment' } }, { elementId: 'calc', wait: { kind: 'trigger' } }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }, { on: 1, code: 'EXPRESSION_FAILED' }] }));
        await create(store, waitingState('x2', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'payment' } }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }] }));
        const [first] = deriveRecords(state).incidents;
        expect(await store.getIncident('x1.i1')).toEqual(first);
        expect(await store.getIncident('missing')).toBeUndefined();
        expect(ids(await store.listIncidents({ instanceId: 'x1' }))).toEqual(['x1.i1', 'x1.i2']);
        expect(ids(await store.listIncidents({ code: 'HANDLER_FAILED' }))).toEqual(['x1.i1', 'x2.i1']);
        expect(ids(await store.listIncidents({ elementId: 'calc' }))).toEqual(['x1.i2']);
        expect(ids(await store.listIncidents({ instanceId: 'x2', code: 'EXPRESSION_FAILED' }))).toEqual([]);
        const all = await store.listIncidents({});
        expect(await store.listIncidents({ offset: 2, limit: 5 })).toEqual(all.slice(2));
        const copy = await store.getIncident('x1.i1');
        (copy!.details as { nested: { ok: boolean } }).nested.ok = true;
        expect(await store.getIncident('x1.i1')).toEqual(first);
      });

      it('finds message subscriptions by name and correlation key, oldest first', async () => {
        const paid = (id: string, at: number, correlationKey: string | null) =>
          waitingState(id, { waits: [{ elementId: 'paid', at, wait: { kind: 'message', messageName: 'payment', correlationKey } }] });
        await create(store, paid('m1', T0 + 3, 'A-1'));
        await create(store, paid('m2', T0 + 1, 'A-1'));
        await create(store, paid('m3', T0 + 2, null));
        await create(store, paid('m4', T0, 'B-2'));
        expect(await store.findSubscriptions('payment', 'A-1')).toEqual([
          { id: 'm2.1', instanceId: 'm2', elementId: 'paid', elementInstanceId: '1', messageName: 'payment', correlationKey: 'A-1', createdAt: T0 + 1 },
          { id: 'm1.1', instanceId: 'm1', elementId: 'paid', elementInstanceId: '1', messageName: 'payment', correlationKey: 'A-1', createdAt: T0 + 3 },
        ]);
        expect((await store.findSubscriptions('payment', null)).map((row) => row.id)).toEqual(['m3.1']);
        expect(await store.findSubscriptions('refund', 'A-1')).toEqual([]);
      });

      it('finds signal subscriptions by signal name', async () => {
        await create(store, waitingState('s1', { waits: [{ elementId: 'alarm', wait: { kind: 'signal', signalName: 'fire' } }, { elementId: 'other', wait: { kind: 'signal', signalName: 'flood' } }] }));
        await create(store, waitingState('s2', { waits: [{ elementId: 'alarm', wait: { kind: 'signal', signalName: 'fire' } }] }));
        const fire = (await store.findSignalSubscriptions('fire')).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(fire).toEqual([
          { id: 's1.1', instanceId: 's1', elementId: 'alarm', elementInstanceId: '1', signalName: 'fire' },
          { id: 's2.1', instanceId: 's2', elementId: 'alarm', elementInstanceId: '1', signalName: 'fire' },
        ]);
        expect(await store.findSignalSubscriptions('quake')).toEqual([]);
      });

      it('drops the rows of waits the state no longer has, and keeps history of finished instances', async () => {
        // given an instance waiting in every way
        const everything = waitingState('w1', {
          waits: [
            { elementId: 'task', wait: { kind: 'userTask', candidateGroups: ['managers'], candidateUsers: ['carl'] } },
            { elementId: 'job', wait: { kind: 'job', type: 'payment' } },
            { elementId: 'timer', wait: { kind: 'timer', dueAt: T0 + MINUTE } },
            { elementId: 'message', wait: { kind: 'message', messageName: 'paid', correlationKey: 'K' } },
            { elementId: 'signal', wait: { kind: 'signal', signalName: 'fire' } },
          ],
          incidents: [{ on: 1, code: 'HANDLER_FAILED' }],
        });
        const first = await create(store, everything);
        // when the next command leaves only the task, then the instance completes
        const second = await update(store, first, { ...everything, elements: everything.elements.slice(0, 1), incidents: [] });
        expect(ids(await store.listTasks({ candidateUser: 'carl' }))).toEqual(['w1.1']);
        expect([await store.listJobs({}), await store.dueTimers(T0 + 2 * MINUTE, 10), await store.findSubscriptions('paid', 'K'), await store.findSignalSubscriptions('fire'), await store.listIncidents({})]).toEqual([[], [], [], [], []]);
        expect(await store.nextTimerDueAt()).toBeUndefined();
        await update(store, second, waitingState('w1', { status: 'completed' }), [{ seq: 3, at: T0 + MINUTE, type: 'instance-completed' }]);
        // then no rows remain, and the finished instance and its history are kept
        expect(await store.listTasks({})).toEqual([]);
        expect(await store.listTasks({ candidateGroup: 'managers' })).toEqual([]);
        expect(await store.getTask('w1.1')).toBeUndefined();
        expect(((await store.loadInstance('w1')) as InstanceState).status).toBe('completed');
        expect((await store.history('w1')).map((event) => event.type)).toEqual(['instance-started', 'variables-changed', 'element-activated', 'instance-completed']);
      });

      it('keeps no timer or job rows for a suspended instance, but keeps its tasks and subscriptions', async () => {
        const waits: StateSpec['waits'] = [
          { elementId: 'task', wait: { kind: 'userTask' } },
          { elementId: 'job', wait: { kind: 'job', type: 'payment' } },
          { elementId: 'timer', wait: { kind: 'timer', dueAt: T0 } },
          { elementId: 'message', wait: { kind: 'message', messageName: 'paid', correlationKey: null } },
        ];
        const running = await create(store, waitingState('p1', { waits }));
        const suspended = await update(store, running, waitingState('p1', { waits, suspended: true }));
        expect(await store.listJobs({})).toEqual([]);
        expect(await store.dueTimers(T0 + MINUTE, 10)).toEqual([]);
        expect(await store.nextTimerDueAt()).toBeUndefined();
        expect(ids(await store.listTasks({}))).toEqual(['p1.1']);
        expect(ids(await store.findSubscriptions('paid', null))).toEqual(['p1.4']);
        // when it is resumed, its timer and job come back
        await update(store, suspended, waitingState('p1', { waits }));
        expect(ids(await store.dueTimers(T0 + MINUTE, 10))).toEqual(['p1.3']);
        expect((await store.listJobs({})).map((job) => job.jobKey)).toEqual(['p1.2']);
      });
    });

    describe('history', () => {
      it('appends the events of every commit in seq order and hands out copies', async () => {
        const first = await create(store, waitingState('h1'));
        const second = await update(store, first, waitingState('h1'), []);
        await update(store, second, waitingState('h1', { status: 'completed' }), [
          { seq: 3, at: T0 + MINUTE, type: 'task-completed', elementId: 'review', taskId: 'h1.1', completedBy: 'ann' },
          { seq: 4, at: T0 + MINUTE, type: 'incident-raised', elementId: 'pay', incidentId: 'h1.i1', code: 'HANDLER_FAILED', message: 'down' },
          { seq: 5, at: T0 + MINUTE, type: 'instance-completed' },
        ]);
        const events = await store.history('h1');
        expect(events).toEqual([
          ...started(first),
          { seq: 3, at: T0 + MINUTE, type: 'task-completed', elementId: 'review', taskId: 'h1.1', completedBy: 'ann' },
          { seq: 4, at: T0 + MINUTE, type: 'incident-raised', elementId: 'pay', incidentId: 'h1.i1', code: 'HANDLER_FAILED', message: 'down' },
          { seq: 5, at: T0 + MINUTE, type: 'instance-completed' },
        ]);
        // when a reader changes what it got
        (events[1] as unknown as { variables: { nested: { deep: number[] } } }).variables.nested.deep.push(3);
        // then the stored history is unchanged
        expect((await store.history('h1'))[1]).toEqual(started(first)[1]);
        expect(await store.history('missing')).toEqual([]);
      });
    });

    describe('timers', () => {
      it('returns due timers earliest first up to the limit, and the next due time including start timers', async () => {
        // given timers at T0+3, T0+1, T0+2 minutes and one far away
        const at = (minutes: number) => T0 + minutes * MINUTE;
        await create(store, waitingState('a', { waits: [{ elementId: 'late', wait: { kind: 'timer', dueAt: at(3) } }, { elementId: 'early', wait: { kind: 'timer', dueAt: at(1) } }] }));
        await create(store, waitingState('b', { waits: [{ elementId: 'middle', wait: { kind: 'timer', dueAt: at(2) } }, { elementId: 'far', wait: { kind: 'timer', dueAt: at(60) } }] }));
        // then
        expect(await store.dueTimers(at(3), 10)).toEqual([
          { id: 'a.2', instanceId: 'a', elementId: 'early', elementInstanceId: '2', dueAt: at(1) },
          { id: 'b.1', instanceId: 'b', elementId: 'middle', elementInstanceId: '1', dueAt: at(2) },
          { id: 'a.1', instanceId: 'a', elementId: 'late', elementInstanceId: '1', dueAt: at(3) },
        ]);
        expect((await store.dueTimers(at(3), 2)).map((row) => row.id)).toEqual(['a.2', 'b.1']);
        expect(await store.dueTimers(at(1) - 1, 10)).toEqual([]);
        expect(await store.nextTimerDueAt()).toBe(at(1));
        await store.replaceStartTimers('nightly', [timer('start', 'nightly', at(0.5))]);
        expect(await store.nextTimerDueAt()).toBe(at(0.5));
      });

      it('has no next due time when nothing waits', async () => {
        expect(await store.nextTimerDueAt()).toBeUndefined();
        expect(await store.dueTimers(T0, 10)).toEqual([]);
      });
    });

    describe('leased due work', () => {
      const at = (minutes: number) => T0 + minutes * MINUTE;
      const lease = (owner: string, minutes: number, jobTypes: string[] = ['charge']) =>
        store.leaseDueWork({ owner, now: at(minutes), until: at(minutes + 1), limit: 10, jobTypes });

      it('leases due timers (earliest first) and runnable jobs of the asked types to one owner at a time', async () => {
        // given two due timers, a later one, a job of a handled type, one of another type and a blocked one
        await create(store, waitingState('a', { waits: [{ elementId: 'late', wait: { kind: 'timer', dueAt: at(2) } }, { elementId: 'early', wait: { kind: 'timer', dueAt: at(1) } }] }));
        await create(store, waitingState('b', { waits: [{ elementId: 'future', wait: { kind: 'timer', dueAt: at(30) } }, { elementId: 'pay', wait: { kind: 'job', type: 'charge' } }] }));
        await create(store, waitingState('c', { waits: [{ elementId: 'mail', wait: { kind: 'job', type: 'mail' } }] }));
        await create(store, waitingState('d', { waits: [{ elementId: 'stuck', wait: { kind: 'job', type: 'charge' } }], incidents: [{ on: 0, code: 'HANDLER_FAILED' }] }));
        // when engine one asks at T0+5
        const first = await lease('one', 5);
        // then it gets the two due timers in order and the one runnable charge job
        expect(first.map((work) => [work.kind, work.kind === 'timer' ? work.id : work.jobKey])).toEqual([
          ['timer', 'a.2'],
          ['timer', 'a.1'],
          ['job', 'b.2'],
        ]);
        // and engine two gets nothing while the leases last; the owner may ask again
        expect(await lease('two', 5)).toEqual([]);
        expect(await lease('one', 5)).toHaveLength(3);
        // a limit is respected
        expect(await store.leaseDueWork({ owner: 'three', now: at(7), until: at(8), limit: 1, jobTypes: ['charge'] })).toHaveLength(1);
      });

      it('lets another owner take over work whose lease expired (its engine died)', async () => {
        await create(store, waitingState('a', { waits: [{ elementId: 'early', wait: { kind: 'timer', dueAt: at(1) } }] }));
        expect(await lease('one', 5)).toHaveLength(1);
        expect(await lease('two', 5.5)).toEqual([]);
        const takenOver = await lease('two', 6);
        expect(takenOver).toMatchObject([{ kind: 'timer', id: 'a.1' }]);
        expect(await lease('one', 6.5)).toEqual([]);
      });

      it('does not lease a job waiting for a later retry, and wakes for it', async () => {
        // given a failed job that retries at T0+10 minutes
        await create(store, waitingState('r', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'charge', attempts: 1, dueAt: at(10) } }] }));
        // then it is not leased before then, and it is the next thing due
        expect(await lease('one', 5)).toEqual([]);
        expect(await store.nextTimerDueAt()).toBe(at(10));
        expect(await lease('one', 10)).toMatchObject([{ kind: 'job', jobKey: 'r.1', dueAt: at(10) }]);
      });

      it('ends leases when a commit rewrites the instance rows', async () => {
        const before = await create(store, waitingState('a', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'charge' } }] }));
        expect(await lease('one', 1)).toHaveLength(1);
        // the owner's command committed (attempts went up); the job is back, leasable by anyone
        const after = waitingState('a', { waits: [{ elementId: 'pay', wait: { kind: 'job', type: 'charge', attempts: 1 } }] });
        await update(store, before, after);
        expect(await lease('two', 1)).toMatchObject([{ kind: 'job', jobKey: 'a.1', attempts: 1 }]);
      });
    });

    describe('start timers', () => {
      it('replaces the start timers of one key, leaving other keys alone', async () => {
        const cycle = { remaining: 3, interval: 'PT1H' };
        await store.replaceStartTimers('nightly', [timer('a', 'nightly', T0 + 5), timer('b', 'nightly', T0 + 1, cycle)]);
        await store.replaceStartTimers('hourly', [timer('h', 'hourly', T0 + 2, { remaining: null, interval: 'PT1H' })]);
        await store.replaceStartTimers('nightly', [timer('c', 'nightly', T0 + 3)]);
        expect((await store.listStartTimers()).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
          timer('h', 'hourly', T0 + 2, { remaining: null, interval: 'PT1H' }),
          timer('c', 'nightly', T0 + 3),
        ]);
        await store.replaceStartTimers('hourly', []);
        expect(ids(await store.listStartTimers())).toEqual(['nightly:1#c']);
      });

      it('returns due start timers earliest first, advances them to their next firing or removes them', async () => {
        // given three start timers
        await store.replaceStartTimers('nightly', [timer('a', 'nightly', T0 + 30), timer('b', 'nightly', T0 + 10, { remaining: 2, interval: 'PT1H' })]);
        await store.replaceStartTimers('hourly', [timer('h', 'hourly', T0 + 20)]);
        expect(await store.dueStartTimers(T0 + 20, 10)).toEqual([timer('b', 'nightly', T0 + 10, { remaining: 2, interval: 'PT1H' }), timer('h', 'hourly', T0 + 20)]);
        expect(ids(await store.dueStartTimers(T0 + 100, 1))).toEqual(['nightly:1#b']);
        // when b fires and moves on, and h is used up
        const b = timer('b', 'nightly', T0 + 10, { remaining: 2, interval: 'PT1H' });
        expect(await store.advanceStartTimer(b, timer('b', 'nightly', T0 + 3_600_010, { remaining: 1, interval: 'PT1H' }))).toBe(true);
        expect(await store.advanceStartTimer(timer('h', 'hourly', T0 + 20), null)).toBe(true);
        expect(await store.advanceStartTimer(timer('x', 'gone', T0), timer('x', 'gone', T0))).toBe(false);
        // and a second engine that read b before it moved on loses the claim (one instance per firing)
        expect(await store.advanceStartTimer(b, timer('b', 'nightly', T0 + 3_600_010, { remaining: 1, interval: 'PT1H' }))).toBe(false);
        // then
        expect(ids(await store.dueStartTimers(T0 + 100, 10))).toEqual(['nightly:1#a']);
        expect((await store.listStartTimers()).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
          timer('a', 'nightly', T0 + 30),
          timer('b', 'nightly', T0 + 3_600_010, { remaining: 1, interval: 'PT1H' }),
        ]);
        expect(await store.nextTimerDueAt()).toBe(T0 + 30);
        const [copy] = await store.dueStartTimers(T0 + 100, 1);
        copy.dueAt = 0;
        expect((await store.dueStartTimers(T0 + 100, 1))[0].dueAt).toBe(T0 + 30);
      });
    });
  });
}
