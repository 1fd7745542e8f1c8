import type BetterSqlite3 from 'better-sqlite3';
import type { Page, TaskFilter } from '@pravah/engine';

/** A `column = ?` condition, left out when its value is undefined. */
export type Condition = [sql: string, value: unknown];

export interface ListQuery {
  /** `SELECT <select> FROM <from>`: one column gives its values, several give row objects. */
  select: string;
  columns?: 'one' | 'many';
  from: string;
  conditions: Condition[];
  orderBy: string;
  page: Page;
}

/**
 * Runs list queries built from filters. Each combination of filters is one SQL text, prepared once and
 * cached; values are always bound, never spliced in.
 */
export function filteredQueries(db: BetterSqlite3.Database): (query: ListQuery) => unknown[] {
  const cache = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  return ({ select, from, conditions, orderBy, page, columns = 'one' }) => {
    const used = conditions.filter(([, value]) => value !== undefined);
    const where = used.length === 0 ? '' : ` WHERE ${used.map(([sql]) => sql).join(' AND ')}`;
    const sql = `SELECT ${select} FROM ${from}${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql).pluck(columns === 'one')));
    return statement.all(...used.map(([, value]) => value), page.limit ?? -1, page.offset ?? 0);
  };
}

/**
 * The tasks query: a candidate group or user filter drives the query from its own table (one index range,
 * already in `created_at, id` order); the other filters narrow that down.
 */
export function taskQuery(filter: TaskFilter): ListQuery {
  const conditions: Condition[] = [];
  let from = 'tasks t';
  let orderBy = 't.created_at, t.id';
  if (filter.candidateGroup !== undefined) {
    from = 'task_candidate_groups g JOIN tasks t ON t.id = g.task_id';
    orderBy = 'g.created_at, g.task_id';
    conditions.push(['g.group_name = ?', filter.candidateGroup]);
  }
  if (filter.candidateUser !== undefined) {
    if (filter.candidateGroup === undefined) {
      from = 'task_candidate_users u JOIN tasks t ON t.id = u.task_id';
      orderBy = 'u.created_at, u.task_id';
    } else {
      from += ' JOIN task_candidate_users u ON u.task_id = t.id AND u.created_at = t.created_at';
    }
    conditions.push(['u.user_name = ?', filter.candidateUser]);
  }
  conditions.push(
    ['t.assignee = ?', filter.assignee],
    ['t.instance_id = ?', filter.instanceId],
    ['t.element_id = ?', filter.elementId],
    ['t.key = ?', filter.key],
  );
  return { select: 't.record', from, conditions, orderBy, page: filter };
}
