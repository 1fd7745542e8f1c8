import type { Page } from '@pravah/engine';

/**
 * Builds `WHERE a = $1 AND b = $2 ... LIMIT $n OFFSET $m` from the fields of a filter that are set.
 * `conditions` maps a filter field to a SQL condition with `?` where its value goes.
 */
export function whereClause<F extends Page>(filter: F, conditions: Partial<Record<keyof F & string, string>>): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const parts: string[] = [];
  for (const [field, condition] of Object.entries(conditions) as Array<[keyof F & string, string]>) {
    const value = filter[field];
    if (value === undefined) continue;
    values.push(value);
    parts.push(condition.replace('?', `$${values.length}`));
  }
  values.push(filter.limit ?? null, filter.offset ?? 0);
  const where = parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '';
  return { sql: `${where} ORDER BY position LIMIT $${values.length - 1} OFFSET $${values.length}`, values };
}
