import { z } from 'zod';
import { EngineError } from '../errors.js';

/** zod schemas for everything that crosses the public API; failures are INVALID_ARGUMENT with the issues. */

/** Variables are checked and copied by `toJsonObject` (one pass); here they only need to be present or not. */
const variables = z.custom<Record<string, unknown>>().optional();
const page = { limit: z.number().int().positive().optional(), offset: z.number().int().nonnegative().optional() };

export const startOptionsSchema = z.strictObject({
  variables,
  businessKey: z.string().min(1).optional(),
  version: z.number().int().positive().optional(),
});

export const completeTaskOptionsSchema = z.strictObject({ variables, user: z.string().min(1).optional() });

export const correlateOptionsSchema = z.strictObject({
  correlationKey: z.string().optional(),
  variables,
  businessKey: z.string().optional(),
  processVariables: z.record(z.string(), z.unknown()).optional(),
});

export const migrateOptionsSchema = z.strictObject({
  instanceIds: z.array(z.string().min(1)).optional(),
  key: z.string().min(1),
  fromVersion: z.number().int().positive().optional(),
  toVersion: z.number().int().positive(),
  mapping: z.record(z.string(), z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const signalOptionsSchema = z.strictObject({ variables });

export const triggerOptionsSchema = z.strictObject({ elementId: z.string().min(1), variables });

export const taskFilterSchema = z.strictObject({
  instanceId: z.string().optional(),
  assignee: z.string().optional(),
  candidateGroup: z.string().optional(),
  candidateUser: z.string().optional(),
  elementId: z.string().optional(),
  key: z.string().optional(),
  ...page,
});

export const incidentFilterSchema = z.strictObject({
  instanceId: z.string().optional(),
  elementId: z.string().optional(),
  code: z.string().optional(),
  ...page,
});

export const instanceFilterSchema = z.strictObject({
  key: z.string().optional(),
  version: z.number().int().positive().optional(),
  status: z.enum(['active', 'completed', 'terminated']).optional(),
  businessKey: z.string().optional(),
  ...page,
});

export const historyPageSchema = z.strictObject({ afterSeq: z.number().int().nonnegative().optional(), ...page });

export const jobFilterSchema = z.strictObject({ type: z.string().optional(), instanceId: z.string().optional(), ...page });

export const nonEmptyString = z.string().min(1);

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EngineError('INVALID_ARGUMENT', `Invalid ${what}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
    details: { issues: result.error.issues },
  });
}
