import { UserError } from '../../errors.js';
import { JOE_KUO } from './joe-kuo.js';

const BITS = 32;
const SCALE = 2 ** BITS;

/** Most dimensions `sobolPoints` can generate with the shipped direction numbers. */
export const MAX_SOBOL_DIMS = JOE_KUO.length + 1;

/**
 * Direction numbers V_1..V_32 of one dimension as 32-bit integers
 * (V_k = m_k · 2^(32−k)), extended by the recurrence of Bratley & Fox (1988)
 * as in Joe & Kuo's sobol.cc: V_k = V_{k−s} ⊕ (V_{k−s} >> s) ⊕ ⨁_{l<s} a_l V_{k−l}.
 */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [, s, a, m] = JOE_KUO[dim - 1]!;
  for (let k = 0; k < s; k++) v[k] = m[k]! * 2 ** (BITS - 1 - k);
  for (let k = s; k < BITS; k++) {
    let x = v[k - s]! ^ (v[k - s]! >>> s);
    for (let l = 1; l < s; l++) if ((a >>> (s - 1 - l)) & 1) x ^= v[k - l]!;
    v[k] = x >>> 0;
  }
  return v;
}

/** Index (from 0) of the rightmost zero bit of i. */
function rightmostZero(i: number): number {
  let c = 0;
  while (i % 2 === 1) {
    i = Math.floor(i / 2);
    c++;
  }
  return c;
}

/**
 * Points skip … skip+n−1 of the unscrambled Sobol (1967) sequence in [0,1)^dims,
 * Gray-code order (Antonov & Saleev 1979), Joe & Kuo (2008) direction numbers.
 * Point 0 is the origin, as in Joe & Kuo's published output.
 */
export function sobolPoints(n: number, dims: number, skip = 0): number[][] {
  if (dims > MAX_SOBOL_DIMS) throw new UserError(`the Sobol sequence is available for up to ${MAX_SOBOL_DIMS} dimensions (asked for ${dims})`);
  if (skip + n > SCALE) throw new UserError(`the Sobol sequence has at most 2^${BITS} points`);
  const v = Array.from({ length: dims }, (_, j) => directions(j));
  const x = new Uint32Array(dims);
  const gray = (skip ^ (skip >>> 1)) >>> 0;
  for (let k = 0; k < BITS; k++) if ((gray >>> k) & 1) for (let j = 0; j < dims; j++) x[j] ^= v[j]![k]!;
  const points: number[][] = [];
  for (let i = skip; i < skip + n; i++) {
    points.push(Array.from(x, (xj) => xj / SCALE));
    const c = rightmostZero(i);
    if (c < BITS) for (let j = 0; j < dims; j++) x[j] ^= v[j]![c]!;
  }
  return points;
}
