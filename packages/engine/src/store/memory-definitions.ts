import { EngineError } from '../errors.js';
import type { DefinitionRecord } from './records.js';
import type { Store } from './store.js';

type DefinitionMethods = Pick<Store, 'saveDefinitions' | 'getDefinition' | 'findDefinition' | 'listDefinitions'>;

/** The in-memory store's deployed definitions: saved all or nothing, handed out as copies. */
export function memoryDefinitions(): DefinitionMethods {
  const definitions = new Map<string, DefinitionRecord>();
  return {
    async saveDefinitions(records) {
      for (const record of records) {
        if (definitions.has(record.id)) {
          throw new EngineError('CONCURRENT_MODIFICATION', `Definition '${record.id}' exists already`, { details: { definitionId: record.id } });
        }
      }
      for (const record of records) definitions.set(record.id, { ...record });
    },
    async getDefinition(id) {
      const record = definitions.get(id);
      return record && { ...record };
    },
    async findDefinition(key, version) {
      let found: DefinitionRecord | undefined;
      for (const record of definitions.values()) {
        if (record.key !== key) continue;
        if (version === undefined ? !found || record.version > found.version : record.version === version) found = record;
      }
      return found && { ...found };
    },
    async listDefinitions() {
      return [...definitions.values()]
        .map((record) => ({ ...record }))
        .sort((a, b) => (a.key === b.key ? a.version - b.version : a.key < b.key ? -1 : 1));
    },
  };
}
