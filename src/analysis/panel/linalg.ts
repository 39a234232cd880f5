/** The few dense linear-algebra steps least squares needs, on column-stored designs. */
import { inv } from 'mathjs';

export type Columns = readonly ArrayLike<number>[];

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** X'X for X given as columns. */
export function crossProduct(x: Columns): number[][] {
  return x.map((a) => x.map((b) => dot(a, b)));
}

/** X'v for X given as columns. */
export function crossVector(x: Columns, v: ArrayLike<number>): number[] {
  return x.map((a) => dot(a, v));
}

export function matVec(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => dot(row, v));
}

/** A·B·A for square A, B (the sandwich form of a robust covariance). */
export function sandwich(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const k = a.length;
  const ab = a.map((row) => Array.from({ length: k }, (_, j) => row.reduce((s, v, m) => s + v * b[m]![j]!, 0)));
  return ab.map((row) => Array.from({ length: k }, (_, j) => row.reduce((s, v, m) => s + v * a[m]![j]!, 0)));
}

/**
 * Inverse of a symmetric positive-definite matrix such as X'X. The matrix is
 * first scaled to unit diagonal (D⁻¹AD⁻¹, D = √diag) so regressors measured in
 * very different units do not cost precision, then inverted by mathjs (LU).
 */
export function invertSymmetric(a: readonly (readonly number[])[]): number[][] {
  const d = a.map((row, i) => Math.sqrt(row[i]!));
  const scaled = a.map((row, i) => row.map((v, j) => v / (d[i]! * d[j]!)));
  const scaledInverse = inv(scaled) as number[][];
  return scaledInverse.map((row, i) => row.map((v, j) => v / (d[i]! * d[j]!)));
}
