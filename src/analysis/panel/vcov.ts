/**
 * Coefficient covariance matrices for (within-transformed) least squares:
 * classical, and cluster-robust with Stata's small-sample correction.
 */
import { sandwich, type Columns } from './linalg.js';
import type { Effects } from './types.js';
import type { Factor } from './within.js';

/** Classical covariance s²·(X'X)⁻¹ with s² = SSR / dfResid. */
export function classicalVcov(xtxInverse: readonly (readonly number[])[], ssr: number, dfResid: number): number[][] {
  const s2 = ssr / dfResid;
  return xtxInverse.map((row) => row.map((v) => v * s2));
}

/**
 * Cluster-robust covariance (Liang–Zeger / Arellano):
 *   V = c · (X'X)⁻¹ [Σ_g (X_g'e_g)(X_g'e_g)'] (X'X)⁻¹,  c = G/(G−1) · (N−1)/(N−K_c),
 * the factor Stata applies for `regress`, `areg` and `xtreg, fe` with
 * vce(cluster). X are the within-transformed regressors; their products with
 * the within residuals equal those of the dummy-variable regression, so the
 * meat is the same as for LSDV. t tests then use G − 1 degrees of freedom.
 * `clusterParameterCount` gives K_c.
 */
export function clusterVcov(x: Columns, residuals: ArrayLike<number>, xtxInverse: readonly (readonly number[])[], clusters: Factor, kc: number): number[][] {
  const k = x.length;
  const g = clusters.levels.length;
  const n = residuals.length;
  const scores = Array.from({ length: g }, () => new Float64Array(k));
  for (let i = 0; i < n; i++) {
    const s = scores[clusters.index[i]!]!;
    for (let j = 0; j < k; j++) s[j]! += x[j]![i]! * residuals[i]!;
  }
  const meat = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => scores.reduce((acc, s) => acc + s[a]! * s[b]!, 0)));
  const c = (g / (g - 1)) * ((n - 1) / (n - kc));
  return sandwich(xtxInverse, meat).map((row) => row.map((v) => v * c));
}

/** True when every level of `f` lies inside a single cluster (e.g. firms within firm clusters). */
function nestedIn(f: Factor, clusters: Factor): boolean {
  const owner = new Int32Array(f.levels.length).fill(-1);
  for (let i = 0; i < f.index.length; i++) {
    const level = f.index[i]!;
    if (owner[level] === -1) owner[level] = clusters.index[i]!;
    else if (owner[level] !== clusters.index[i]) return false;
  }
  return true;
}

/**
 * K_c, the parameter count in Stata's cluster correction (N−1)/(N−K_c).
 *
 * - Pooled OLS (`regress`): all coefficients, intercept included.
 * - Fixed effects: slopes + 1 (Stata keeps a constant) + (levels − 1) for each
 *   absorbed effect NOT nested within the clusters. This is `xtreg, fe
 *   vce(cluster id)`: effects nested in the clusters need no degrees-of-freedom
 *   charge (Wooldridge 2002 eq. 10.59; M. Schaffer on Statalist 2006-12, which
 *   is why xtreg has the `nonest`/`dfadj` options), whereas `regress … i.id,
 *   vce(cluster id)` counts every dummy and so reports larger standard errors
 *   (areg's count has differed across Stata versions). Two-way effects with entity clusters therefore
 *   count the T − 1 period dummies, as `xtreg y x i.year, fe vce(cluster id)`
 *   and Gretl do (Grunfeld: K_c = 2 + 1 + 19 = 22).
 *
 * For comparison, R plm's vcovHC(type = "sss", cluster = "group") uses the
 * same G/(G−1)·(N−1)/(N−K) with K = slopes only (no constant), and
 * type = "HC1" uses N/(N−K) without the G/(G−1) factor; both differ slightly.
 */
export function clusterParameterCount(coefficients: number, effects: Effects, entity: Factor, time: Factor, clusters: Factor): number {
  if (effects === 'none') return coefficients;
  const absorbed = effects === 'entity' ? [entity] : effects === 'time' ? [time] : [entity, time];
  return coefficients + 1 + absorbed.filter((f) => !nestedIn(f, clusters)).reduce((s, f) => s + f.levels.length - 1, 0);
}
