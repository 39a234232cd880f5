/**
 * Foreign markets: each has a size share, a distance (raises traditional
 * search and shipping cost) and a brand taste (weight buyers put on brand).
 * Built deterministically from a few scenario numbers; size and brand taste are
 * spread across distances so near markets are not all big or all brand-blind.
 */
import type { Scenario } from './params.js';

export interface Market {
  name: string;
  distance: number;
  brandTaste: number;
  sizeShare: number;
}

export function buildMarkets(p: Scenario['markets']): Market[] {
  const M = p.count;
  const at = (k: number) => (M === 1 ? 0 : k / (M - 1));
  const sizeRank = scatteredRanks(M, 0.618034); // 0 = largest
  const tasteRank = scatteredRanks(M, 0.414214);
  const raw = Array.from({ length: M }, (_, m) => Math.pow(sizeRank[m]! + 1, -p.sizeSkew));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r, m) => ({
    name: `M${m + 1}`,
    distance: p.distanceMin + (p.distanceMax - p.distanceMin) * at(m),
    brandTaste: p.brandTasteMin + (p.brandTasteMax - p.brandTasteMin) * at(tasteRank[m]!),
    sizeShare: r / total,
  }));
}

/** A permutation of 0..n−1 that scatters ranks across positions: the rank order of frac(m · step). */
function scatteredRanks(n: number, step: number): number[] {
  const keys = Array.from({ length: n }, (_, m) => (m * step) % 1);
  const order = keys.map((_, m) => m).sort((a, b) => keys[a]! - keys[b]!);
  const rank = new Array<number>(n);
  order.forEach((m, r) => (rank[m] = r));
  return rank;
}

/** Buyers' total spending in market m at a tick (grows at growthPerYear, scales with the firm population). */
export function marketSpending(p: Scenario, m: { sizeShare: number }, tick: number): number {
  return p.markets.spendPerFirm * p.firms * m.sizeShare * Math.pow(1 + p.markets.growthPerYear, tick / p.ticksPerYear);
}
