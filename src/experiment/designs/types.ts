/**
 * Shared types of the sampling designs (SALib-like: a design only samples;
 * `src/analysis/sensitivity` analyses the outputs computed on it).
 */

/** One uncertain parameter: its range, optional log scale, integer values or an explicit level list. */
export interface ParamSpec {
  /** Parameter name (the CSV column header), e.g. `platform.commission`. */
  name: string;
  min: number;
  max: number;
  /** Sample uniformly in log space (needs min > 0). */
  log?: boolean;
  /** Only integer values in [min, max] (min and max must be integers). */
  integer?: boolean;
  /** Explicit values: the grid uses them as its levels; other designs pick among them uniformly. */
  levels?: number[];
}

export type DesignMethod = 'grid' | 'lhs' | 'sobol' | 'morris';

interface DesignBase {
  /** Parameter names, in column order. */
  names: string[];
  /** Parameter values, one row per model run, columns as `names`. */
  rows: number[][];
}

/** Full factorial or Latin hypercube design: parameter values only. */
export interface PlainDesign extends DesignBase {
  method: 'grid' | 'lhs';
}

/**
 * Saltelli (2010) design. Row r belongs to base sample `block[r]` and is
 * matrix `step[r]`: 0 = A, k = 1..D = A_B^(k) (A with column k taken from B,
 * k counting parameters in column order), D + 1 = B.
 */
export interface SobolDesign extends DesignBase {
  method: 'sobol';
  block: number[];
  step: number[];
}

/**
 * Morris (1991) design of r trajectories of D + 1 points. Row r is point
 * `step[r]` of trajectory `trajectory[r]`; for step ≥ 1, `moved[r]` is the
 * index of the parameter changed from the previous point and `delta[r]` the
 * signed change in the unit cube (±Δ); at step 0 they are -1 and 0.
 */
export interface MorrisDesign extends DesignBase {
  method: 'morris';
  trajectory: number[];
  step: number[];
  moved: number[];
  delta: number[];
}

export type DesignTable = PlainDesign | SobolDesign | MorrisDesign;

/** Bookkeeping CSV columns a design writes besides its parameter columns, per method. */
export const BOOKKEEPING_COLUMNS = {
  grid: [],
  lhs: [],
  sobol: ['design', 'block', 'step'],
  morris: ['design', 'trajectory', 'step', 'moved', 'delta'],
} as const satisfies Record<DesignMethod, readonly string[]>;

/** Every bookkeeping column name; parameters may not use these names. */
export const RESERVED_COLUMNS: readonly string[] = ['design', 'block', 'step', 'trajectory', 'moved', 'delta'];
