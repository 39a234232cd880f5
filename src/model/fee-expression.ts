/**
 * The `expression` fee policy: a mathjs expression for the commission over
 * named platform state, evaluated in a locked-down mathjs instance (no import,
 * evaluate, parse, createUnit or other way out of the expression).
 */
import { all, create, type EvalFunction, type MathNode } from 'mathjs';

/** The names an expression may use, with what they mean. */
export const FEE_EXPRESSION_VARIABLES = {
  gmvShare: 'platform share of SME export value last tick (0–1)',
  sellerShare: 'share of exporters listed on the platform last tick (0–1)',
  stage: 'platform stage (0, 1, 2)',
  base: 'the scenario’s platform.commission',
  trust: 'buyer trust in the platform (0–1)',
  fraudShare: 'smoothed counterfeit share of platform orders (0–1)',
  year: 'years since tick 0',
} as const;

export type FeeScope = Record<keyof typeof FEE_EXPRESSION_VARIABLES, number>;

const math = create(all);
// Kept before the lock-down below, which blocks `parse` inside expressions.
const parseOutside = math.parse.bind(math) as (expr: string) => MathNode;
/** Functions and constants an expression may call besides the variables. */
const ALLOWED_FUNCTIONS = new Set(['min', 'max', 'abs', 'sqrt', 'log', 'exp', 'pow', 'e', 'pi']);
const blocked = (name: string) => () => {
  throw new Error(`'${name}' is not allowed in a fee expression`);
};
math.import(
  Object.fromEntries(
    ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'chain', 'reviver', 'parser'].map(
      (n) => [n, blocked(n)],
    ),
  ),
  { override: true },
);

/** Compiles a fee expression; throws an Error with a readable message if it is not one. */
export function compileFeeExpression(expr: string): (scope: FeeScope) => number {
  let node: MathNode;
  try {
    node = parseOutside(expr);
  } catch (err) {
    throw new Error(`cannot read the fee expression '${expr}': ${(err as Error).message}`);
  }
  const variables = new Set(Object.keys(FEE_EXPRESSION_VARIABLES));
  node.traverse((n: MathNode) => {
    if (n.type === 'AssignmentNode' || n.type === 'FunctionAssignmentNode') {
      throw new Error('a fee expression cannot assign variables or define functions');
    }
    const name = (n as unknown as { name?: string }).name;
    if (n.type === 'SymbolNode' && name && !variables.has(name) && !ALLOWED_FUNCTIONS.has(name)) {
      throw new Error(`the fee expression uses '${name}', which is not allowed; use ${[...variables].join(', ')} and ${[...ALLOWED_FUNCTIONS].join(', ')}`);
    }
  });
  const compiled: EvalFunction = node.compile();
  return (scope) => {
    const v = compiled.evaluate({ ...scope });
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`the fee expression '${expr}' gave ${String(v)}, not a number`);
    return v;
  };
}
