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
import { UserError } from '../errors.js';
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

/** Node kinds an expression may contain: numbers, names, operators, calls, parentheses, comparisons and `? :`. */
const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode', 'RelationalNode']);

/** Why a node is not allowed, or undefined when it is. */
function refusal(n: MathNode, allowed: Set<string>): string | undefined {
  const node = n as unknown as { name?: string; value?: unknown; fn?: { type: string; name?: string } };
  if (n.type === 'AssignmentNode' || n.type === 'FunctionAssignmentNode') return 'a fee expression cannot assign variables or define functions';
  if (n.type === 'AccessorNode' || n.type === 'IndexNode') return 'a fee expression cannot read properties or elements (`x.name`, `x[1]`): use the variables as numbers';
  if (!ALLOWED_NODES.has(n.type)) return `a fee expression cannot contain ${n.type.replace(/Node$/, '').toLowerCase()}s (${n.toString()})`;
  if (n.type === 'ConstantNode' && typeof node.value !== 'number') return `a fee expression works with numbers only, not ${JSON.stringify(node.value)}`;
  if (n.type === 'SymbolNode' && node.name && !allowed.has(node.name)) {
    return `the fee expression uses '${node.name}', which is not allowed; use ${[...allowed].join(', ')}`;
  }
  if (n.type === 'FunctionNode') {
    const fn = node.fn?.type === 'SymbolNode' ? node.fn.name : undefined;
    if (!fn || !(ALLOWED_FUNCTIONS as readonly string[]).includes(fn) || fn === 'e' || fn === 'pi') {
      return `'${n.toString()}' calls ${fn ? `'${fn}', which is not a function` : 'something that is not a function'}; functions: ${ALLOWED_FUNCTIONS.filter((f) => f !== 'e' && f !== 'pi').join(', ')}`;
    }
  }
  return undefined;
}

/**
 * A fee expression that gave no finite number at run time: stops the run
 * with the expression and its inputs (a user's error, not a bug). The run
 * adds the tick (experiment/simulate.ts).
 */
export class FeeExpressionError extends UserError {
  constructor(
    readonly expr: string,
    readonly value: unknown,
    readonly scope: FeeScope,
    readonly tick?: number | 'burn-in',
  ) {
    const at = tick === undefined ? '' : tick === 'burn-in' ? ' during the burn-in (before tick 0)' : ` at tick ${tick}`;
    const inputs = Object.entries(scope).map(([k, v]) => `${k} = ${+v.toPrecision(6)}`).join(', ');
    super(
      `the fee expression '${expr}' gave ${valueText(value)}, not a finite number,${at} with ${inputs}`,
      'keep it finite over every input, e.g. divide by max(gmvShare, 0.01) and take sqrt of max(x, 0); the run stopped here',
    );
    this.name = 'FeeExpressionError';
  }

  /** The same error with the tick it happened at. */
  atTick(tick: number | 'burn-in'): FeeExpressionError {
    return new FeeExpressionError(this.expr, this.value, this.scope, tick);
  }
}

function valueText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'function') return 'a function';
  const t = (v as { type?: string; toString?: () => string } | null)?.type;
  return t === 'Complex' ? `the complex number ${String(v)}` : String(v);
}

function parseExpression(expr: string): MathNode {
  if (!math) throw new Error('the fee-expression engine is not loaded: await loadFeeExpressions() before running this scenario');
  let node: MathNode;
  try {
    node = math.parse(expr);
  } catch (err) {
    throw new Error(`cannot read the fee expression '${expr}': ${(err as Error).message}`);
  }
  const allowed = new Set<string>([...Object.keys(FEE_EXPRESSION_VARIABLES), ...ALLOWED_FUNCTIONS]);
  node.traverse((n: MathNode) => {
    const why = refusal(n, allowed);
    if (why) throw new Error(why);
  });
  return node;
}

/** Compiles a fee expression; throws an Error with a readable message if it is not one, a FeeExpressionError when it gives no finite number. */
export function compileFeeExpression(expr: string): (scope: FeeScope) => number {
  const compiled: EvalFunction = parseExpression(expr).compile();
  return (scope) => {
    let v: unknown;
    try {
      v = compiled.evaluate({ ...scope });
    } catch (err) {
      throw new FeeExpressionError(expr, `an error (${(err as Error).message})`, scope);
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new FeeExpressionError(expr, v, scope);
    return v;
  };
}

/** The values each variable can take, for checking an expression before a run. */
export type FeeRanges = Record<keyof typeof FEE_EXPRESSION_VARIABLES, readonly number[]>;

/** Values of each variable to try: its bounds and middle (shares 0–1, stage 0–2, the given base values and run length). */
export function feeRanges(base: readonly number[], years: number): FeeRanges {
  const share = [0, 0.5, 1];
  return { gmvShare: share, sellerShare: share, stage: [0, 1, 2], base: [...new Set(base)], trust: share, fraudShare: share, year: [...new Set([0, years / 2, years])] };
}

/**
 * Checks a fee expression before any run: it must parse, use only allowed
 * names, and give a finite real number at every combination of its
 * variables' bounds and middles (`ranges`). Throws an Error saying which
 * inputs break it.
 */
export function checkFeeExpression(expr: string, ranges: FeeRanges): void {
  const node = parseExpression(expr);
  const used = new Set<string>();
  node.traverse((n: MathNode) => {
    const name = (n as unknown as { name?: string }).name;
    if (n.type === 'SymbolNode' && name && name in ranges) used.add(name);
  });
  const fn = compileFeeExpression(expr);
  const names = [...used] as (keyof FeeRanges)[];
  const scope = Object.fromEntries(Object.keys(FEE_EXPRESSION_VARIABLES).map((k) => [k, ranges[k as keyof FeeRanges][0] ?? 0])) as FeeScope;
  const visit = (k: number): void => {
    if (k === names.length) {
      try {
        fn(scope);
      } catch (err) {
        if (!(err instanceof FeeExpressionError)) throw err;
        const at = names.length ? ` at ${names.map((n) => `${n} = ${+scope[n].toPrecision(6)}`).join(', ')}` : '';
        throw new Error(`the fee expression '${expr}' gives ${valueText(err.value)}${at}, which its inputs can reach (${names.map((n) => `${n} ${rangeText(ranges[n])}`).join(', ') || 'it has no inputs'}); keep it finite and real, e.g. divide by max(gmvShare, 0.01)`);
      }
      return;
    }
    for (const v of ranges[names[k]!]) {
      scope[names[k]!] = v;
      visit(k + 1);
    }
  };
  visit(0);
}

function rangeText(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `= ${lo}` : `${lo}–${+hi.toPrecision(6)}`;
}
