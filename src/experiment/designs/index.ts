/**
 * Sampling designs for sensitivity analysis and sweeps (SALib-like `sample`
 * side; `src/analysis/sensitivity` is the `analyze` side).
 */
import { gridDesign } from './grid.js';
import { lhsDesign } from './lhs.js';
import { morrisDesign } from './morris.js';
import { saltelliDesign } from './saltelli.js';
import type { DesignMethod, DesignTable, ParamSpec } from './types.js';

export * from './types.js';
export { scaleUnit, scaleRows, validateParams } from './scale.js';
export { gridDesign, gridLevels, MAX_GRID_ROWS } from './grid.js';
export { lhsDesign, lhsUnit } from './lhs.js';
export { sobolPoints, MAX_SOBOL_DIMS } from './sobol-sequence.js';
export { saltelliDesign, saltelliUnit, saltelliRow, saltelliBlockSize, MAX_SALTELLI_PARAMS } from './saltelli.js';
export { morrisDesign, morrisUnit, morrisDelta } from './morris.js';
export { makeRng, type Rng } from './random.js';
export { parseParamsYaml } from './params-file.js';
export { designToCsv, parseDesignCsv, parseOutputsCsv, readTextFile, type OutputColumn } from './csv.js';
export { registerSweepResultsReader, sweepResultsReader, type SweepResultsReader } from './results-reader.js';

/** Size and randomness options shared by the CLI: `n` is levels (grid), points (lhs), N (sobol) or trajectories (morris). */
export interface DesignOptions {
  n: number;
  seed: number;
  /** Morris grid levels p (default 4). */
  levels?: number;
}

/** Builds the named design. */
export function makeDesign(method: DesignMethod, params: ParamSpec[], o: DesignOptions): DesignTable {
  switch (method) {
    case 'grid':
      return gridDesign(params, { levels: o.n });
    case 'lhs':
      return lhsDesign(params, { n: o.n, seed: o.seed });
    case 'sobol':
      return saltelliDesign(params, { n: o.n });
    case 'morris':
      return morrisDesign(params, { r: o.n, levels: o.levels, seed: o.seed });
  }
}
