/**
 * The checks a sweep spec needs beyond its shape: parameter paths exist,
 * factor values are valid for the parameter they set, metrics exist. Every
 * problem is located in the spec file.
 */
import { MODEL_METRICS } from '../../model/reporters.js';
import { presetRegionNames } from '../../model/regions.js';
import { didYouMean, resolveParamPath, ScenarioError, validateScenarioObject, type ScenarioIssue } from '../../scenario/index.js';
import { schemaAt } from '../../scenario/schema.js';
import { formatPath, type LocNode, type PathSeg } from '../../scenario/tree.js';
import type { ParamSpec } from '../designs/index.js';
import { paramProblems } from '../designs/scale.js';
import { assign, type Assignment, type BaseScenario, type Factor } from './factors.js';
import type { OutputSpec } from './plan.js';
import { specIssue } from './spec-issues.js';
import type { FactorSpec, SweepSpec } from './spec-schema.js';

/** Problems from validating the base with `assignments` applied (empty when valid). */
function validationIssues(base: BaseScenario, assignments: Assignment[]): ScenarioIssue[] {
  try {
    assignAndValidate(base, assignments);
    return [];
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
}

function assignAndValidate(base: BaseScenario, assignments: Assignment[]): BaseScenario {
  const raw = assign(base.raw, base.scenario, assignments);
  return { raw, scenario: validateScenarioObject(raw, 'sweep spec') };
}

type Resolved = { paths: PathSeg[][] } | { issue: ScenarioIssue };

/** A parameter path of the spec (a factor, `scale` or `set` key) checked against the schema. */
function resolveKey(tree: LocNode, section: string, key: string, base: BaseScenario): Resolved {
  const at = [section, key];
  if (key === 'seed') return { issue: specIssue(tree, at, 'run seeds come from the sweep’s `seed`; a scenario seed cannot be set here', true) };
  const r = resolveParamPath(key, presetRegionNames(base.scenario.regionPreset));
  return 'error' in r ? { issue: specIssue(tree, at, r.error, true) } : { paths: r.paths };
}

/**
 * Applies the fixed overrides, `scale` then `set` (parameter path → value),
 * to the base. Problems point at the entry whose path the validator complained about.
 */
export function applyFixed(tree: LocNode, spec: SweepSpec, base: BaseScenario): { base: BaseScenario; issues: ScenarioIssue[] } {
  const entries = (['scale', 'set'] as const).flatMap((section) => Object.entries(spec[section] ?? {}).map(([key, value]) => ({ section, key, value })));
  const resolved = entries.map((e) => resolveKey(tree, e.section, e.key, base));
  const issues = resolved.flatMap((r) => ('issue' in r ? [r.issue] : []));
  if (issues.length > 0) return { base, issues };
  const assignments = entries.map((e, i) => ({ paths: (resolved[i] as { paths: PathSeg[][] }).paths, value: e.value }));
  const problems = validationIssues(base, assignments);
  if (problems.length === 0) return { base: assignAndValidate(base, assignments), issues: [] };
  const owner = (p: string) => entries.findLast((_, i) => assignments[i]!.paths.some((q) => formatPath(q) === p));
  return {
    base,
    issues: problems.map((p) => {
      const e = owner(p.path);
      return e ? specIssue(tree, [e.section, e.key], p.message) : specIssue(tree, [], `${p.path}: ${p.message}`);
    }),
  };
}

/** The design's view of a factor: its levels, or its range. */
function paramOf(name: string, f: FactorSpec): ParamSpec {
  if (Array.isArray(f)) return { name, min: Math.min(...f), max: Math.max(...f), levels: f };
  return { name, ...f };
}

/** Values to try against the schema, each with the spec path it was written at. */
function probes(name: string, f: FactorSpec): { at: PathSeg[]; value: number }[] {
  if (Array.isArray(f)) return f.map((value, i) => ({ at: ['factors', name, i], value }));
  return [{ at: ['factors', name, 'min'], value: f.min }, { at: ['factors', name, 'max'], value: f.max }];
}

/** Problems with one factor's values: design rules (ranges, levels) and the parameter's own range and type. */
function factorValueIssues(tree: LocNode, base: BaseScenario, name: string, f: FactorSpec, paths: PathSeg[][]): ScenarioIssue[] {
  const param = paramOf(name, f);
  const design = paramProblems(param).filter((p) => p.key !== 'name');
  if (Array.isArray(f) && new Set(f).size < f.length) return [specIssue(tree, ['factors', name], 'a level is repeated')];
  if (design.length > 0) return design.map((p) => specIssue(tree, Array.isArray(f) ? ['factors', name] : ['factors', name, p.key], p.message));
  if (!Array.isArray(f) && !f.integer && schemaAt(paths[0]!)?.type === 'integer')
    return [specIssue(tree, ['factors', name], 'this parameter takes whole numbers: add `integer: true` to the range')];
  return probes(name, f).flatMap(({ at, value }) => validationIssues(base, [{ paths, value }]).map((p) => specIssue(tree, at, p.message)));
}

/** The spec's factors, checked; a concrete path may be set by one factor only. */
export function checkFactors(tree: LocNode, spec: SweepSpec, base: BaseScenario): { factors: Factor[]; issues: ScenarioIssue[] } {
  const factors: Factor[] = [];
  const issues: ScenarioIssue[] = [];
  const owners = new Map<string, string>();
  for (const [name, f] of Object.entries(spec.factors)) {
    const r = resolveKey(tree, 'factors', name, base);
    if ('issue' in r) {
      issues.push(r.issue);
      continue;
    }
    const clash = r.paths.map((p) => owners.get(formatPath(p))).find((o) => o !== undefined);
    if (clash !== undefined) {
      issues.push(specIssue(tree, ['factors', name], `sets a parameter that factor '${clash}' already sets`, true));
      continue;
    }
    r.paths.forEach((p) => owners.set(formatPath(p), name));
    const problems = factorValueIssues(tree, base, name, f, r.paths);
    issues.push(...problems);
    if (problems.length === 0) factors.push({ name, paths: r.paths, param: paramOf(name, f) });
  }
  if (Object.keys(spec.factors).length === 0) issues.push(specIssue(tree, ['factors'], 'name at least one factor to vary', true));
  return { factors, issues };
}

/** The spec's outputs, checked against MODEL_METRICS. */
export function checkOutputs(tree: LocNode, spec: SweepSpec): { outputs: OutputSpec[]; issues: ScenarioIssue[] } {
  const metrics = MODEL_METRICS as readonly string[];
  const outputs: OutputSpec[] = [];
  const issues: ScenarioIssue[] = [];
  for (const [metric, reduction] of Object.entries(spec.outputs)) {
    const index = metrics.indexOf(metric);
    if (index >= 0) outputs.push({ metric, index, reduction });
    else {
      const hint = didYouMean(metric, metrics) || `; the model metrics are ${metrics.join(', ')}`;
      issues.push(specIssue(tree, ['outputs', metric], `unknown metric '${metric}'${hint}`, true));
    }
  }
  if (Object.keys(spec.outputs).length === 0) issues.push(specIssue(tree, ['outputs'], 'name at least one output metric, e.g. lockInShare: final-year', true));
  return { outputs, issues };
}
