/**
 * What a firm expects a channel or market to pay it per tick, from last tick's
 * market aggregates (buyers' budgets and the pull of the sellers already
 * there): receipts = budget × own pull / (total pull + own pull if new) × share paid.
 */
import { Channel, reputationOf } from './firms.js';
import { exposureFor, scoreOf } from './traffic.js';
import { buyersReputationTerm, directPull, indirectPull, platformPull } from './trade.js';
import type { World } from './world.js';

function tableIndex(w: World, i: number, m: number): number {
  return w.firms.region[i]! * w.markets.length + m;
}

/**
 * The reputation a seller plans on: its record if listed; a newcomer looks
 * past the cold start to the record an honest seller earns.
 */
export function plannedReputation(w: World, i: number): number {
  const rv = w.scenario.platform.reviews;
  return w.firms.channels[i]! & Channel.platform ? reputationOf(w.firms, i, rv.priorGood, rv.priorBad) : rv.goodHonest;
}

/**
 * Expected receipts from selling on the platform in market m; `exposure` is the seller's exposure multiplier,
 * `repTerm` buyers' reputation term for the reputation it plans on (pass it when looping over markets).
 */
export function expectedPlatformReceipts(
  w: World, i: number, m: number, appeal: number, exposure: number,
  repTerm: number = buyersReputationTerm(w, plannedReputation(w, i)),
): number {
  const ms = w.market;
  const k = tableIndex(w, i, m);
  const listedHere = (w.firms.channels[i]! & Channel.platform) !== 0 && (w.firms.platformMarkets[i]! & (1 << m)) !== 0;
  const weight = platformPull(w, i, m, appeal, exposure, repTerm);
  const pull = ms.platformPull[m]! + ms.outsidePull[m]! + (listedHere ? 0 : weight);
  return pull > 0 ? ((ms.platformBudget[m]! * weight) / pull) * w.trade.platformPaid[k]! : 0;
}

/** Exposure a firm would get on the platform now (cold start for a newcomer). */
export function prospectiveExposure(w: World, i: number, appeal: number): number {
  if (w.scenario.platform.traffic.rule === 'random') return 1;
  return exposureFor(w, scoreOf(w, i, appeal, plannedReputation(w, i)));
}

/** Expected receipts from selling direct offline in market m. */
export function expectedDirectReceipts(w: World, i: number, m: number, appeal: number): number {
  const ms = w.market;
  const k = tableIndex(w, i, m);
  const servesHere = (w.firms.directMarkets[i]! & (1 << m)) !== 0;
  const weight = directPull(w, i, m, appeal);
  const pull = ms.directPull[m]! + ms.indirectPull[m]! + ms.outsidePull[m]! + (servesHere ? 0 : weight);
  return pull > 0 ? ((ms.traditionalBudget[m]! * weight) / pull) * w.trade.directPaid[k]! : 0;
}

/** Expected receipts from supplying the regional intermediary (all markets within its reach). */
export function expectedIndirectReceipts(w: World, i: number, appeal: number): number {
  const ms = w.market;
  const supplies = (w.firms.channels[i]! & Channel.indirect) !== 0;
  let total = 0;
  for (let m = 0; m < w.markets.length; m++) {
    if (!(w.trade.intermediaryReach & (1 << m))) continue;
    const k = tableIndex(w, i, m);
    const weight = indirectPull(w, i, m, appeal);
    const pull = ms.directPull[m]! + ms.indirectPull[m]! + ms.outsidePull[m]! + (supplies ? 0 : weight);
    if (pull > 0) total += ((ms.traditionalBudget[m]! * weight) / pull) * w.trade.indirectPaid[k]!;
  }
  return total;
}
