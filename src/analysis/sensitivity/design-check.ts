import { UserError } from '../../errors.js';
import { designHint } from '../../experiment/designs/csv.js';
import type { DesignTable } from '../../experiment/designs/types.js';

/** Equal up to round-off a CSV round trip may add (relative 1e-9). */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Checks that a design is of the method and has one finite output per run. */
export function checkDesignOutputs<M extends DesignTable['method']>(
  design: DesignTable,
  outputs: ArrayLike<number>,
  method: M,
): asserts design is Extract<DesignTable, { method: M }> {
  if (design.method !== method)
    throw new UserError(`this is a ${design.method} design; ${method} analysis needs a ${method} design`, designHint(method));
  if (outputs.length !== design.rows.length)
    throw new UserError(`the design has ${design.rows.length} rows but there are ${outputs.length} outputs`, 'outputs must have one row per design row, in the same order');
  for (let r = 0; r < outputs.length; r++)
    if (!Number.isFinite(outputs[r])) throw new UserError(`output of design row ${r + 1} is not a finite number (${outputs[r]})`);
}

/** Columns (other than `except`) in which two rows differ, beyond round-off. */
export function differingColumns(a: number[], b: number[], except: number): number[] {
  return a.flatMap((x, k) => (k !== except && !same(x, b[k]!) ? [k] : []));
}
