import { failedExpression, invalidExpression } from './expression-errors.js';
import type { JuelCallPolicy, JuelNode } from './juel-parser.js';
import type { JuelEvaluator, JuelRules } from './juel-compile.js';
import { toPlainResult } from './plain-result.js';

/**
 * The `bpmn-engine` dialect (models written for paed01/bpmn-engine): JUEL syntax whose names are read
 * against bpmn-engine's roots, mapped onto process variables:
 *
 * - `environment.variables`, `environment.output` and `content.output` are the variables object, so
 *   `environment.output.amount` is the variable `amount`;
 * - a bare name is a variable too; unknown variables are null, never an error (bpmn-engine is lenient);
 * - `environment.services.NAME(args)` calls the host function `NAME` (an own property of the functions
 *   table passed to `evaluate`), with plain copies of the arguments; its result must be plain as well;
 * - `environment.services.NAME` without a call is the text `NAME` (a service named as a job type);
 * - any other use of `environment` or `content` is refused at compile time, like every other call.
 */
export const bpmnEngineRules: JuelRules = {
  variable(source, name) {
    if (name === 'environment' || name === 'content') {
      throw invalidExpression(source, `'${name}' must be followed by ${ROOT_PROPERTIES[name]}`);
    }
    return ({ variables }) => (Object.hasOwn(variables, name) ? (variables[name] ?? null) : null);
  },
  special(source, node, compile) {
    if (node.kind === 'call') return compileServiceCall(source, node.callee[2], node.args.map(compile));
    if (node.kind !== 'member') return undefined;
    if (isServicesRoot(node.object)) return serviceName(source, node.property);
    if (node.object.kind !== 'variable') return undefined;
    const root = node.object.name;
    if (root !== 'environment' && root !== 'content') return undefined;
    const property = node.property.kind === 'literal' ? node.property.value : undefined;
    if (root === 'environment' && property === 'services') {
      throw invalidExpression(source, "'environment.services' must be followed by a function name");
    }
    if ((root === 'environment' && (property === 'variables' || property === 'output')) || (root === 'content' && property === 'output')) {
      return ({ variables }) => variables;
    }
    throw invalidExpression(source, `'${root}' must be followed by ${ROOT_PROPERTIES[root]}`);
  },
};

/** Only `environment.services.NAME(...)`, written with dots, may be called. */
export const isServiceCallee: JuelCallPolicy = (callee) =>
  callee.length === 3 && callee[0] === 'environment' && callee[1] === 'services';

const ROOT_PROPERTIES = {
  environment: "'.variables', '.output' or '.services'",
  content: "'.output'",
} as const;

function isServicesRoot(node: JuelNode): boolean {
  return (
    node.kind === 'member' &&
    node.object.kind === 'variable' &&
    node.object.name === 'environment' &&
    node.property.kind === 'literal' &&
    node.property.value === 'services'
  );
}

/** `environment.services.NAME` as a value: the text `NAME`. */
function serviceName(source: string, property: JuelNode): JuelEvaluator {
  if (property.kind !== 'literal' || typeof property.value !== 'string') {
    throw invalidExpression(source, "'environment.services' must be followed by a function name");
  }
  const name = property.value;
  return () => name;
}

function compileServiceCall(source: string, name: string, args: readonly JuelEvaluator[]): JuelEvaluator {
  return (context) => {
    const { functions } = context;
    const fn = functions !== undefined && Object.hasOwn(functions, name) ? functions[name] : undefined;
    if (typeof fn !== 'function') throw failedExpression(source, `no function '${name}' is registered`);
    // copies, so a host function can neither mutate the variables nor receive anything but plain data
    const values = args.map((arg) => toPlainResult(arg(context), source));
    let result: unknown;
    try {
      result = Reflect.apply(fn, undefined, values);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw failedExpression(source, `function '${name}' threw: ${message}`, error);
    }
    return toPlainResult(result, source);
  };
}
