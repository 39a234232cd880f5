/**
 * The within transformation: sweeping entity and/or time means out of a
 * variable, and counting how many fixed-effect parameters that absorbs.
 */
import { UserError } from '../../errors.js';
import type { Effects } from './types.js';

/** A categorical variable coded as 0..levels-1 in order of first appearance. */
export interface Factor {
  readonly index: Int32Array;
  readonly levels: readonly string[];
}

export function toFactor(labels: readonly string[]): Factor {
  const codes = new Map<string, number>();
  const index = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let code = codes.get(label);
    if (code === undefined) codes.set(label, (code = codes.size));
    index[i] = code;
  });
  return { index, levels: [...codes.keys()] };
}

/** Number of observations in each level. */
export function levelCounts(f: Factor): Int32Array {
  const counts = new Int32Array(f.levels.length);
  for (const code of f.index) counts[code]!++;
  return counts;
}

/** v minus its mean within each level of f. */
export function demeanBy(v: ArrayLike<number>, f: Factor): Float64Array {
  const sums = new Float64Array(f.levels.length);
  const counts = levelCounts(f);
  for (let i = 0; i < v.length; i++) sums[f.index[i]!]! += v[i]!;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! - sums[f.index[i]!]! / counts[f.index[i]!]!;
  return out;
}

const MAX_SWEEPS = 10_000;
const SWEEP_TOLERANCE = 1e-14;

/**
 * Two-way within transformation by alternating projections (demean by
 * entity, then by time, until nothing changes: the "method of alternating
 * projections" of Guimarães & Portugal 2010 and Gaure's R lfe). On a balanced panel the first sweep already
 * equals x − x̄ᵢ − x̄ₜ + x̄ and the second confirms convergence; on an
 * unbalanced one it converges to the exact projection off both sets of dummies.
 */
export function demeanTwoWays(v: ArrayLike<number>, entity: Factor, time: Factor): Float64Array {
  let current = demeanBy(demeanBy(v, entity), time);
  const scale = current.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-300);
  for (let sweep = 1; sweep < MAX_SWEEPS; sweep++) {
    const next = demeanBy(demeanBy(current, entity), time);
    let change = 0;
    for (let i = 0; i < next.length; i++) change = Math.max(change, Math.abs(next[i]! - current[i]!));
    current = next;
    if (change <= SWEEP_TOLERANCE * scale) return current;
  }
  throw new UserError(
    `two-way demeaning did not converge after ${MAX_SWEEPS} sweeps: the panel's entities and periods are too sparsely connected`,
    'use --effects entity (or time) instead of twoways',
  );
}

/** Connected components of the bipartite entity–period graph (1 for any balanced panel). */
export function connectedComponents(entity: Factor, time: Factor): number {
  const nE = entity.levels.length;
  const parent = Int32Array.from({ length: nE + time.levels.length }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < entity.index.length; i++) parent[root(entity.index[i]!)] = root(nE + time.index[i]!);
  let roots = 0;
  for (let i = 0; i < parent.length; i++) if (root(i) === i) roots++;
  return roots;
}

/** How a panel's variables are transformed for a given choice of effects. */
export interface WithinTransform {
  readonly apply: (v: readonly number[]) => Float64Array;
  /**
   * Fixed-effect parameters absorbed: G (entity), T (time), or G + T − c for
   * two-way effects with c connected components (G + T − 1 when balanced).
   * These are subtracted from the residual degrees of freedom as xtreg/areg/plm do.
   */
  readonly absorbed: number;
}

export function withinTransform(effects: Effects, entity: Factor, time: Factor): WithinTransform {
  switch (effects) {
    case 'none':
      return { apply: (v) => Float64Array.from(v), absorbed: 0 };
    case 'entity':
      return { apply: (v) => demeanBy(v, entity), absorbed: entity.levels.length };
    case 'time':
      return { apply: (v) => demeanBy(v, time), absorbed: time.levels.length };
    case 'twoways':
      return {
        apply: (v) => demeanTwoWays(v, entity, time),
        absorbed: entity.levels.length + time.levels.length - connectedComponents(entity, time),
      };
  }
}
