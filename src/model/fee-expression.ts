/**
 * The `expression` fee policy: a mathjs expression for the commission over
 * named platform state, evaluated in a locked-down mathjs instance that has
 * only arithmetic and a few functions (no import, evaluate, parse, createUnit
 * or other way out of the expression).
 *
 * mathjs takes over half a second to load, so it is loaded only for scenarios
 * that use an expression: `await loadFeeExpressions()` first (the scenario
 * loader does this for you).
 */
import type { EvalFunction, MathJsInstance, MathNode } from 'mathjs';
import type { Scenario } from './params.js';

/** The names an expression may use, with what they mean. */
export const FEE_EXPRESSION_VARIABLES = {
  gmvShare: 'platform share of SME export value last tick (0–1)',
  sellerShare: 'share of firms listed on the platform last tick (0–1)',
  stage: 'platform stage (0, 1, 2)',
  base: 'the scenario’s platform.commission',
  trust: 'buyer trust in the platform (0–1)',
  fraudShare: 'smoothed counterfeit share of platform orders (0–1)',
  year: 'years since tick 0',
} as const;

export type FeeScope = Record<keyof typeof FEE_EXPRESSION_VARIABLES, number>;

/** Functions and constants an expression may use besides the variables. */
const ALLOWED_FUNCTIONS = ['min', 'max', 'abs', 'sqrt', 'log', 'exp', 'pow', 'e', 'pi'] as const;

let math: MathJsInstance | undefined;

/** Loads the expression engine: only arithmetic, comparisons and ALLOWED_FUNCTIONS exist in it. */
export async function loadFeeExpressions(): Promise<void> {
  if (math) return;
  const m = await import('mathjs');
  math = m.create({
    parseDependencies: m.parseDependencies, compileDependencies: m.compileDependencies,
    addDependencies: m.addDependencies, subtractDependencies: m.subtractDependencies, multiplyDependencies: m.multiplyDependencies,
    divideDependencies: m.divideDependencies, unaryMinusDependencies: m.unaryMinusDependencies, smallerDependencies: m.smallerDependencies,
    largerDependencies: m.largerDependencies, minDependencies: m.minDependencies, maxDependencies: m.maxDependencies,
    absDependencies: m.absDependencies, sqrtDependencies: m.sqrtDependencies, logDependencies: m.logDependencies,
    expDependencies: m.expDependencies, powDependencies: m.powDependencies, eDependencies: m.eDependencies, piDependencies: m.piDependencies,
  }) as MathJsInstance;
}

/** Whether a scenario (or one of its events) uses the expression fee policy. */
export function usesFeeExpressions(s: Scenario): boolean {
  return s.platform.feePolicy.kind === 'expression' || JSON.stringify(s.events).includes('"expression"');
}

/** Compiles a fee expression; throws an Error with a readable message if it is not one. */
export function compileFeeExpression(expr: string): (scope: FeeScope) => number {
  if (!math) throw new Error('the fee-expression engine is not loaded: await loadFeeExpressions() before running this scenario');
  let node: MathNode;
  try {
    node = math.parse(expr);
  } catch (err) {
    throw new Error(`cannot read the fee expression '${expr}': ${(err as Error).message}`);
  }
  const allowed = new Set<string>([...Object.keys(FEE_EXPRESSION_VARIABLES), ...ALLOWED_FUNCTIONS]);
  node.traverse((n: MathNode) => {
    if (n.type === 'AssignmentNode' || n.type === 'FunctionAssignmentNode') {
      throw new Error('a fee expression cannot assign variables or define functions');
    }
    const name = (n as unknown as { name?: string }).name;
    if (n.type === 'SymbolNode' && name && !allowed.has(name)) {
      throw new Error(`the fee expression uses '${name}', which is not allowed; use ${[...allowed].join(', ')}`);
    }
  });
  const compiled: EvalFunction = node.compile();
  return (scope) => {
    const v = compiled.evaluate({ ...scope });
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`the fee expression '${expr}' gave ${String(v)}, not a number`);
    return v;
  };
}
