/**
 * Final-year results from a per-tick table: each seed's mean over the last
 * year of the run, and their mean and CI across seeds (t-based; for shares of
 * a whole on a logit scale) — the same
 * definition `gvc-sim run` prints and writes to summary.json.
 */
import type { MeanCi } from '../analysis/replications.js';
import { shareAwareCi } from './metric-labels.js';
import type { MetricColumns } from './series.js';

/** The first tick of the final year of a run of `ticks` ticks. */
export function finalYearStart(ticks: number, ticksPerYear: number): number {
  return ticks - Math.min(ticks, ticksPerYear);
}

/** Each seed's mean of `metric` over ticks ≥ `fromTick` (non-finite values skipped), keyed by seed. */
export function finalYearBySeed(model: MetricColumns, metric: string, fromTick: number): Map<number, number> {
  const sums = new Map<number, { sum: number; n: number }>();
  const { tick, seed } = model;
  const value = model[metric]!;
  for (let k = 0; k < tick.length; k++) {
    if (tick[k]! < fromTick || !Number.isFinite(value[k])) continue;
    const acc = sums.get(seed[k]!) ?? { sum: 0, n: 0 };
    acc.sum += value[k]!;
    acc.n++;
    sums.set(seed[k]!, acc);
  }
  return new Map([...sums].map(([s, { sum, n }]) => [s, sum / n]));
}

/** Final-year mean and 95% CI across seeds of each metric (shares of a whole within [0, 1]). */
export function finalYearSummary(model: MetricColumns, metrics: string[], fromTick: number): (MeanCi & { metric: string })[] {
  return metrics.map((metric) => ({ metric, ...shareAwareCi(metric, [...finalYearBySeed(model, metric, fromTick).values()]) }));
}
