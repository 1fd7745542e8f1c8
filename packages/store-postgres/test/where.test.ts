import type { TaskFilter } from '@pravah/engine';
import { describe, expect, it } from 'vitest';
import { whereClause } from '../src/where.js';

describe('whereClause', () => {
  const conditions = { assignee: 'assignee = ?', key: 'key = ?' };

  it('numbers the parameters of the fields that are set, then limit and offset', () => {
    const filter: TaskFilter = { key: 'order', assignee: 'ann', limit: 5, offset: 10 };
    expect(whereClause(filter, conditions)).toEqual({
      sql: ' WHERE assignee = $1 AND key = $2 ORDER BY position LIMIT $3 OFFSET $4',
      values: ['ann', 'order', 5, 10],
    });
  });

  it('has no WHERE without filters, and no limit (NULL) unless one is given', () => {
    expect(whereClause<TaskFilter>({}, conditions)).toEqual({ sql: ' ORDER BY position LIMIT $1 OFFSET $2', values: [null, 0] });
  });
});
