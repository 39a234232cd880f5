/**
 * Scenarios, replications and sweeps for a script, in this process (so custom
 * phases and reporters, which are functions, take part). For large sweeps on
 * every core or a cluster, run a sweep spec (`runSweepSpec`).
 */
import { shareAwareCi } from '../report/metric-labels.js';
import { UserError } from '../errors.js';
import { presetRegionNames } from '../model/regions.js';
import type { Scenario } from '../model/params.js';
import { MODEL_METRICS } from '../model/reporters.js';
import { runSeed } from '../experiment/sweep/seeds.js';
import { loadScenario, resolveParamPath, scenarioFromObject, setPath, validateScenarioObject } from '../scenario/index.js';
import { Model, type ModelOptions, type ModelRow } from './model.js';

/** Parameter values by path, as `--set` takes them: `{ 'platform.commission': 0.1, 'regions.*.financeDepth': 0.8 }`. */
export type Settings = Readonly<Record<string, unknown>>;

/**
 * A scenario from a YAML file (its `extends` chain followed) or from a plain
 * object (as such a file would hold it), with `set` applied as `--set` would,
 * defaults filled in and validated. Errors name the file, line and key.
 */
export async function scenario(source: string | object = {}, options: { set?: Settings } = {}): Promise<Scenario> {
  const overrides = Object.entries(options.set ?? {}).map(([path, value]) => `${path}=${JSON.stringify(value)}`);
  if (typeof source === 'string') return (await loadScenario(source, { overrides })).scenario;
  return scenarioFromObject(source, { overrides });
}

/** A copy of a scenario with parameters set (wildcards `regions.*.x` allowed), validated again. */
export function withParameters(s: Scenario, set: Settings): Scenario {
  const obj = structuredClone(s) as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const resolved = resolveParamPath(path, presetRegionNames(s.regionPreset));
    if ('error' in resolved) throw new UserError(`${path}: ${resolved.error}`);
    for (const p of resolved.paths) setPath(obj, p, structuredClone(value));
  }
  return validateScenarioObject(obj, 'the parameters set');
}

/** The first tick of the final year: the window summaries average over (as `gvc-sim run` does). */
export function finalYearStart(s: Pick<Scenario, 'ticks' | 'ticksPerYear'>): number {
  return s.ticks - Math.min(s.ticks, s.ticksPerYear);
}

export interface RunSummary {
  seed: number;
  /** Every model reporter and custom reporter after every tick. */
  rows: ModelRow[];
  /** Final-year mean of each model and custom reporter. */
  finalYear: Record<string, number>;
}

/** Runs `s` once with the options' seed, phases and reporters. */
export function runOnce(s: Scenario, options: ModelOptions = {}): RunSummary {
  const model = new Model(s, options);
  const rows = model.run();
  const from = finalYearStart(s);
  const names = [...MODEL_METRICS, ...model.customNames];
  const sums = new Float64Array(names.length);
  for (const row of rows) if (row.tick >= from) names.forEach((n, j) => (sums[j]! += row[n]!));
  const finalYear = Object.fromEntries(names.map((n, j) => [n, sums[j]! / (s.ticks - from)]));
  return { seed: model.seed, rows, finalYear };
}

export interface ReplicateOptions extends Omit<ModelOptions, 'seed'> {
  /** How many seeds, counted up from the scenario's seed (default 1), or the seeds themselves. */
  seeds?: number | readonly number[];
}

export interface MetricSummary {
  metric: string;
  mean: number;
  /** Two-sided 95% t interval across seeds (two seeds or more). */
  lo?: number;
  hi?: number;
  seeds: number;
}

export interface Replications {
  runs: RunSummary[];
  /** Final-year mean of each reporter across seeds, with its 95% interval. */
  summary: MetricSummary[];
}

function seedList(s: Scenario, seeds: number | readonly number[] | undefined): number[] {
  if (Array.isArray(seeds)) return [...(seeds as readonly number[])];
  const n = (seeds as number | undefined) ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new UserError(`seeds must be a whole number ≥ 1 or a list of seeds, got ${n}`);
  return Array.from({ length: n }, (_, k) => s.seed + k);
}

/** Runs `s` once per seed: what `gvc-sim run --seeds N` computes, without files. */
export function replicate(s: Scenario, options: ReplicateOptions = {}): Replications {
  const runs = seedList(s, options.seeds).map((seed) => runOnce(s, { ...options, seed }));
  const metrics = Object.keys(runs[0]!.finalYear);
  const summary = metrics.map((metric) => {
    const ci = shareAwareCi(metric, runs.map((r) => r.finalYear[metric]!));
    return { metric, mean: ci.mean, lo: ci.lo, hi: ci.hi, seeds: runs.length };
  });
  return { runs, summary };
}

export interface SweepOptions extends Omit<ModelOptions, 'seed'> {
  /** Parameter path → the values it takes; every combination is a design point (a full grid). */
  factors: Readonly<Record<string, readonly unknown[]>>;
  /** Runs per design point (default 1). */
  replications?: number;
  /** Seed the run seeds derive from (default: the scenario's), as in a sweep spec. */
  seed?: number;
  /** Called after each run, e.g. to show progress. */
  onRun?: (row: SweepRow, done: number, total: number) => void;
}

/** One run of a sweep: its design point, replication and seed, the factors' values by path and the final-year mean of every reporter. */
export type SweepRow = { point: number; replication: number; seed: number } & Record<string, unknown>;

/** Every combination of the factors' values, the last factor varying fastest. */
export function grid(factors: Readonly<Record<string, readonly unknown[]>>): Array<Record<string, unknown>> {
  return Object.entries(factors).reduce<Array<Record<string, unknown>>>(
    (points, [path, values]) => {
      if (values.length === 0) throw new UserError(`factor ${path} has no values`);
      return points.flatMap((p) => values.map((v) => ({ ...p, [path]: v })));
    },
    [{}],
  );
}

/**
 * A full-grid sweep in this process: each design point × replication is run
 * with the seed a sweep spec would give it (seed, point, replication), so
 * results do not depend on run order. Returns one row per run.
 */
export function sweep(s: Scenario, options: SweepOptions): SweepRow[] {
  const points = grid(options.factors);
  const replications = options.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1) throw new UserError(`replications must be a whole number ≥ 1, got ${replications}`);
  const base = options.seed ?? s.seed;
  const total = points.length * replications;
  const rows: SweepRow[] = [];
  points.forEach((values, point) => {
    const at = withParameters(s, values);
    for (let replication = 0; replication < replications; replication++) {
      const seed = runSeed(base, point, replication);
      const { finalYear } = runOnce(at, { ...options, seed });
      const row: SweepRow = { point, replication, seed, ...values, ...finalYear };
      rows.push(row);
      options.onRun?.(row, rows.length, total);
    }
  });
  return rows;
}
