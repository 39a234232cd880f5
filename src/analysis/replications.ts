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

/**
 * Mean and CI of values bounded to `[min, max]` (shares in [0, 1], differences
 * of shares in [−1, 1]): the t interval is built on the logit scale of the
 * mean rescaled to [0, 1] (delta method) and mapped back, so it never leaves
 * the bounds and is asymmetric near them. Close to the middle it matches
 * `meanCi`. A mean on a bound (every value there) has a zero-width interval.
 */
export function boundedMeanCi(values: ArrayLike<number>, [min, max]: [number, number], level = 0.95): MeanCi {
  const t = meanCi(values, level);
  if (t.lo === undefined || t.hi === undefined) return t;
  const width = max - min;
  const u = (t.mean - min) / width;
  const half = (t.hi - t.mean) / width;
  if (u <= 0 || u >= 1 || half === 0) return { ...t, lo: Math.min(max, Math.max(min, t.mean)), hi: Math.min(max, Math.max(min, t.mean)) };
  const logit = Math.log(u / (1 - u));
  const halfLogit = half / (u * (1 - u));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { ...t, lo: min + width * expit(logit - halfLogit), hi: min + width * expit(logit + halfLogit) };
}
