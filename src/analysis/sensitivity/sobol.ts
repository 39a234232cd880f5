import { UserError } from '../../errors.js';
import { saltelliBlockSize, saltelliRow } from '../../experiment/designs/saltelli.js';
import { bootstrapIntervals, resolveBootstrap, withIntervals, type BootstrapOptions, type Estimate } from './bootstrap.js';

/** First-order and total Sobol indices per parameter, with bootstrap intervals. */
export interface SobolIndices {
  /** Base samples N and parameters D. */
  n: number;
  d: number;
  /** Variance of the output over A and B. */
  variance: number;
  S1: Estimate[];
  ST: Estimate[];
  bootstrap: number;
  confidence: number;
}

/** Model outputs split into f(A), f(B) and f(A_B^(i)), i = 0..D−1. */
interface Split {
  fA: Float64Array;
  fB: Float64Array;
  fAB: Float64Array[];
}

function split(y: ArrayLike<number>, d: number, n: number): Split {
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fA[j] = y[saltelliRow(d, j, 0)]!;
    fB[j] = y[saltelliRow(d, j, d + 1)]!;
    for (let i = 0; i < d; i++) fAB[i]![j] = y[saltelliRow(d, j, i + 1)]!;
  }
  return { fA, fB, fAB };
}

/** Population variance of f(A) ∪ f(B) over the given base samples. */
function variance(s: Split, units: ArrayLike<number>): number {
  let sum = 0;
  let sq = 0;
  for (let k = 0; k < units.length; k++) {
    const a = s.fA[units[k]!]!;
    const b = s.fB[units[k]!]!;
    sum += a + b;
    sq += a * a + b * b;
  }
  const m = units.length * 2;
  return sq / m - (sum / m) ** 2;
}

/**
 * S1_i = mean(f(B)·(f(A_B^i) − f(A))) / V (Saltelli et al. 2010, Table 2 (b));
 * ST_i = mean((f(A) − f(A_B^i))²) / (2V) (Jansen 1999).
 */
function estimate(s: Split, units: ArrayLike<number>): { S1: number[]; ST: number[] } {
  const v = variance(s, units);
  const S1: number[] = [];
  const ST: number[] = [];
  for (const ab of s.fAB) {
    let first = 0;
    let total = 0;
    for (let k = 0; k < units.length; k++) {
      const j = units[k]!;
      first += s.fB[j]! * (ab[j]! - s.fA[j]!);
      total += (s.fA[j]! - ab[j]!) ** 2;
    }
    S1.push(first / units.length / v);
    ST.push(total / (2 * units.length) / v);
  }
  return { S1, ST };
}

/**
 * Sobol first-order (S1) and total (ST) indices from outputs y of a Saltelli
 * design with D parameters and N base samples, in the row order of
 * `saltelliUnit` (block j: A, A_B^(1) … A_B^(D), B). Percentile bootstrap
 * intervals resample the N base samples. A constant output gives NaN indices.
 */
export function sobolIndices(y: ArrayLike<number>, d: number, n: number, opts: BootstrapOptions = {}): SobolIndices {
  const o = resolveBootstrap(opts);
  const runs = n * saltelliBlockSize(d);
  if (y.length !== runs) throw new UserError(`a Saltelli design with D = ${d} and N = ${n} has ${runs} runs, but there are ${y.length} outputs`);
  const s = split(y, d, n);
  const all = Uint32Array.from({ length: n }, (_, j) => j);
  const point = estimate(s, all);
  const both = (units: Uint32Array) => {
    const e = estimate(s, units);
    return [...e.S1, ...e.ST];
  };
  const ci = o.bootstrap > 0 ? bootstrapIntervals(n, both, o) : [];
  return {
    n,
    d,
    variance: variance(s, all),
    S1: withIntervals(point.S1, ci.slice(0, d)),
    ST: withIntervals(point.ST, ci.slice(d)),
    bootstrap: o.bootstrap,
    confidence: o.confidence,
  };
}
