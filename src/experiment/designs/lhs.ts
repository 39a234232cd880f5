import { UserError } from '../../errors.js';
import { makeRng, permutation, type Rng } from './random.js';
import { scaleRows, validateParams } from './scale.js';
import type { ParamSpec, PlainDesign } from './types.js';

/**
 * Latin hypercube sample of n points in [0,1)^d (McKay, Beckman & Conover 1979):
 * in every column each of the n strata [k/n, (k+1)/n) holds exactly one point,
 * placed uniformly within it; strata are paired across columns by independent
 * random permutations.
 */
export function lhsUnit(n: number, d: number, rng: Rng): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(d));
  for (let j = 0; j < d; j++) {
    const perm = permutation(n, rng);
    for (let i = 0; i < n; i++) rows[i]![j] = (perm[i]! + rng()) / n;
  }
  return rows;
}

/** Latin hypercube design of n runs, deterministic for a seed. */
export function lhsDesign(params: ParamSpec[], opts: { n: number; seed: number }): PlainDesign {
  validateParams(params);
  if (!Number.isInteger(opts.n) || opts.n < 1) throw new UserError(`lhs needs a positive integer number of points (got ${opts.n})`);
  const unit = lhsUnit(opts.n, params.length, makeRng(opts.seed));
  return { method: 'lhs', names: params.map((p) => p.name), rows: scaleRows(params, unit) };
}
