/** One step of the schema: applied once, in version order, and recorded in `schema_migrations`. */
export interface Migration {
  /** 1, 2, 3, ...: the number in the file name. */
  version: number;
  name: string;
  /** Statements run in the migration transaction, as one script. */
  sql: string;
}
