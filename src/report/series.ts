/**
 * Per-tick summaries across seeds: the mean of each metric and its confidence
 * interval, ready for the chart builders. The interval is the one the tables
 * give (`shareAwareCi`): on the logit scale for a share of a whole, a t
 * interval for anything else, so a band and its final-year row agree.
 */
import { UserError } from '../errors.js';
import { shareAwareCi } from './metric-labels.js';

/** One point of a plotted line; `lo`/`hi` bound the CI band (absent with one seed). */
export type SeriesPoint = { tick: number; mean: number; lo?: number; hi?: number; label: string };

/** Rows as parsed from a per-tick CSV: one per tick × seed, one numeric column per metric. */
export type MetricRow = { tick: number; seed: number; [metric: string]: number };

/** The same table stored by column (e.g. typed arrays); all columns have equal length. */
export type MetricColumns = { tick: ArrayLike<number>; seed: ArrayLike<number>; [metric: string]: ArrayLike<number> };

export type MetricTable = MetricRow[] | MetricColumns;

/** Reads the tick, seed and metric columns of either table shape. */
function columnsOf(data: MetricTable, metric: string): { tick: ArrayLike<number>; seed: ArrayLike<number>; value: ArrayLike<number> } {
  if (Array.isArray(data)) {
    if (data.length > 0 && !(metric in data[0]!)) throw missingMetric(metric, Object.keys(data[0]!));
    return { tick: data.map((r) => r.tick), seed: data.map((r) => r.seed), value: data.map((r) => r[metric]!) };
  }
  const cols = data as MetricColumns;
  const value = cols[metric];
  if (!value) throw missingMetric(metric, Object.keys(cols));
  return { tick: cols.tick, seed: cols.seed, value };
}

function missingMetric(metric: string, available: string[]): UserError {
  return new UserError(`no metric column '${metric}'`, `available columns: ${available.join(', ')}`);
}

/** Groups finite metric values by tick, rejecting a repeated (tick, seed) pair. */
function valuesByTick(data: MetricTable, metric: string): Map<number, number[]> {
  const { tick, seed, value } = columnsOf(data, metric);
  const groups = new Map<number, number[]>();
  const seen = new Set<string>();
  for (let k = 0; k < tick.length; k++) {
    const key = `${tick[k]}|${seed[k]}`;
    // A duplicate would count one seed twice and silently narrow the band.
    if (seen.has(key)) throw new UserError(`duplicate row for tick ${tick[k]}, seed ${seed[k]}`);
    seen.add(key);
    // Undefined metrics (e.g. a mean over zero orders) are skipped, not averaged in.
    if (!Number.isFinite(value[k])) continue;
    let g = groups.get(tick[k]!);
    if (!g) groups.set(tick[k]!, (g = []));
    g.push(value[k]!);
  }
  return groups;
}

/**
 * Mean and `level` CI of `metric` across seeds at each tick, sorted by tick.
 * Non-finite values are dropped; a tick with none left is omitted. `bounds`
 * are those of a share of a whole's values: [0, 1] for levels, [−1, 1] for
 * differences (see shareAwareCi); other metrics ignore them.
 */
export function summarizeMetric(data: MetricTable, metric: string, label = metric, level = 0.95, bounds: [number, number] = [0, 1]): SeriesPoint[] {
  const groups = valuesByTick(data, metric);
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((tick) => {
      const { mean, lo, hi } = shareAwareCi(metric, groups.get(tick)!, bounds, level);
      return lo === undefined ? { tick, mean, label } : { tick, mean, lo, hi, label };
    });
}

/** Several metrics as one series list (one line each), labelled by `labels[metric]` or the column name. */
export function summarizeMetrics(
  data: MetricTable,
  metrics: string[],
  labels: Record<string, string> = {},
  level = 0.95,
): SeriesPoint[] {
  return metrics.flatMap((m) => summarizeMetric(data, m, labels[m] ?? m, level));
}

/**
 * The points with their CI bands clamped to `[min, max]`: the t interval of a
 * percentage that is not a share of a whole (a take rate, a value share that
 * can turn negative) can overshoot the 0–100% axis. Shares of a whole are
 * already inside it (summarizeMetric).
 */
export function clampBands(points: SeriesPoint[], [min, max]: [number, number]): SeriesPoint[] {
  const clamp = (x: number) => Math.min(max, Math.max(min, x));
  return points.map((p) => (p.lo === undefined || p.hi === undefined ? p : { ...p, lo: clamp(p.lo), hi: clamp(p.hi) }));
}

/**
 * B − A per tick from two tables run on the same seeds: each seed's
 * difference at each tick, then their mean and paired CI across seeds
 * (ticks or seeds present in only one table are skipped); for a share of a
 * whole the CI stays within [−1, 1], as compare's final-year differences do.
 */
export function pairedSeries(a: MetricColumns, b: MetricColumns, metric: string, label: string, level = 0.95): SeriesPoint[] {
  const key = (t: number, s: number) => `${t}|${s}`;
  const bv = columnsOf(b, metric);
  const byKey = new Map<string, number>();
  for (let k = 0; k < bv.tick.length; k++) byKey.set(key(bv.tick[k]!, bv.seed[k]!), bv.value[k]!);
  const av = columnsOf(a, metric);
  const diffs: number[] = [];
  const ticks: number[] = [];
  const seeds: number[] = [];
  for (let k = 0; k < av.tick.length; k++) {
    const other = byKey.get(key(av.tick[k]!, av.seed[k]!));
    if (other === undefined) continue;
    ticks.push(av.tick[k]!);
    seeds.push(av.seed[k]!);
    diffs.push(other - av.value[k]!);
  }
  return summarizeMetric({ tick: ticks, seed: seeds, [metric]: diffs }, metric, label, level, [-1, 1]);
}
