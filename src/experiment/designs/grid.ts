import { UserError } from '../../errors.js';
import { scaleUnit, validateParams } from './scale.js';
import type { ParamSpec, PlainDesign } from './types.js';

/** Largest full factorial `gridDesign` builds; beyond it, use lhs or sobol. */
export const MAX_GRID_ROWS = 1_000_000;

/**
 * A parameter's grid levels: its explicit `levels`, else n evenly spaced unit
 * points i/(n−1) mapped to [min, max] (log spaced when `log`); duplicate
 * values (an integer range with fewer than n integers) are dropped.
 */
export function gridLevels(p: ParamSpec, n: number): number[] {
  if (p.levels) return [...p.levels];
  const values = Array.from({ length: n }, (_, i) => scaleUnit(p, n === 1 ? 0.5 : i / (n - 1)));
  return [...new Set(values)];
}

/** Full factorial design over each parameter's levels; the last parameter varies fastest. */
export function gridDesign(params: ParamSpec[], opts: { levels: number }): PlainDesign {
  validateParams(params);
  if (!Number.isInteger(opts.levels) || opts.levels < 1) throw new UserError(`grid levels must be a positive integer (got ${opts.levels})`);
  const levels = params.map((p) => gridLevels(p, opts.levels));
  const total = levels.reduce((acc, l) => acc * l.length, 1);
  if (total > MAX_GRID_ROWS)
    throw new UserError(`the grid would have ${total} rows (limit ${MAX_GRID_ROWS})`, 'use fewer levels, or an lhs or sobol design');
  let rows: number[][] = [[]];
  for (const l of levels) rows = rows.flatMap((r) => l.map((v) => [...r, v]));
  return { method: 'grid', names: params.map((p) => p.name), rows };
}
