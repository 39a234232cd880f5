/**
 * Aggregated foreign buyers: each market splits its budget between the
 * traditional channel and the platform by a logit over channel utility.
 *
 *   U_platform    = appeal + v·log(1 + pull_p/outside) − trustWeight·(1 − trust)
 *   U_traditional = −searchCost·distance + v·log(1 + pull_t/outside)
 *
 * The variety terms are the cross-side network effect: more and better sellers
 * in a channel draw buyers to it. The platform's own search friction acts
 * through its sellers' pull (small sellers are harder to find; see trade.ts).
 * Buyers react to last tick's sellers.
 */
import { marketSpending } from './markets.js';
import type { World } from './world.js';

/** Pull of suppliers from elsewhere in market m: what SME goods compete against in each channel. */
export function outsidePull(w: World, m: number): number {
  return w.scenario.buyers.outsideOption * w.scenario.firms * w.markets[m]!.sizeShare;
}

/** Share of market m's budget that goes to the platform, given last tick's sellers. */
export function platformChannelShare(w: World, m: number): number {
  if (!w.platform.active) return 0;
  const b = w.scenario.buyers;
  const d = w.markets[m]!.distance;
  const ms = w.market;
  const outside = ms.outsidePull[m]! || outsidePull(w, m);
  const uPlatform = b.platformAppeal + b.varietyWeight * Math.log(1 + ms.platformPull[m]! / outside) - b.trustWeight * (1 - w.platform.trust);
  const uTraditional = -b.searchCost * d + b.varietyWeight * Math.log(1 + (ms.directPull[m]! + ms.indirectPull[m]!) / outside);
  return 1 / (1 + Math.exp(uTraditional - uPlatform));
}

/** Sets each market's budget and its split between channels for this tick. */
export function splitBudgets(w: World): void {
  const ms = w.market;
  for (let m = 0; m < w.markets.length; m++) {
    const budget = marketSpending(w.scenario, w.markets[m]!, w.tick);
    const share = platformChannelShare(w, m);
    ms.spending[m] = budget;
    ms.platformBudget[m] = budget * share;
    ms.traditionalBudget[m] = budget - budget * share;
    ms.outsidePull[m] = outsidePull(w, m);
  }
}
