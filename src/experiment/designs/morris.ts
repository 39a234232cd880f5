import { UserError } from '../../errors.js';
import { makeRng, permutation, type Rng } from './random.js';
import { scaleRows, validateParams } from './scale.js';
import type { MorrisDesign, ParamSpec } from './types.js';

/** Morris (1991) step on a p-level grid: Δ = p / (2(p − 1)). */
export const morrisDelta = (p: number): number => p / (2 * (p - 1));

/** Unit-cube trajectories plus, per row, the parameter moved and the signed step. */
export interface MorrisUnit {
  rows: number[][];
  moved: number[];
  delta: number[];
}

/**
 * One Morris trajectory of D + 1 points on the grid {0, 1/(p−1), …, 1}: a random
 * base point with coordinates in the lower levels {0 … 1−Δ}; each factor,
 * in random order, then moves once by +Δ, or starts at base + Δ and moves by −Δ
 * (random direction, as in Morris's B* = (J x* + Δ/2 ((2B − J)D* + J)) P*).
 */
function trajectory(d: number, p: number, rng: Rng, out: MorrisUnit): void {
  const delta = morrisDelta(p);
  const sign = Array.from({ length: d }, () => (rng() < 0.5 ? -1 : 1));
  const x = sign.map((s) => Math.floor(rng() * (p / 2)) / (p - 1) + (s < 0 ? delta : 0));
  out.rows.push([...x]);
  out.moved.push(-1);
  out.delta.push(0);
  for (const i of permutation(d, rng)) {
    x[i] = Math.min(1, Math.max(0, x[i]! + sign[i]! * delta));
    out.rows.push([...x]);
    out.moved.push(i);
    out.delta.push(sign[i]! * delta);
  }
}

/** r Morris trajectories in the unit cube, D + 1 rows each (trajectory t holds rows t(D+1) … t(D+1)+D). */
export function morrisUnit(r: number, d: number, p: number, rng: Rng): MorrisUnit {
  const out: MorrisUnit = { rows: [], moved: [], delta: [] };
  for (let t = 0; t < r; t++) trajectory(d, p, rng, out);
  return out;
}

/** Morris elementary-effects design: r trajectories on a p-level grid (p even, default 4), seeded. */
export function morrisDesign(params: ParamSpec[], opts: { r: number; levels?: number; seed: number }): MorrisDesign {
  validateParams(params);
  const p = opts.levels ?? 4;
  if (!Number.isInteger(opts.r) || opts.r < 2) throw new UserError(`morris needs an integer number of trajectories ≥ 2 (got ${opts.r})`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new UserError(`morris needs an even number of grid levels ≥ 2 (got ${p})`);
  const d = params.length;
  const unit = morrisUnit(opts.r, d, p, makeRng(opts.seed));
  return {
    method: 'morris',
    names: params.map((q) => q.name),
    rows: scaleRows(params, unit.rows),
    trajectory: unit.rows.map((_, i) => Math.floor(i / (d + 1))),
    step: unit.rows.map((_, i) => i % (d + 1)),
    moved: unit.moved,
    delta: unit.delta,
  };
}
