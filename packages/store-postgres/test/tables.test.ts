import type { IncidentRecord, StartTimerRecord, TaskRecord } from '@pravah/engine';
import { describe, expect, it } from 'vitest';
import { fromRow, incidentsTable, insertStatement, startTimersTable, tasksTable, toRow } from '../src/tables.js';

const task: TaskRecord = {
  id: 'i1.2', instanceId: 'i1', elementId: 'review', elementInstanceId: '2', definitionId: 'order:1', key: 'order', businessKey: null,
  name: 'Review', assignee: null, candidateUsers: ['ann'], candidateGroups: [], dueDate: null, followUpDate: null, formKey: null,
  priority: 5, createdAt: 1_764_579_600_000,
};

describe('table mapping', () => {
  it('turns a record into a row by column and back', () => {
    // given a task record
    const row = toRow(tasksTable, task);
    // then the row is keyed by column, and pg's text form of bigint reads back as a number
    expect(row).toMatchObject({ element_instance_id: '2', candidate_users: ['ann'], created_at: 1_764_579_600_000 });
    expect(fromRow(tasksTable, { ...row, created_at: '1764579600000' })).toEqual(task);
  });

  it('keeps JSON fields as JSON text and leaves absent ones absent', () => {
    const incident: IncidentRecord = { id: 'i1.i1', code: 'HANDLER_FAILED', message: 'down', elementId: 'pay', elementInstanceId: '3', createdAt: 7, instanceId: 'i1', definitionId: 'order:1' };
    const row = toRow(incidentsTable, { ...incident, details: { attempt: 2 } });
    expect(row.details).toBe('{"attempt":2}');
    expect(fromRow(incidentsTable, row)).toEqual({ ...incident, details: { attempt: 2 } });
    expect(fromRow(incidentsTable, toRow(incidentsTable, incident))).not.toHaveProperty('details');
    const once: StartTimerRecord = { id: 'order:1#start', definitionId: 'order:1', key: 'order', elementId: 'start', dueAt: 9 };
    expect(fromRow(startTimersTable, toRow(startTimersTable, once))).toStrictEqual(once);
  });

  it('inserts many records with one JSON parameter', () => {
    const { text, values } = insertStatement(tasksTable, [task, { ...task, id: 'i1.3' }]);
    expect(text).toMatch(/^INSERT INTO tasks \(id, instance_id, .*\) SELECT .* FROM json_populate_recordset\(NULL::tasks, \$1::json\)$/);
    expect(JSON.parse(values[0] as string).map((row: { id: string }) => row.id)).toEqual(['i1.2', 'i1.3']);
  });
});
