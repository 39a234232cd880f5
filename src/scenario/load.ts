/**
 * Loading a scenario file: YAML with line numbers, `extends` chains, `--set`
 * overrides, and validation that reports every problem at once, each at the
 * file, line and column where the offending value was written.
 */
import { checkFeeExpression, feeRanges, loadFeeExpressions, usesFeeExpressions } from '../model/fee-expression.js';
import type { Scenario } from '../model/params.js';
import { UserError } from '../errors.js';
import { checkTree } from './check.js';
import { loadChain } from './extends.js';
import { ScenarioError } from './issues.js';
import { applyOverrides } from './overrides.js';
import { fromPlain, toPlain } from './tree.js';

export interface LoadedScenario {
  /** Fully resolved: defaults applied, validated, events checked. */
  scenario: Scenario;
  /** The extends chain as absolute paths: the given file first, then the file it extends, and so on. */
  files: string[];
  /** The merged input (files and overrides) before defaults. */
  raw: unknown;
}

export interface LoadOptions {
  /** `path=value` overrides from `--set`, applied in order after the files are merged. */
  overrides?: readonly string[];
}

/**
 * Reads, merges, overrides and validates a scenario. Throws a UserError
 * (a {@link ScenarioError} listing every problem, for validation) on bad input.
 */
export async function loadScenario(file: string, opts: LoadOptions = {}): Promise<LoadedScenario> {
  const { tree, files } = await loadChain(file);
  const overrideIssues = applyOverrides(tree, opts.overrides ?? []);
  const checked = checkTree(tree);
  const issues = [...overrideIssues, ...checked.issues];
  if (issues.length > 0 || !checked.scenario) throw new ScenarioError(issues, file);
  await prepareFeeExpressions(checked.scenario, file);
  return { scenario: checked.scenario, files, raw: toPlain(tree) };
}

/**
 * A scenario given as a plain object (as a YAML file would hold it, without
 * `extends`): overrides applied, defaults filled in and validated as a file is.
 * `source` names it in error messages.
 */
export async function scenarioFromObject(obj: unknown, opts: LoadOptions & { source?: string } = {}): Promise<Scenario> {
  const source = opts.source ?? 'the scenario object';
  const tree = fromPlain(obj ?? {}, { source });
  const overrideIssues = applyOverrides(tree, opts.overrides ?? []);
  const checked = checkTree(tree);
  const issues = [...overrideIssues, ...checked.issues];
  if (issues.length > 0 || !checked.scenario) throw new ScenarioError(issues, source);
  await prepareFeeExpressions(checked.scenario, source);
  return checked.scenario;
}

/**
 * Loads the expression engine when the scenario needs it, and checks every
 * fee expression it holds: allowed names only, no property access, and a
 * finite real value over its variables' ranges (the base commission takes
 * the scenario's value and any an event sets; the year runs over the run).
 */
export async function prepareFeeExpressions(s: Scenario, source: string): Promise<void> {
  if (!usesFeeExpressions(s)) return;
  await loadFeeExpressions();
  const exprs = [s.platform.feePolicy, ...s.events.map((e) => e.set['platform.feePolicy'])]
    .filter((p): p is { kind: 'expression'; expr: string } => typeof p === 'object' && p !== null && (p as { kind?: string }).kind === 'expression')
    .map((p) => p.expr);
  const bases = [s.platform.commission, ...s.events.map((e) => e.set['platform.commission']).filter((v): v is number => typeof v === 'number')];
  const ranges = feeRanges(bases, s.ticks / s.ticksPerYear);
  for (const expr of exprs) {
    try {
      checkFeeExpression(expr, ranges);
    } catch (err) {
      throw new UserError(`${source}: platform.feePolicy.expr: ${(err as Error).message}`);
    }
  }
}
