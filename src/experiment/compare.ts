/**
 * `gvc-sim compare`: two scenarios on the same seeds (common random numbers),
 * and the final-year difference B − A of every model metric with a paired,
 * t-based 95% confidence interval over the per-seed differences. Each side's
 * CSVs go to its own subfolder, so it reads like any `run` folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../model/params.js';
import { MODEL_METRICS } from '../model/reporters.js';
import { writeFileAtomic } from '../output/atomic.js';
import { meanCi } from '../analysis/replications.js';
import { runScenario, type RunResult } from './run.js';
import { summarize } from './summary.js';

/** One side of a comparison: a resolved scenario and where it came from. */
export interface CompareSide {
  scenario: Scenario;
  files: string[];
  overrides: string[];
}

export interface CompareOptions {
  a: CompareSide;
  b: CompareSide;
  seeds: number[];
  outDir: string;
  command?: string;
  /** Called after every tick with (ticks done, ticks in all), over both scenarios. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between ticks: true stops the comparison (nothing is compared). */
  shouldStop?: () => boolean;
}

/** The final-year difference B − A of one metric. */
export interface MetricDifference {
  metric: string;
  /** Final-year means across seeds. */
  a: number;
  b: number;
  /** Mean of the per-seed differences B − A (equal to b − a). */
  diff: number;
  /** Paired 95% CI of the difference; absent with one seed. */
  lo?: number;
  hi?: number;
  /** True when the CI excludes zero. */
  significant: boolean;
}

/** What compare.json holds: enough to rebuild the report and to trace both sides. */
export interface Comparison {
  a: { name: string; label: string; dir: string };
  b: { name: string; label: string; dir: string };
  seeds: number[];
  metrics: MetricDifference[];
  wallSeconds: number;
  status: 'complete' | 'interrupted';
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Paired differences per metric from per-seed final-year rows (same seeds, same order, `metrics` order). */
export function pairedDifferences(a: Float64Array[], b: Float64Array[], metrics: readonly string[]): MetricDifference[] {
  return metrics.map((metric, j) => {
    const av = a.map((row) => row[j]!);
    const bv = b.map((row) => row[j]!);
    const ci = meanCi(bv.map((x, s) => x - av[s]!));
    const significant = ci.lo !== undefined && ci.hi !== undefined && (ci.lo > 0 || ci.hi < 0);
    return { metric, a: mean(av), b: mean(bv), diff: ci.mean, lo: ci.lo, hi: ci.hi, significant };
  });
}

/** Subfolder names for the two sides: `a-<name>` and `b-<name>`. */
function sideFolders(a: string, b: string): [string, string] {
  return [`a-${a}`, `b-${b}`];
}

/** `name`, or `name (k=v, …)` when the side has its own overrides. */
export function sideLabel(side: CompareSide, own: string[]): string {
  return own.length ? `${side.scenario.name} (${own.join(', ')})` : side.scenario.name;
}

async function runSide(o: CompareOptions, side: CompareSide, dir: string, offset: number, total: number): Promise<RunResult> {
  mkdirSync(dir, { recursive: true });
  const result = await runScenario({
    scenario: side.scenario,
    seeds: o.seeds,
    outDir: dir,
    scenarioFiles: side.files,
    overrides: side.overrides,
    command: o.command,
    onProgress: (done) => o.onProgress?.(offset + done, total),
    shouldStop: o.shouldStop,
  });
  if (!result.interrupted) writeFileAtomic(join(dir, 'summary.json'), JSON.stringify(summarize(result.finalYear), null, 2));
  return result;
}

/**
 * Runs A then B on the same seeds into `<outDir>/a-<name>` and `<outDir>/b-<name>`,
 * writes compare.json and differences.csv, and returns the comparison.
 * `labels` name the sides in tables and charts.
 */
export async function compareScenarios(o: CompareOptions, labels: [string, string]): Promise<Comparison> {
  const started = performance.now();
  const [dirA, dirB] = sideFolders(o.a.scenario.name, o.b.scenario.name);
  const ticksA = o.a.scenario.ticks * o.seeds.length;
  const total = ticksA + o.b.scenario.ticks * o.seeds.length;
  const ra = await runSide(o, o.a, join(o.outDir, dirA), 0, total);
  const rb = ra.interrupted ? ra : await runSide(o, o.b, join(o.outDir, dirB), ticksA, total);
  const interrupted = ra.interrupted || rb.interrupted;
  const comparison: Comparison = {
    a: { name: o.a.scenario.name, label: labels[0], dir: dirA },
    b: { name: o.b.scenario.name, label: labels[1], dir: dirB },
    seeds: o.seeds,
    metrics: interrupted ? [] : pairedDifferences(ra.finalYear, rb.finalYear, MODEL_METRICS),
    wallSeconds: (performance.now() - started) / 1000,
    status: interrupted ? 'interrupted' : 'complete',
  };
  writeFileAtomic(join(o.outDir, 'compare.json'), JSON.stringify(comparison, null, 2));
  if (!interrupted) writeFileAtomic(join(o.outDir, 'differences.csv'), differencesCsv(comparison.metrics));
  return comparison;
}

function differencesCsv(rows: MetricDifference[]): string {
  const cell = (x: number | undefined) => (x === undefined ? '' : String(x));
  const lines = rows.map((r) => [r.metric, r.a, r.b, r.diff, cell(r.lo), cell(r.hi), r.significant ? 1 : 0].join(','));
  return ['metric,a,b,diff,lo,hi,significant', ...lines].join('\n') + '\n';
}
