import { EngineError } from '../errors.js';
import { applyMigration, planMigration, type InstanceMigrationPlan, type MigrationProblem } from '../runtime/migration.js';
import type { Store } from '../store/store.js';
import type { CommandRunner } from './command-runner.js';
import type { DefinitionRegistry } from './definition-registry.js';

export interface MigrateOptions {
  /** The instances to move; or all active instances of `key` on `fromVersion`. */
  instanceIds?: string[];
  key: string;
  fromVersion?: number;
  toVersion: number;
  /** Old element id -> new element id; identical ids map implicitly. */
  mapping?: Record<string, string>;
  /** Validate and return the plan without moving anything. */
  dryRun?: boolean;
}

export interface MigrationResult {
  toDefinitionId: string;
  plans: InstanceMigrationPlan[];
  problems: MigrationProblem[];
  /** False for a dry run. */
  applied: boolean;
}

/**
 * Moves running instances to another version of their process, on purpose. Every instance is planned and
 * validated before anything moves; any problem refuses the whole migration (MIGRATION_INVALID with the
 * list). Each instance then moves in its own command, recorded in its history.
 */
export async function migrate(store: Store, runner: CommandRunner, definitions: DefinitionRegistry, options: MigrateOptions): Promise<MigrationResult> {
  const target = await definitions.resolve(options.key, options.toVersion);
  const mapping = options.mapping ?? {};
  const ids =
    options.instanceIds ??
    (await store.listInstances({ key: options.key, version: options.fromVersion, status: 'active' })).map((summary) => summary.id);
  const plans: InstanceMigrationPlan[] = [];
  const problems: MigrationProblem[] = [];
  for (const id of ids) {
    const state = await runner.load(id);
    if (state.key !== options.key) {
      throw new EngineError('MIGRATION_INVALID', `Instance '${id}' runs '${state.key}', not '${options.key}'`, { details: { instanceId: id } });
    }
    if (state.status !== 'active') continue;
    const source = await definitions.pinned(state.definitionId);
    const planned = planMigration(state, source.model, target.model, mapping);
    plans.push(planned.plan);
    problems.push(...planned.problems);
  }
  if (options.dryRun) return { toDefinitionId: target.definitionId, plans, problems, applied: false };
  if (problems.length > 0) {
    throw new EngineError('MIGRATION_INVALID', `Migration to '${target.definitionId}' refused: ${problems.length} problem(s), first: ${problems[0].message}`, {
      details: { problems },
    });
  }
  for (const plan of plans) {
    await runner.run(plan.instanceId, (execution) => {
      if (execution.state.definitionId !== plan.fromDefinitionId) {
        throw new EngineError('CONCURRENT_MODIFICATION', `Instance '${plan.instanceId}' changed version while migrating`, { details: { instanceId: plan.instanceId } });
      }
      applyMigration(execution, target, plan, mapping);
    });
  }
  return { toDefinitionId: target.definitionId, plans, problems, applied: true };
}
