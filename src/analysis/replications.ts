/**
 * Mean and t-based confidence interval across replications (seeds): the one
 * summary the run report, `compare`, the claims judge and the chart bands share.
 */
import { studentTQuantile } from './distributions.js';

/** Mean and CI of one sample; `lo`/`hi` are absent when n < 2 (no spread to estimate). */
export type MeanCi = { mean: number; lo?: number; hi?: number; n: number };

/** Sample mean with a two-sided t confidence interval at `level`. */
export function meanCi(values: ArrayLike<number>, level = 0.95): MeanCi {
  const n = values.length;
  if (n === 0) return { mean: NaN, n };
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k]!;
  const mean = sum / n;
  if (n < 2) return { mean, n };
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (values[k]! - mean) ** 2;
  const half = (studentTQuantile(0.5 + level / 2, n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, n };
}
