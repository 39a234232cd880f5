/**
 * Traffic allocation: the platform ranks listed sellers by a score and turns
 * scores into exposure with a softmax of the given concentration. Sellers buy
 * pay-to-rank ads when the perceived ad weight makes them pay.
 *
 *   score_i = w_q·log(appeal_i·listing_i) + w_r·reputation_i + w_b·brand_i
 *           + w_ad·log(1 + adStock_i) + w_new·[new seller]
 *   exposure_i = n · exp(β·score_i) / Σ_j exp(β·score_j)     (mean 1 over sellers)
 */
import { Channel, reputationOf, type Firms } from './firms.js';
import { marginOnReceipts } from './trade.js';
import type { World } from './world.js';

/** Listing quality: digitally capable sellers make listings that convert better. */
function listingQuality(f: Firms, i: number): number {
  return 0.5 + f.digital[i]!;
}

export function isListed(w: World, i: number): boolean {
  return (w.firms.channels[i]! & Channel.platform) !== 0;
}

/** Ranking score of firm i as the platform sees it now, or with the given reputation. */
export function scoreOf(w: World, i: number, appeal: number, reputation?: number): number {
  const f = w.firms;
  const wt = w.platform.weights;
  const rv = w.scenario.platform.reviews;
  const isNew = f.platformAge[i]! < w.scenario.platform.traffic.coldStartTicks || !isListed(w, i);
  return (
    wt.quality * Math.log(appeal * listingQuality(f, i)) +
    wt.reputation * (reputation ?? reputationOf(f, i, rv.priorGood, rv.priorBad)) +
    wt.brand * f.brand[i]! +
    (wt.ad === 0 ? 0 : wt.ad * Math.log(1 + f.adStock[i]!)) + // most rules give ads no weight: skip the logarithm
    (isNew ? wt.newSeller : 0)
  );
}

/** Exposure multiplier a seller with this score would get against last tick's field. */
export function exposureFor(w: World, score: number): number {
  const p = w.platform;
  if (p.listed === 0 || p.scoreMass === 0) return 1;
  const x = Math.exp(w.scenario.platform.traffic.concentration * (score - p.scoreShift));
  return ((p.listed + 1) * x) / (p.scoreMass + x);
}

/** How much of its platform margin a seller expects to spend on ads: the perceived exposure elasticity, capped below 1. */
export function perceivedAdBurden(w: World, i: number): number {
  const k = w.scenario.platform.traffic.concentration * w.platform.weights.ad * w.firms.adWeightMisread[i]!;
  return Math.min(0.95, k);
}

/**
 * Ad choice: keep the ad stock where its marginal exposure gain pays its user
 * cost, k·μ·R/(1+A) = price·(decay + interest), given expected platform receipts R.
 */
function chooseAds(w: World, i: number): void {
  const f = w.firms;
  const s = w.scenario;
  const decay = s.platform.adDecay;
  const burden = perceivedAdBurden(w, i);
  let spend = 0;
  if (burden > 0) {
    const mu = Math.max(0, marginOnReceipts(w, i, w.trade.listFactor * (1 - w.platform.commission)));
    const target = Math.max(0, (burden * mu * f.expectedPlatform[i]!) / (s.platform.adPrice * (decay + s.finance.interestRate)) - 1);
    const want = s.platform.adPrice * Math.max(0, target - (1 - decay) * f.adStock[i]!);
    spend = Math.min(want, Math.max(0, f.cash[i]!));
  }
  f.adStock[i] = (1 - decay) * f.adStock[i]! + spend / s.platform.adPrice;
  f.adSpend[i] = spend;
  f.cash[i]! -= spend;
  f.profit[i]! -= spend;
  w.ledger.adSpend += spend;
}

/**
 * Ranks listed sellers: pays their ads, scores them and leaves the exposure
 * multiplier in `w.score` (1 on average over listed sellers).
 */
export function allocateTraffic(w: World): void {
  const f = w.firms;
  const beta = w.scenario.platform.traffic.concentration;
  const random = w.scenario.platform.traffic.rule === 'random';
  const rng = w.rng.get('traffic');
  let listed = 0;
  let shift = -Infinity;
  for (let i = 0; i < f.capacity; i++) {
    if (!isListed(w, i)) continue;
    chooseAds(w, i);
    const sc = random ? rng.normal() : scoreOf(w, i, w.appeal[i]!);
    w.score[i] = sc;
    if (sc > shift) shift = sc;
    listed++;
  }
  let mass = 0;
  for (let i = 0; i < f.capacity; i++) {
    if (!isListed(w, i)) continue;
    const x = Math.exp(beta * (w.score[i]! - shift));
    w.score[i] = x;
    mass += x;
  }
  for (let i = 0; i < f.capacity; i++) if (isListed(w, i)) w.score[i] = (listed * w.score[i]!) / mass;
  w.platform.listed = listed;
  w.platform.scoreMass = mass;
  w.platform.scoreShift = listed > 0 ? shift : 0;
}
