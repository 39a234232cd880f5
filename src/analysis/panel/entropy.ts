/**
 * Entropy-weight composite index (the entropy method used to build
 * development indices such as a cross-border e-commerce index from several
 * indicators measured over the same n observations).
 */
import { UserError } from '../../errors.js';

/** `positive`: larger is better; `negative`: smaller is better (e.g. costs). */
export type Direction = 'positive' | 'negative';

export interface Indicator {
  readonly name: string;
  readonly values: readonly number[];
  readonly direction: Direction;
}

export interface EntropyIndex {
  readonly names: readonly string[];
  /** Entropy e_j of each indicator, in [0, 1]. */
  readonly entropy: readonly number[];
  /** Weights w_j = (1 − e_j) / Σ_k (1 − e_k); they sum to 1. */
  readonly weights: readonly number[];
  /** Composite score of each observation, Σ_j w_j · x'_ij, in [0, 1]. */
  readonly index: readonly number[];
}

/** Min–max normalisation to [0, 1]; negative indicators are reversed: (max − x)/(max − min). */
function normalise(ind: Indicator): number[] {
  const min = ind.values.reduce((a, b) => Math.min(a, b), Infinity);
  const max = ind.values.reduce((a, b) => Math.max(a, b), -Infinity);
  if (!(max > min)) throw new UserError(`indicator '${ind.name}' is constant (or not finite), so it carries no information for the entropy weights`);
  return ind.values.map((x) => (ind.direction === 'positive' ? x - min : max - x) / (max - min));
}

/** e_j = −k Σ_i p_ij ln p_ij with p_ij = x'_ij / Σ_i x'_ij and k = 1/ln n; 0·ln 0 is taken as its limit 0. */
function entropy(normalised: readonly number[]): number {
  const total = normalised.reduce((a, b) => a + b, 0);
  const sum = normalised.reduce((s, x) => (x > 0 ? s + (x / total) * Math.log(x / total) : s), 0);
  return -sum / Math.log(normalised.length);
}

/**
 * Entropy weights and composite index of the given indicators (all of the same length n ≥ 2):
 * x'_ij min–max normalised by direction, p_ij = x'_ij/Σ_i x'_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij,
 * w_j = (1 − e_j)/Σ_k(1 − e_k), index_i = Σ_j w_j x'_ij.
 */
export function entropyIndex(indicators: readonly Indicator[]): EntropyIndex {
  if (indicators.length === 0) throw new UserError('the entropy index needs at least one indicator');
  const n = indicators[0]!.values.length;
  const ragged = indicators.find((ind) => ind.values.length !== n);
  if (ragged) throw new UserError(`indicator '${ragged.name}' has ${ragged.values.length} values, '${indicators[0]!.name}' has ${n}`);
  if (n < 2) throw new UserError('the entropy index needs at least two observations');
  const normalised = indicators.map(normalise);
  const e = normalised.map(entropy);
  const divergence = e.map((ej) => 1 - ej);
  const total = divergence.reduce((a, b) => a + b, 0);
  const weights = divergence.map((d) => d / total);
  const index = Array.from({ length: n }, (_, i) => weights.reduce((s, w, j) => s + w * normalised[j]![i]!, 0));
  return { names: indicators.map((ind) => ind.name), entropy: e, weights, index };
}
