import seedrandom from 'seedrandom';
import { UserError } from '../../errors.js';

/** A point estimate with a bootstrap confidence interval (NaN bounds when no resamples were drawn). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Resampling settings shared by the sensitivity analyses. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples (default 1000; 0 = no intervals). */
  bootstrap?: number;
  /** Seed of the resampling stream (default 1). */
  seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  confidence?: number;
}

/** Fills in defaults (1000 resamples, seed 1, 95%) and checks the values. */
export function resolveBootstrap(o: BootstrapOptions): Required<BootstrapOptions> {
  const r = { bootstrap: o.bootstrap ?? 1000, seed: o.seed ?? 1, confidence: o.confidence ?? 0.95 };
  if (!Number.isInteger(r.bootstrap) || r.bootstrap < 0) throw new UserError(`the number of bootstrap resamples must be a non-negative integer (got ${r.bootstrap})`);
  if (!(r.confidence > 0 && r.confidence < 1)) throw new UserError(`the confidence level must lie strictly between 0 and 1 (got ${r.confidence})`);
  if (!Number.isFinite(r.seed)) throw new UserError(`the seed must be a number (got ${r.seed})`);
  return r;
}

/** Quantile q of sorted values, linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993): draws B resamples of n units
 * with replacement, evaluates the vector `statistic` on each, and returns the
 * [(1−c)/2, (1+c)/2] quantiles of every component. All components share the
 * same resamples, so intervals of different parameters are comparable.
 */
export function bootstrapIntervals(
  n: number,
  statistic: (units: Uint32Array) => number[],
  opts: Required<BootstrapOptions>,
): [number, number][] {
  const rng = seedrandom.alea(String(opts.seed));
  const draws: number[][] = [];
  const units = new Uint32Array(n);
  for (let b = 0; b < opts.bootstrap; b++) {
    for (let k = 0; k < n; k++) units[k] = Math.floor(rng() * n);
    statistic(units).forEach((v, i) => (draws[i] ??= []).push(v));
  }
  const tail = (1 - opts.confidence) / 2;
  return draws.map((d) => {
    const sorted = Float64Array.from(d).sort();
    return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
  });
}

/** Attaches intervals to point estimates (NaN bounds when `intervals` is empty). */
export function withIntervals(values: number[], intervals: [number, number][]): Estimate[] {
  return values.map((value, i) => ({ value, low: intervals[i]?.[0] ?? NaN, high: intervals[i]?.[1] ?? NaN }));
}
