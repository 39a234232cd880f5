import { UserError } from '../../errors.js';
import { RESERVED_COLUMNS, type ParamSpec } from './types.js';

/**
 * Maps a unit-cube coordinate u ∈ [0,1] to a parameter value:
 * - `levels`: the ⌊u·L⌋-th level (each of the L levels equally likely);
 * - `integer`: ⌊v⌋ for v uniform on [min, max + 1) (linear or log), so each
 *   integer is equally likely (linear) or log-uniformly weighted;
 * - otherwise min + u·(max − min), or min·(max/min)^u (uniform in log space) when `log`.
 * Results are clamped to [min, max] against round-off.
 */
export function scaleUnit(p: ParamSpec, u: number): number {
  if (p.levels) return p.levels[Math.min(p.levels.length - 1, Math.floor(u * p.levels.length))]!;
  const top = p.integer ? p.max + 1 : p.max;
  const v = p.log ? p.min * (top / p.min) ** u : p.min + u * (top - p.min);
  return Math.min(p.max, Math.max(p.min, p.integer ? Math.floor(v) : v));
}

/** Maps rows of unit-cube samples to parameter values, column j by `params[j]`. */
export function scaleRows(params: ParamSpec[], unit: number[][]): number[][] {
  return unit.map((row) => row.map((u, j) => scaleUnit(params[j]!, u)));
}

/** Problems with one parameter spec, as messages naming the key ("" when none). */
export function paramProblems(p: ParamSpec): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  if (RESERVED_COLUMNS.includes(p.name)) out.push({ key: 'name', message: `"${p.name}" is reserved for a design bookkeeping column` });
  if (/[",\r\n]/.test(p.name)) out.push({ key: 'name', message: 'names may not contain commas, quotes or line breaks' });
  if (!(p.min < p.max)) out.push({ key: 'max', message: `max (${p.max}) must be greater than min (${p.min})` });
  if (p.log && !(p.min > 0)) out.push({ key: 'min', message: `log scale needs min > 0 (got ${p.min})` });
  if (p.integer && !(Number.isInteger(p.min) && Number.isInteger(p.max)))
    out.push({ key: Number.isInteger(p.min) ? 'max' : 'min', message: 'integer parameters need integer min and max' });
  if (p.levels?.some((l) => l < p.min || l > p.max)) out.push({ key: 'levels', message: `every level must lie within [${p.min}, ${p.max}]` });
  return out;
}

/** Throws a UserError for the first invalid spec or duplicate name (for programmatic callers). */
export function validateParams(params: ParamSpec[]): void {
  if (params.length === 0) throw new UserError('a design needs at least one parameter');
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const problem = paramProblems(p)[0];
    if (problem) throw new UserError(`parameter ${i + 1} ("${p.name}"), key "${problem.key}": ${problem.message}`);
    if (seen.has(p.name)) throw new UserError(`parameter ${i + 1}: duplicate name "${p.name}"`);
    seen.add(p.name);
  });
}
