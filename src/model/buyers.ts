/**
 * Aggregated foreign buyers: each market splits its budget between the
 * traditional channel, the platform and suppliers elsewhere (the buyers' own
 * or other countries') by a logit over their utilities:
 *
 *   U_platform    = appeal + v·log(1 + pull_p/outside) − trustWeight·(1 − trust)
 *   U_traditional = −searchCost·distance + v·log(1 + pull_t/outside)
 *   U_elsewhere   = elsewhereUtility
 *
 * The variety terms are the cross-side network effect: more and better sellers
 * in a channel draw buyers to it. The platform's own search friction acts
 * through its sellers' pull (small sellers are harder to find; see trade.ts).
 * Buyers react to last tick's sellers.
 */
import { marketSpending } from './markets.js';
import type { MarketState, World } from './world.js';

/** Smallest outside pull per firm the variety terms are measured against. */
const MIN_OUTSIDE_PER_FIRM = 1e-6;

/** Pull of suppliers from elsewhere in market m: what SME goods compete against in each channel. */
export function outsidePull(w: World, m: number): number {
  return w.scenario.buyers.outsideOption * w.scenario.firms * w.markets[m]!.sizeShare;
}

/** Total pull buyers divide market m's traditional budget by: direct and intermediated sellers, and suppliers elsewhere. */
export function traditionalPullIn(ms: MarketState, m: number): number {
  return ms.directPull[m]! + ms.indirectPull[m]! + ms.outsidePull[m]!;
}

/** Total pull buyers divide market m's platform budget by: platform sellers, and suppliers elsewhere. */
export function platformPullIn(ms: MarketState, m: number): number {
  return ms.platformPull[m]! + ms.outsidePull[m]!;
}

/** Shares of market m's budget that go to the platform and to the traditional channel (the rest buys elsewhere), given last tick's sellers. */
export function channelShares(w: World, m: number): { platform: number; traditional: number } {
  const b = w.scenario.buyers;
  const d = w.markets[m]!.distance;
  const ms = w.market;
  // Variety is measured against the pull of suppliers elsewhere; with no outside option, against a token one.
  const outside = Math.max(ms.outsidePull[m]! || outsidePull(w, m), MIN_OUTSIDE_PER_FIRM * w.scenario.firms * w.markets[m]!.sizeShare);
  const uTraditional = -b.searchCost * d + b.varietyWeight * Math.log(1 + (ms.directPull[m]! + ms.indirectPull[m]!) / outside);
  const uPlatform = w.platform.active
    ? b.platformAppeal + b.varietyWeight * Math.log(1 + ms.platformPull[m]! / outside) - b.trustWeight * (1 - w.platform.trust)
    : -Infinity;
  // Softmax shifted by the largest utility, so no exponential overflows.
  const top = Math.max(uTraditional, uPlatform, b.elsewhereUtility);
  const traditional = Math.exp(uTraditional - top);
  const platform = Math.exp(uPlatform - top);
  const total = platform + traditional + Math.exp(b.elsewhereUtility - top);
  return { platform: platform / total, traditional: traditional / total };
}

/** Sets each market's budget and its split between channels for this tick. */
export function splitBudgets(w: World): void {
  const ms = w.market;
  for (let m = 0; m < w.markets.length; m++) {
    const budget = marketSpending(w.scenario, w.markets[m]!, w.tick);
    const share = channelShares(w, m);
    ms.spending[m] = budget;
    ms.platformBudget[m] = budget * share.platform;
    ms.traditionalBudget[m] = budget * share.traditional;
    ms.outsidePull[m] = outsidePull(w, m);
  }
}
