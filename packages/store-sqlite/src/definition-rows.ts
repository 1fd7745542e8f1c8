import type { DefinitionRecord } from '@pravah/engine';

/** A `definitions` row as better-sqlite3 returns it. */
export interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  xml: string;
  checksum: string;
  resource_name: string | null;
  deployed_at: number;
  executable: number | null;
}

/** The record a `definitions` row holds (`executable` only for descriptive processes). */
export function toDefinition(row: DefinitionRow): DefinitionRecord {
  const record: DefinitionRecord = {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    xml: row.xml,
    checksum: row.checksum,
    resourceName: row.resource_name,
    deployedAt: row.deployed_at,
  };
  if (row.executable !== null) record.executable = row.executable === 1;
  return record;
}
