import { UserError } from '../../errors.js';
import { saltelliBlockSize, saltelliRow } from '../../experiment/designs/saltelli.js';
import type { DesignTable, SobolDesign } from '../../experiment/designs/types.js';
import type { BootstrapOptions } from './bootstrap.js';
import { checkDesignOutputs, differingColumns, same } from './design-check.js';
import { sobolIndices, type SobolIndices } from './sobol.js';

/** Canonical row (block·(D+2) + step) of every design row; checks each (block, step) occurs exactly once. */
function canonicalRows(d: SobolDesign): number[] {
  const size = saltelliBlockSize(d.names.length);
  if (d.rows.length % size !== 0) throw new UserError(`a sobol design with ${d.names.length} parameters has a multiple of ${size} rows, this one has ${d.rows.length}`);
  const n = d.rows.length / size;
  const taken = new Int32Array(d.rows.length).fill(-1);
  return d.rows.map((_, r) => {
    const [b, s] = [d.block[r]!, d.step[r]!];
    if (!Number.isInteger(b) || b < 0 || b >= n) throw new UserError(`design row ${r + 1}: block ${b} is not an integer in 0..${n - 1}`);
    if (!Number.isInteger(s) || s < 0 || s >= size) throw new UserError(`design row ${r + 1}: step ${s} is not an integer in 0..${size - 1}`);
    const c = saltelliRow(d.names.length, b, s);
    if (taken[c]! >= 0) throw new UserError(`design rows ${taken[c]! + 1} and ${r + 1} both are block ${b}, step ${s}`);
    taken[c] = r;
    return c;
  });
}

/** Checks that A_B^(i) equals A except in column i, where it equals B (Saltelli 2010 radial structure). */
function checkRadial(d: SobolDesign, byCanonical: number[]): void {
  const D = d.names.length;
  const row = (j: number, s: number) => d.rows[byCanonical[saltelliRow(D, j, s)]!]!;
  for (let j = 0; j < d.rows.length / saltelliBlockSize(D); j++)
    for (let i = 0; i < D; i++) {
      const ab = row(j, i + 1);
      const off = differingColumns(row(j, 0), ab, i);
      if (off.length > 0 || !same(ab[i]!, row(j, D + 1)[i]!))
        throw new UserError(
          `design block ${j}, step ${i + 1} should equal step 0 (A) except in column "${d.names[i]}", which should equal step ${D + 1} (B)`,
          'the parameter columns must stay in the order the design was written in',
        );
    }
}

/** Sobol indices from a sobol design (rows in any order) and one output per design row. */
export function sobolIndicesFromDesign(design: DesignTable, outputs: ArrayLike<number>, opts: BootstrapOptions = {}): SobolIndices {
  checkDesignOutputs(design, outputs, 'sobol');
  const canonical = canonicalRows(design);
  const byCanonical = new Array<number>(canonical.length);
  canonical.forEach((c, r) => (byCanonical[c] = r));
  checkRadial(design, byCanonical);
  const y = byCanonical.map((r) => outputs[r]!);
  return sobolIndices(y, design.names.length, design.rows.length / saltelliBlockSize(design.names.length), opts);
}
