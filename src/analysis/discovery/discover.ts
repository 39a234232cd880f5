/**
 * Scenario discovery on a table of runs: each run is a case of interest when
 * its outcome lies below (or above) a threshold; PRIM then looks for the
 * ranges of the inputs where such runs concentrate. Pure: the caller reads
 * the runs (a sweep folder, a CSV) and prints or renders the result.
 */
import { UserError } from '../../errors.js';
import { defaultBox, limitRestricted, prim, quasiPValues, type BoxLimit, type PrimInput, type PrimOptions, type PrimResult, type QuasiP } from './prim.js';

export type Direction = 'below' | 'above';

export interface DiscoveryRuns {
  /** Inputs: numbers, or labels for categorical ones. */
  factors: { name: string; values: number[] | string[] }[];
  /** The outcome of each run (NaN: none; such runs are left out). */
  values: number[];
}

export interface DiscoveryQuestion {
  /** The outcome's name, for messages. */
  metric: string;
  direction: Direction;
  threshold: number;
}

export interface DiscoveryOptions extends PrimOptions {
  /** Density the default box must reach (default 0.8). */
  minDensity?: number;
  /** The box to show instead of the default. */
  box?: number;
}

/** One input of the chosen box: its limit, the data's, and the quasi-p-values when the box restricts it. */
export interface ChosenLimit {
  name: string;
  limit: BoxLimit;
  init: BoxLimit;
  restricted: boolean;
  qp?: QuasiP;
}

export interface Discovery extends DiscoveryQuestion {
  /** Runs analysed (with an outcome), runs left out for having none. */
  runs: number;
  missing: number;
  cases: number;
  /** Smallest and largest outcome over the runs analysed. */
  range: [number, number];
  result: PrimResult;
  chosen: {
    index: number;
    /** How it was chosen: `asked` (--box), `density` (first box to reach minDensity) or `densest` (none did). */
    how: 'asked' | 'density' | 'densest';
    limits: ChosenLimit[];
  };
  minDensity: number;
}

export const DEFAULT_MIN_DENSITY = 0.8;

const isCase = (direction: Direction, threshold: number) => (v: number) => (direction === 'below' ? v < threshold : v > threshold);

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

/** Runs with an outcome, as PRIM's input; UserErrors when there is nothing to discover. */
function primInput(runs: DiscoveryRuns, q: DiscoveryQuestion): { input: PrimInput; missing: number; range: [number, number] } {
  const keep = runs.values.map((v, i) => (Number.isFinite(v) ? i : -1)).filter((i) => i >= 0);
  const missing = runs.values.length - keep.length;
  if (keep.length === 0)
    throw new UserError(runs.values.length === 0 ? 'the sweep holds no successful runs to analyse' : `none of the ${runs.values.length} runs has a value of ${q.metric}`);
  const values = keep.map((i) => runs.values[i]!);
  const range: [number, number] = [Math.min(...values), Math.max(...values)];
  const flags = values.map(isCase(q.direction, q.threshold));
  const cases = flags.filter(Boolean).length;
  const span = `${q.metric} runs from ${fmt(range[0])} to ${fmt(range[1])} over the ${values.length} runs`;
  if (cases === 0) throw new UserError(`no run has ${q.metric} ${q.direction} ${q.threshold}: ${span}`);
  if (cases === values.length) throw new UserError(`every run has ${q.metric} ${q.direction} ${q.threshold}, so there is nothing to tell apart: ${span}`);
  const dims = runs.factors.map((f) =>
    typeof f.values[0] === 'string'
      ? { kind: 'categorical' as const, name: f.name, values: keep.map((i) => String(f.values[i])) }
      : { kind: 'numeric' as const, name: f.name, values: keep.map((i) => Number(f.values[i])) },
  );
  return { input: { dims, interest: flags }, missing, range };
}

function checkShare(name: string, v: number | undefined): void {
  if (v !== undefined && !(v > 0 && v < 1)) throw new UserError(`${name} must lie strictly between 0 and 1, got ${v}`);
}

/** Classifies the runs, runs PRIM and picks the box to show, with its limits and quasi-p-values. */
export function discover(runs: DiscoveryRuns, q: DiscoveryQuestion, opts: DiscoveryOptions = {}): Discovery {
  if (!Number.isFinite(q.threshold)) throw new UserError(`the threshold must be a number, got ${q.threshold}`);
  if (runs.factors.length === 0) throw new UserError('the sweep varies no factor: there are no inputs to look for ranges of');
  checkShare('--peel-alpha', opts.peelAlpha);
  checkShare('--paste-alpha', opts.pasteAlpha);
  checkShare('--mass-min', opts.massMin);
  const minDensity = opts.minDensity ?? DEFAULT_MIN_DENSITY;
  if (!(minDensity >= 0 && minDensity <= 1)) throw new UserError(`--min-density must lie between 0 and 1, got ${minDensity}`);
  const { input, missing, range } = primInput(runs, q);
  const result = prim(input, opts);
  let index: number;
  let how: Discovery['chosen']['how'];
  if (opts.box !== undefined) {
    const last = result.boxes.length - 1;
    if (!(Number.isInteger(opts.box) && opts.box >= 0 && opts.box <= last)) throw new UserError(`--box must be a box on the trajectory, 0 to ${last}, got ${opts.box}`);
    [index, how] = [opts.box, 'asked'];
  } else {
    const d = defaultBox(result, minDensity);
    [index, how] = [d.index, d.reached ? 'density' : 'densest'];
  }
  const box = result.boxes[index]!;
  const qps = quasiPValues(input, result, index);
  const limits = result.names.map((name, j) => {
    const restricted = limitRestricted(result.init[j]!, box.limits[j]!);
    return { name, limit: box.limits[j]!, init: result.init[j]!, restricted, qp: qps.find((x) => x.name === name) };
  });
  return { ...q, runs: result.runs, missing, cases: result.cases, range, result, chosen: { index, how, limits }, minDensity };
}
