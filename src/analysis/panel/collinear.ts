/**
 * Diagnoses a singular design before it is inverted, so the user learns which
 * regressors are at fault instead of seeing "matrix is singular".
 */
import { UserError } from '../../errors.js';
import { crossProduct, crossVector, invertSymmetric, matVec } from './linalg.js';
import { INTERCEPT, type Effects } from './types.js';

/** A column whose residual sum of squares falls below this share of its own is treated as exactly explained. */
const RELATIVE_TOLERANCE = 1e-12;

function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return s;
}

const ABSORBED_BY: Record<Exclude<Effects, 'none'>, string> = {
  entity: 'is constant within each entity, so the entity fixed effects absorb it',
  time: 'is constant within each period, so the time fixed effects absorb it',
  twoways: 'is absorbed by the entity and time fixed effects (constant within entities or periods, or a sum of such parts)',
};

/** Regressors the fixed effects wipe out: their within-transformed values are (numerically) zero. */
function absorbedProblems(names: readonly string[], raw: readonly ArrayLike<number>[], transformed: readonly Float64Array[], effects: Effects): string[] {
  return names.flatMap((name, j) => {
    const rawSs = sumSquares(raw[j]!);
    if (rawSs === 0) return [`'${name}' is zero in every row`];
    if (effects !== 'none' && sumSquares(transformed[j]!) <= RELATIVE_TOLERANCE * rawSs) return [`'${name}' ${ABSORBED_BY[effects]}`];
    return [];
  });
}

/** Earlier regressors that exactly reproduce column j (least-squares weights that matter). */
function combinationOf(j: number, kept: readonly number[], columns: readonly Float64Array[]): number[] {
  const basis = kept.map((k) => columns[k]!);
  const weights = matVec(invertSymmetric(crossProduct(basis)), crossVector(basis, columns[j]!));
  const scale = Math.sqrt(sumSquares(columns[j]!));
  return kept.filter((k, m) => Math.abs(weights[m]!) * Math.sqrt(sumSquares(columns[k]!)) > 1e-6 * scale);
}

/** First regressor (in order) that is a linear combination of the ones before it, by Gram–Schmidt. */
function collinearProblem(names: readonly string[], columns: readonly Float64Array[]): string | null {
  const basis: Float64Array[] = [];
  const kept: number[] = [];
  for (let j = 0; j < columns.length; j++) {
    const r = Float64Array.from(columns[j]!);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let proj = 0;
        for (let i = 0; i < r.length; i++) proj += q[i]! * r[i]!;
        for (let i = 0; i < r.length; i++) r[i]! -= proj * q[i]!;
      }
    }
    const residualSs = sumSquares(r);
    if (residualSs <= RELATIVE_TOLERANCE * sumSquares(columns[j]!)) {
      const others = combinationOf(j, kept, columns).map((k) => names[k]!);
      if (others.length === 1 && others[0] === INTERCEPT) return `'${names[j]}' is constant, so it duplicates the intercept`;
      return `'${names[j]}' is a linear combination of ${others.map((o) => `'${o}'`).join(', ')}`;
    }
    const norm = Math.sqrt(residualSs);
    basis.push(r.map((v) => v / norm));
    kept.push(j);
  }
  return null;
}

/**
 * Throws a UserError if the (transformed) design is rank deficient, naming the
 * regressors absorbed by the fixed effects and the first collinear one.
 * `raw` are the columns before the within transformation (same order as `names`).
 */
export function assertFullRank(names: readonly string[], raw: readonly ArrayLike<number>[], transformed: readonly Float64Array[], effects: Effects): void {
  const absorbed = absorbedProblems(names, raw, transformed, effects);
  if (absorbed.length > 0) {
    throw new UserError(`singular design: ${absorbed.join('; ')}`, 'drop those regressors or choose other --effects');
  }
  const collinear = collinearProblem(names, transformed);
  if (collinear) throw new UserError(`singular design: regressors are collinear: ${collinear}`, 'drop one of the collinear regressors');
}
