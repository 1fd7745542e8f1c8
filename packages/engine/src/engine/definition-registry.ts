import { createHash } from 'node:crypto';
import { EngineError } from '../errors.js';
import { parseBpmn } from '../parse/parse-bpmn.js';
import type { PinnedProcess } from '../runtime/execution.js';
import type { DefinitionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { DeployedProcess, DeploySource } from './api-types.js';
import { startTimersOf } from './start-events.js';

/**
 * Deploys versioned definitions and hands the runtime the exact version an instance is pinned to. Compiled
 * processes are cached by definition id; after a restart they are compiled again from the stored XML.
 */
export class DefinitionRegistry {
  private readonly compiled = new Map<string, PinnedProcess>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async deploy(source: DeploySource): Promise<DeployedProcess[]> {
    const { xml, name, allowNonExecutable } = readSource(source);
    const parsed = await parseBpmn(xml, { allowNonExecutable });
    const checksum = createHash('sha256').update(xml).digest('hex');
    const deployed: DeployedProcess[] = [];
    const records: DefinitionRecord[] = [];
    const pinned: PinnedProcess[] = [];
    const descriptive = allowNonExecutable ? parsed.nonExecutable.map((model) => ({ model, executable: false })) : [];
    for (const { model, executable } of [...parsed.processes.map((model) => ({ model, executable: true })), ...descriptive]) {
      const warnings = parsed.warnings.filter((issue) => issue.elementId === undefined || model.nodes[issue.elementId] || issue.elementId === model.id);
      const latest = await this.store.findDefinition(model.id);
      if (latest && latest.checksum === checksum) {
        deployed.push({ key: latest.key, version: latest.version, id: latest.id, name: latest.name, isNew: false, warnings });
        continue;
      }
      const version = (latest?.version ?? 0) + 1;
      const record: DefinitionRecord = {
        id: `${model.id}:${version}`,
        key: model.id,
        version,
        name: model.name ?? null,
        xml,
        checksum,
        resourceName: name ?? null,
        deployedAt: this.now(),
        ...(executable ? {} : { executable: false }),
      };
      records.push(record);
      pinned.push({ definitionId: record.id, key: record.key, version, model });
      deployed.push({ key: record.key, version, id: record.id, name: record.name, isNew: true, warnings });
    }
    await this.store.saveDefinitions(records);
    for (const process of pinned) {
      this.compiled.set(process.definitionId, process);
      if (records.find((record) => record.id === process.definitionId)?.executable !== false) {
        await this.store.replaceStartTimers(process.key, startTimersOf(process, this.now()));
      }
    }
    return deployed;
  }

  /** The definition a new instance of `key` starts on: the latest, or the requested version. */
  async resolve(key: string, version?: number): Promise<PinnedProcess> {
    const record = await this.store.findDefinition(key, version);
    if (!record) {
      throw new EngineError('DEFINITION_NOT_FOUND', `No definition '${key}'${version === undefined ? '' : ` version ${version}`} is deployed`, {
        details: { key, version },
      });
    }
    if (record.executable === false) {
      throw new EngineError('DEFINITION_NOT_EXECUTABLE', `'${record.id}' is a descriptive process (isExecutable="false"); it cannot be started`, {
        details: { key, version: record.version },
      });
    }
    return this.compiled.get(record.id) ?? this.compile(record);
  }

  /**
   * A process a call activity names: a deployed key (descriptive ones included), or else a non-executable
   * process of the caller's own file (pinned as `<callerDefinitionId>#<processId>`, as bpmn-engine allows).
   */
  async callable(callerDefinitionId: string, processId: string, version?: number): Promise<PinnedProcess> {
    const record = await this.store.findDefinition(processId, version);
    if (record) return this.compiled.get(record.id) ?? this.compile(record);
    return this.pinned(`${callerDefinitionId.split('#')[0]}#${processId}`);
  }

  /** The exact definition an instance is pinned to. */
  async pinned(definitionId: string): Promise<PinnedProcess> {
    const cached = this.compiled.get(definitionId);
    if (cached) return cached;
    const [fileDefinitionId, embeddedId] = definitionId.split('#');
    if (embeddedId !== undefined) return this.embedded(fileDefinitionId, embeddedId);
    const record = await this.store.getDefinition(definitionId);
    if (!record) throw new EngineError('DEFINITION_NOT_FOUND', `Definition '${definitionId}' is not in the store`, { details: { definitionId } });
    return this.compile(record);
  }

  private async embedded(fileDefinitionId: string, processId: string): Promise<PinnedProcess> {
    const record = await this.store.getDefinition(fileDefinitionId);
    const model = record && (await parseBpmn(record.xml)).nonExecutable.find((candidate) => candidate.id === processId);
    if (!record || !model) {
      throw new EngineError('DEFINITION_NOT_FOUND', `No process '${processId}' is deployed or in the file of '${fileDefinitionId}'`, {
        details: { key: processId },
      });
    }
    const process: PinnedProcess = { definitionId: `${fileDefinitionId}#${processId}`, key: processId, version: record.version, model };
    this.compiled.set(process.definitionId, process);
    return process;
  }

  private async compile(record: DefinitionRecord): Promise<PinnedProcess> {
    const parsed = await parseBpmn(record.xml, { allowNonExecutable: record.executable === false });
    const model = [...parsed.processes, ...parsed.nonExecutable].find((candidate) => candidate.id === record.key);
    if (!model) throw new EngineError('DEFINITION_NOT_FOUND', `Stored XML of '${record.id}' has no process '${record.key}'`, { details: { definitionId: record.id } });
    const process: PinnedProcess = { definitionId: record.id, key: record.key, version: record.version, model };
    this.compiled.set(record.id, process);
    return process;
  }
}

function readSource(source: DeploySource): { xml: string; name?: string; allowNonExecutable?: boolean } {
  if (typeof source === 'string') return { xml: source };
  if (source instanceof Uint8Array) return { xml: decode(source) };
  if (source && typeof source === 'object' && 'xml' in source) {
    return { xml: typeof source.xml === 'string' ? source.xml : decode(source.xml), name: source.name, allowNonExecutable: source.allowNonExecutable };
  }
  throw new EngineError('INVALID_ARGUMENT', 'deploy() takes BPMN XML as a string, bytes, or { xml, name }');
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
