/**
 * Linear panel regressions: pooled OLS with an intercept, and one-way
 * (entity or time) or two-way fixed effects by the within transformation,
 * with classical or cluster-robust standard errors.
 *
 * Conventions follow Stata `regress` / `xtreg, fe` and R plm:
 * - FE slopes come from OLS on within-transformed data (Frisch–Waugh–Lovell:
 *   identical to the dummy-variable regression); no intercept is reported.
 * - dfResid = N − K − (absorbed effect parameters); classical t tests use it.
 * - Cluster-robust tests use G − 1 degrees of freedom (see vcov.ts).
 * - R² is ordinary for pooled OLS and the within R² (1 − SSR / Σ ỹ², ỹ the
 *   transformed y) for FE models, as plm's summary reports it.
 * - F is the Wald test that all slopes are zero with the reported covariance:
 *   it equals the usual (R²/q)/((1−R²)/dfResid) for classical errors and
 *   Stata's F(q, G−1) for clustered ones.
 */
import { UserError } from '../../errors.js';
import { fUpperTail, studentTTwoSided } from '../distributions.js';
import { assertFullRank } from './collinear.js';
import { crossProduct, crossVector, invertSymmetric, matVec } from './linalg.js';
import { INTERCEPT, type Coefficient, type FTest, type ModelSpec, type Panel, type PanelFit } from './types.js';
import { classicalVcov, clusterParameterCount, clusterVcov } from './vcov.js';
import { levelCounts, toFactor, withinTransform, type Factor } from './within.js';

function variable(panel: Panel, name: string): readonly number[] {
  const v = panel.vars[name];
  if (!v) throw new UserError(`variable '${name}' is not in the panel`, `available: ${Object.keys(panel.vars).join(', ')}`);
  if (v.length !== panel.entity.length) throw new UserError(`variable '${name}' has ${v.length} values but the panel has ${panel.entity.length} rows`);
  const bad = v.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new UserError(`variable '${name}' has a non-finite value (${v[bad]}) in observation ${bad + 1}`);
  return v;
}

/** With entity effects a one-observation entity is fit perfectly and only costs a degree of freedom. */
function assertNoSingletonEntities(entity: Factor): void {
  const counts = levelCounts(entity);
  const single = entity.levels.filter((_, i) => counts[i] === 1);
  if (single.length > 0) {
    const list = single.slice(0, 5).map((s) => `'${s}'`).join(', ') + (single.length > 5 ? `, … (${single.length} in all)` : '');
    throw new UserError(`entity ${list} has only one observation, which entity fixed effects cannot use`, 'drop such entities or use --effects none or time');
  }
}

/** Wald F = b'V⁻¹b / q over the slopes; undefined when a clustered V has rank below q (G − 1 < q). */
function waldF(beta: readonly number[], vcov: readonly (readonly number[])[], slopes: readonly number[], df2: number): FTest {
  const q = slopes.length;
  if (q > df2) return { value: NaN, df1: q, df2, p: NaN };
  const b = slopes.map((i) => beta[i]!);
  const vInverse = invertSymmetric(slopes.map((i) => slopes.map((j) => vcov[i]![j]!)));
  const vInverseB = matVec(vInverse, b);
  const value = b.reduce((s, bi, i) => s + bi * vInverseB[i]!, 0) / q;
  return { value, df1: q, df2, p: fUpperTail(value, q, df2) };
}

function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return s;
}

function centredSumSquares(v: readonly number[]): number {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((s, x) => s + (x - mean) ** 2, 0);
}

/** Estimates `spec` on `panel`; throws UserError for unusable data (singular design, too few rows, …). */
export function fitPanel(panel: Panel, spec: ModelSpec): PanelFit {
  if (spec.x.length === 0) throw new UserError('the model needs at least one regressor');
  const n = panel.entity.length;
  if (panel.time.length !== n) throw new UserError(`the panel has ${n} entity labels but ${panel.time.length} time labels`);
  const pooled = spec.effects === 'none';
  const entity = toFactor(panel.entity);
  const time = toFactor(panel.time);
  if (spec.effects === 'entity' || spec.effects === 'twoways') assertNoSingletonEntities(entity);

  const yRaw = variable(panel, spec.y);
  const names = pooled ? [INTERCEPT, ...spec.x] : [...spec.x];
  const raw = [...(pooled ? [new Array<number>(n).fill(1)] : []), ...spec.x.map((name) => variable(panel, name))];
  const within = withinTransform(spec.effects, entity, time);
  const x = raw.map(within.apply);
  const y = within.apply(yRaw);
  assertFullRank(names, raw, x, spec.effects);

  const k = names.length;
  const dfResid = n - k - within.absorbed;
  if (dfResid <= 0) {
    throw new UserError(`too few observations: N = ${n} leaves ${dfResid} residual degrees of freedom after ${k} coefficients and ${within.absorbed} absorbed effects`);
  }
  const xtxInverse = invertSymmetric(crossProduct(x));
  const beta = matVec(xtxInverse, crossVector(x, y));
  const residuals = Array.from(y, (yi, i) => yi - beta.reduce((s, b, j) => s + b * x[j]![i]!, 0));
  const ssr = sumSquares(residuals);

  const clusters = spec.cluster ? clusterFactor(spec.cluster.labels, n, spec.cluster.name) : null;
  const vcov = clusters
    ? clusterVcov(x, residuals, xtxInverse, clusters, clusterParameterCount(k, spec.effects, entity, time, clusters))
    : classicalVcov(xtxInverse, ssr, dfResid);
  const dfTest = clusters ? clusters.levels.length - 1 : dfResid;
  const coefficients: Coefficient[] = names.map((name, j) => {
    const stdError = Math.sqrt(vcov[j]![j]!);
    const t = beta[j]! / stdError;
    return { name, estimate: beta[j]!, stdError, t, p: studentTTwoSided(t, dfTest) };
  });
  const slopes = names.map((_, j) => j).filter((j) => !pooled || j > 0);
  return {
    y: spec.y,
    effects: spec.effects,
    cluster: spec.cluster?.name ?? null,
    coefficients,
    vcov,
    n,
    nEntities: entity.levels.length,
    nPeriods: time.levels.length,
    nClusters: clusters?.levels.length ?? null,
    dfResid,
    dfTest,
    r2: 1 - ssr / (pooled ? centredSumSquares(yRaw) : sumSquares(y)),
    r2Kind: pooled ? 'ordinary' : 'within',
    f: waldF(beta, vcov, slopes, dfTest),
    residuals,
  };
}

function clusterFactor(labels: readonly string[], n: number, name: string): Factor {
  if (labels.length !== n) throw new UserError(`cluster variable '${name}' has ${labels.length} labels but the panel has ${n} rows`);
  const f = toFactor(labels);
  if (f.levels.length < 2) throw new UserError(`cluster variable '${name}' has only one cluster; cluster-robust errors need at least two`);
  return f;
}
