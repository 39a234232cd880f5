/**
 * Ceilings on what a firm could earn in the best market it does not serve
 * yet, so that a review can pass over a channel's markets when even the
 * ceiling cannot pay for entering any of them. Most firms that review export
 * nowhere, and their reviews weighed 20 markets in each channel to find that
 * none pays; the ceiling finds it in a few operations, and a review that
 * skips makes the same choice it would have made (the same bits).
 *
 * Why it bounds: a newcomer of attractiveness a (after its channel's price
 * factor f) in market m is found with pull w = a²/(a + F) ≤ min(a, a²/F),
 * buyers spend B·w/(P + w) ≤ B·min(1, w/P) on it (P the pull already there),
 * and it is paid a share q of that. With a ≤ x·f, where x is the firm's
 * appeal × its best market fit × its largest brand term (× reputation and
 * exposure on the platform), receipts in any market are at most
 * min(max qB, x·max qBf/P, x²·max qBf²/(PF)), maxima over the markets of the
 * firm's region, computed once a tick.
 */
import type { Outlook } from './expectations.js';
import { brandTerm } from './trade.js';
import type { World } from './world.js';

/** Per region, the three maxima a channel's ceiling is made of; a market with P = 0 makes the last two infinite, one with F = 0 the last. */
export interface ChannelCeiling {
  whole: Float64Array;
  linear: Float64Array;
  square: Float64Array;
}

/** What every review of a tick bounds its markets with; refilled once a tick (`fillCeilings`). */
export interface Ceilings {
  direct: ChannelCeiling;
  platform: ChannelCeiling;
  /** Lowest and highest per-tick entry cost of a direct market, and lowest running cost of a platform market. */
  directEntryMin: number;
  directEntryMax: number;
  platformUpkeepMin: number;
  /** Lowest and highest weight buyers put on brand, over the markets. */
  tasteMin: number;
  tasteMax: number;
}

const emptyChannel = (): ChannelCeiling => ({ whole: new Float64Array(0), linear: new Float64Array(0), square: new Float64Array(0) });

/** The one record, reused every tick; numeric fields start as fractions so V8 holds them as doubles. */
const ceilings: Ceilings = { direct: emptyChannel(), platform: emptyChannel(), directEntryMin: 0.5, directEntryMax: 0.5, platformUpkeepMin: 0.5, tasteMin: 0.5, tasteMax: 0.5 };

export function fillCeilings(w: World, o: Outlook): Ceilings {
  const c = ceilings;
  const t = w.trade;
  const ms = w.market;
  fillChannel(c.direct, w.regions.length, t.directFactor, t.directPaid, t.directFriction, ms.traditionalBudget, o.traditionalPull);
  fillChannel(c.platform, w.regions.length, t.platformFactor, t.platformPaid, t.platformFriction, ms.platformBudget, o.platformPull);
  c.directEntryMin = Math.min(...o.fairEntryPerTick);
  c.directEntryMax = Math.max(...o.fairEntryPerTick);
  c.platformUpkeepMin = Math.min(...t.platformUpkeep);
  c.tasteMin = Math.min(...o.brandTaste);
  c.tasteMax = Math.max(...o.brandTaste);
  return c;
}

function fillChannel(c: ChannelCeiling, R: number, factor: Float64Array, paid: Float64Array, friction: Float64Array, budget: Float64Array, pull: Float64Array): void {
  if (c.whole.length !== R) Object.assign(c, { whole: new Float64Array(R), linear: new Float64Array(R), square: new Float64Array(R) });
  const M = budget.length;
  for (let r = 0; r < R; r++) {
    let whole = 0;
    let linear = 0;
    let square = 0;
    for (let m = 0; m < M; m++) {
      const k = r * M + m;
      const qB = paid[k]! * budget[m]!;
      const P = pull[m]!;
      const F = friction[m]!;
      whole = Math.max(whole, qB);
      linear = Math.max(linear, P > 0 ? (qB * factor[k]!) / P : Infinity);
      square = Math.max(square, P > 0 && F > 0 ? (qB * factor[k]! * factor[k]!) / (P * F) : Infinity);
    }
    c.whole[r] = whole;
    c.linear[r] = linear;
    c.square[r] = square;
  }
}

/** At most what a newcomer of attractiveness x (before the channel's price factor) takes in any market of region r; NaN (never below anything) for x ≤ 0. */
export function receiptsCeiling(c: ChannelCeiling, r: number, x: number): number {
  if (!(x > 0)) return NaN;
  return Math.min(c.whole[r]!, x * c.linear[r]!, x * x * c.square[r]!);
}

/** The largest brand term a firm has in any market: 1 + θb · brand · taste is linear in taste (and ≥ 1, all three being ≥ 0). */
export function largestBrandTerm(c: Ceilings, brandWeight: number, brand: number): number {
  return Math.max(brandTerm(brandWeight, brand, c.tasteMin), brandTerm(brandWeight, brand, c.tasteMax));
}

/** The largest of firm i's market fits (its row of M from `row`). */
export function bestFit(fit: Float32Array, row: number, M: number): number {
  let best = 0;
  for (let m = 0; m < M; m++) best = Math.max(best, fit[row + m]!);
  return best;
}

/**
 * Whether a review's best move so far (`best`) beats every market of a channel
 * whose values are at most `bound`: with a relative slack of 10⁻⁹ on the
 * terms `bound` was made of (`scale`), so rounding in either never lets a
 * skipped market have won.
 */
export function beatsEvery(best: number, bound: number, scale: number): boolean {
  return bound + 1e-9 * scale < best;
}
