/**
 * `gvc-sim compare`: two scenarios on the same seeds (common random numbers),
 * and the final-year difference B − A of every model metric, every region
 * metric in every region and every market metric in every market, with a
 * paired 95% confidence interval over the per-seed differences (t-based; for
 * shares of a whole on a logit scale that keeps it inside the possible range). Each
 * side's CSVs go to its own subfolder, so it reads like any `run` folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../model/params.js';
import { buildMarkets } from '../model/markets.js';
import { resolveRegions } from '../model/regions.js';
import { MARKET_METRICS, MODEL_METRICS, REGION_METRICS } from '../model/reporters.js';
import { writeFileAtomic } from '../output/atomic.js';
import { isShareMetric, shareAwareCi } from '../report/metric-labels.js';
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

/** Where a metric is measured: the whole economy, one region or one export market. */
export type MetricLevel = 'model' | 'region' | 'market';

/** The final-year difference B − A of one metric (in one region or market, for those levels). */
export interface MetricDifference {
  metric: string;
  /** `model` (national) when absent, as in comparisons written before regions were compared. */
  level?: MetricLevel;
  /** The region or market, for those levels. */
  unit?: string;
  /** True for shares and rates: printed in percent (differences in percentage points); CIs of shares of a whole on a bounded scale (shareAwareCi). */
  share?: boolean;
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

/** What a side actually ran with, beyond its parameters: the realised platform fees (final-year means). */
export interface EffectiveParameters {
  /** How the commission is set: fixed, market-power or expression. */
  feePolicy: string;
  /** The scenario's platform.commission (the base of a fee policy). */
  commission: number;
  /** The commission the platform charged, final-year mean across seeds. */
  realisedCommission: number;
  /** Fees (commission, ads, subscriptions) over GMV, final-year mean. */
  takeRate: number;
  platform: boolean;
}

/** What compare.json holds: enough to rebuild the report and to trace both sides. */
export interface Comparison {
  a: { name: string; label: string; dir: string; effective?: EffectiveParameters };
  b: { name: string; label: string; dir: string; effective?: EffectiveParameters };
  /** `--set` overrides (and --ticks, --firms) both sides ran with. */
  shared?: string[];
  seeds: number[];
  metrics: MetricDifference[];
  wallSeconds: number;
  status: 'complete' | 'interrupted';
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Paired differences per metric from per-seed final-year rows (same seeds,
 * same order, `metrics` order); `where` tags the rows with a level and unit.
 */
export function pairedDifferences(
  a: ArrayLike<number>[],
  b: ArrayLike<number>[],
  metrics: readonly string[],
  where: { level: MetricLevel; unit?: string } = { level: 'model' },
): MetricDifference[] {
  return metrics.map((metric, j) => {
    const av = a.map((row) => row[j]!);
    const bv = b.map((row) => row[j]!);
    const share = isShareMetric(metric);
    // A difference of two shares lies in [−1, 1].
    const ci = shareAwareCi(metric, bv.map((x, s) => x - av[s]!), [-1, 1]);
    const significant = ci.lo !== undefined && ci.hi !== undefined && (ci.lo > 0 || ci.hi < 0);
    const tag = where.level === 'model' ? { level: where.level } : { level: where.level, unit: where.unit };
    return { metric, ...tag, share, a: mean(av), b: mean(bv), diff: ci.mean, lo: ci.lo, hi: ci.hi, significant };
  });
}

/** Regional and market differences: every REGION_METRICS column in every region, every MARKET_METRICS column in every market. */
function unitDifferences(ra: RunResult, rb: RunResult, scenario: Scenario): MetricDifference[] {
  const regions = resolveRegions(scenario).map((r) => r.name);
  const markets = buildMarkets(scenario.markets).map((m) => m.name);
  return [
    ...regions.flatMap((unit, r) =>
      pairedDifferences(ra.finalYearRegions.map((s) => s[r]!), rb.finalYearRegions.map((s) => s[r]!), REGION_METRICS, { level: 'region', unit }),
    ),
    ...markets.flatMap((unit, m) =>
      pairedDifferences(ra.finalYearMarkets.map((s) => s[m]!), rb.finalYearMarkets.map((s) => s[m]!), MARKET_METRICS, { level: 'market', unit }),
    ),
  ];
}

/** The fee a side's platform actually charged, from its final-year rows. */
function effectiveParameters(s: Scenario, r: RunResult): EffectiveParameters {
  const at = (metric: string) => mean(r.finalYear.map((row) => row[MODEL_METRICS.indexOf(metric as (typeof MODEL_METRICS)[number])]!));
  return {
    feePolicy: s.platform.feePolicy.kind,
    commission: s.platform.commission,
    realisedCommission: at('commission'),
    takeRate: at('takeRate'),
    platform: s.platform.enabled,
  };
}

/** Whether two sides have the same regions and markets, so region and market rows pair up. */
function sameUnits(a: Scenario, b: Scenario): boolean {
  const names = (s: Scenario) => JSON.stringify([resolveRegions(s).map((r) => r.name), buildMarkets(s.markets).map((m) => m.name)]);
  return names(a) === names(b);
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
export async function compareScenarios(o: CompareOptions, labels: [string, string], shared: string[] = []): Promise<Comparison> {
  const started = performance.now();
  const [dirA, dirB] = sideFolders(o.a.scenario.name, o.b.scenario.name);
  const ticksA = o.a.scenario.ticks * o.seeds.length;
  const total = ticksA + o.b.scenario.ticks * o.seeds.length;
  const ra = await runSide(o, o.a, join(o.outDir, dirA), 0, total);
  const rb = ra.interrupted ? ra : await runSide(o, o.b, join(o.outDir, dirB), ticksA, total);
  const interrupted = ra.interrupted || rb.interrupted;
  const units = sameUnits(o.a.scenario, o.b.scenario) ? unitDifferences : () => [];
  const comparison: Comparison = {
    a: { name: o.a.scenario.name, label: labels[0], dir: dirA, ...(interrupted ? {} : { effective: effectiveParameters(o.a.scenario, ra) }) },
    b: { name: o.b.scenario.name, label: labels[1], dir: dirB, ...(interrupted ? {} : { effective: effectiveParameters(o.b.scenario, rb) }) },
    shared,
    seeds: o.seeds,
    metrics: interrupted ? [] : [...pairedDifferences(ra.finalYear, rb.finalYear, MODEL_METRICS), ...units(ra, rb, o.a.scenario)],
    wallSeconds: (performance.now() - started) / 1000,
    status: interrupted ? 'interrupted' : 'complete',
  };
  writeFileAtomic(join(o.outDir, 'compare.json'), JSON.stringify(comparison, null, 2));
  if (!interrupted) writeFileAtomic(join(o.outDir, 'differences.csv'), differencesCsv(comparison.metrics));
  return comparison;
}

/**
 * differences.csv: one row per metric and level (model, each region, each
 * market); values as fractions for shares (`share` = 1), CIs paired.
 */
export function differencesCsv(rows: MetricDifference[]): string {
  const cell = (x: number | undefined) => (x === undefined ? '' : String(x));
  const text = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) =>
    [r.level ?? 'model', text(r.unit ?? ''), r.metric, r.a, r.b, r.diff, cell(r.lo), cell(r.hi), r.significant ? 1 : 0, r.share ? 1 : 0].join(','),
  );
  return ['level,unit,metric,a,b,diff,lo,hi,significant,share', ...lines].join('\n') + '\n';
}
