/** Summaries of one estimate across seeds: mean, spread and how many seeds find it significant. */

/** Significance level used for the "significant in k of K seeds" counts. */
export const ALPHA = 0.05;

export interface Pooled {
  /** One value per seed, in seed order. */
  readonly perSeed: readonly number[];
  readonly mean: number;
  /** Sample standard deviation across seeds (null for one seed). */
  readonly sd: number | null;
  readonly min: number;
  readonly max: number;
  /** Seeds whose p-value is below ALPHA (null when the value has no test, e.g. R²). */
  readonly significant: number | null;
}

/** Pools per-seed values; `p` (same length) gives the per-seed p-values for the significance count. */
export function pool(values: readonly number[], p?: readonly number[]): Pooled {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  return {
    perSeed: values,
    mean,
    sd,
    min: Math.min(...values),
    max: Math.max(...values),
    significant: p ? p.filter((pi) => pi < ALPHA).length : null,
  };
}
