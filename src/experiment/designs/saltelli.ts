import { UserError } from '../../errors.js';
import { scaleRows, validateParams } from './scale.js';
import { MAX_SOBOL_DIMS, sobolPoints } from './sobol-sequence.js';
import type { ParamSpec, SobolDesign } from './types.js';

/** Most parameters a Saltelli design supports (it needs 2·D Sobol dimensions). */
export const MAX_SALTELLI_PARAMS = Math.floor(MAX_SOBOL_DIMS / 2);

/** Rows per base sample: A, the D matrices A_B^(i), and B. */
export const saltelliBlockSize = (d: number): number => d + 2;

/** Row index of matrix `step` (0 = A, i = A_B^(i), D+1 = B) of base sample `block`. */
export const saltelliRow = (d: number, block: number, step: number): number => block * saltelliBlockSize(d) + step;

/** Default number of leading Sobol points skipped: N rounded up to a power of two (as SALib does). */
export const defaultSkip = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/**
 * Saltelli (2010) sampling scheme in the unit cube, without second-order
 * matrices: N points of a 2D-dimensional Sobol sequence give A (first D
 * columns) and B (last D columns). Block j holds D + 2 rows in this order:
 * A_j, A_B^(1)_j … A_B^(D)_j (A_j with column i taken from B_j), B_j —
 * N·(D+2) rows in all; row index = j·(D+2) + step.
 */
export function saltelliUnit(n: number, d: number, skip = defaultSkip(n)): number[][] {
  const rows: number[][] = [];
  for (const point of sobolPoints(n, 2 * d, skip)) {
    const a = point.slice(0, d);
    const b = point.slice(d);
    rows.push(a);
    for (let i = 0; i < d; i++) rows.push(a.map((x, k) => (k === i ? b[i]! : x)));
    rows.push(b);
  }
  return rows;
}

/** Saltelli design for Sobol indices: N base samples, N·(D+2) runs (deterministic, no seed). */
export function saltelliDesign(params: ParamSpec[], opts: { n: number; skip?: number }): SobolDesign {
  validateParams(params);
  const d = params.length;
  if (!Number.isInteger(opts.n) || opts.n < 1) throw new UserError(`sobol needs a positive integer number of base samples N (got ${opts.n})`);
  if (d > MAX_SALTELLI_PARAMS) throw new UserError(`sobol designs support up to ${MAX_SALTELLI_PARAMS} parameters (got ${d})`);
  const unit = saltelliUnit(opts.n, d, opts.skip);
  const size = saltelliBlockSize(d);
  return {
    method: 'sobol',
    names: params.map((p) => p.name),
    rows: scaleRows(params, unit),
    block: unit.map((_, r) => Math.floor(r / size)),
    step: unit.map((_, r) => r % size),
  };
}
