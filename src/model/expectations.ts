/**
 * What a firm expects a channel or market to pay it per tick, from last tick's
 * market aggregates (buyers' budgets and the pull of the sellers already
 * there): receipts = budget × own pull / (total pull + own pull if new) × share paid.
 */
import { platformPullIn, traditionalPullIn } from './buyers.js';
import { fairEntryCost } from './costs.js';
import { Channel, lowestMarket, reputationOf } from './firms.js';
import { DIRECT, INDIRECT, PLATFORM, sellerDuty, stockedMarkets } from './policy.js';
import { exposureFor, scoreOf } from './traffic.js';
import { brandTerm, buyersReputationTerm, directPullAt, indirectPullAt, platformPullAt } from './trade.js';
import type { World } from './world.js';

/**
 * Last tick's markets as every review of this tick sees them (matching
 * refreshes them only after entry), summed once per tick rather than per
 * firm and market.
 */
export interface Outlook {
  /** Pull already in each market's traditional channel: direct + intermediated + elsewhere. */
  traditionalPull: Float64Array;
  /** Pull already on the platform in each market: its sellers + elsewhere. */
  platformPull: Float64Array;
  brandTaste: Float64Array;
  /** One-off cost of entering each market directly (`fairEntryCost`). */
  fairEntry: Float64Array;
  /** The same amortised over the planning horizon, per tick: what a review weighs a move by. */
  fairEntryPerTick: Float64Array;
}

export function outlook(w: World): Outlook {
  const ms = w.market;
  const M = w.markets.length;
  const o: Outlook = { traditionalPull: new Float64Array(M), platformPull: new Float64Array(M), brandTaste: new Float64Array(M), fairEntry: new Float64Array(M), fairEntryPerTick: new Float64Array(M) };
  for (let m = 0; m < M; m++) {
    o.traditionalPull[m] = traditionalPullIn(ms, m);
    o.platformPull[m] = platformPullIn(ms, m);
    o.brandTaste[m] = w.markets[m]!.brandTaste;
    o.fairEntry[m] = fairEntryCost(w, m);
    o.fairEntryPerTick[m] = o.fairEntry[m]! / w.scenario.firm.planningHorizon;
  }
  return o;
}

/** Index of firm i's (region, market m) row in the trade tables. */
function tableIndex(w: World, i: number, m: number): number {
  return w.firms.region[i]! * w.markets.length + m;
}

/** How much buyers in market m like firm i's goods, relative to the mean (firm × market demand draw). */
export function fitIn(w: World, i: number, m: number): number {
  return w.firms.marketFit[i * w.markets.length + m]!;
}

/**
 * Buyers' attractiveness term, (1 + duty)^(−η), and the share of their
 * spending left after duty, 1/(1 + duty), for firm i's orders in channel c
 * and market m; both 1 without tariffs.
 */
function dutyTerms(w: World, i: number, c: number, m: number): { pull: number; paid: number } {
  const x = sellerDuty(w, i, c, m);
  return x === 1 ? NO_DUTY : { pull: Math.pow(x, -w.scenario.buyers.priceElasticity), paid: 1 / x };
}
const NO_DUTY = { pull: 1, paid: 1 };

/** Buyer brand term of firm i in market m. */
function brandIn(w: World, o: Outlook, i: number, m: number): number {
  return brandTerm(w.scenario.buyers.brandWeight, w.firms.brand[i]!, o.brandTaste[m]!);
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
  w: World, o: Outlook, i: number, m: number, appeal: number, exposure: number,
  repTerm: number = buyersReputationTerm(w, plannedReputation(w, i)),
): number {
  const k = tableIndex(w, i, m);
  const listedHere = (w.firms.channels[i]! & Channel.platform) !== 0 && (w.firms.platformMarkets[i]! & (1 << m)) !== 0;
  if (w.trade.duty) return dutiableReceipts(w, o, i, m, appeal, exposure, repTerm, listedHere);
  return platformReceiptsAt(w, o, k, m, appeal * fitIn(w, i, m), brandIn(w, o, i, m), repTerm, exposure, !listedHere);
}

/**
 * `expectedPlatformReceipts` without tariffs, from the seller's terms at hand
 * (loops over markets): index k, market m, appeal × fit there, brand term
 * there, reputation term, exposure, and whether it would be new there.
 */
export function platformReceiptsAt(w: World, o: Outlook, k: number, m: number, ownAppeal: number, brand: number, repTerm: number, exposure: number, isNew: boolean): number {
  const weight = platformPullAt(w.trade, k, m, ownAppeal, brand, repTerm, exposure);
  const pull = o.platformPull[m]! + (isNew ? weight : 0);
  return budgetShare(w.market.platformBudget[m]!, weight, pull) * w.trade.platformPaid[k]!;
}

/** `expectedPlatformReceipts` when some market has a tariff: buyers see duty-inclusive prices, the firm is paid net of duty. */
function dutiableReceipts(w: World, o: Outlook, i: number, m: number, appeal: number, exposure: number, repTerm: number, listedHere: boolean): number {
  const k = tableIndex(w, i, m);
  const duty = dutyTerms(w, i, PLATFORM, m);
  const weight = platformPullAt(w.trade, k, m, appeal * fitIn(w, i, m) * duty.pull, brandIn(w, o, i, m), repTerm, exposure);
  const pull = o.platformPull[m]! + (listedHere ? 0 : weight);
  return budgetShare(w.market.platformBudget[m]!, weight, pull) * w.trade.platformPaid[k]! * duty.paid;
}

/** Expected platform receipts per tick in a market with an overseas warehouse: shipping plain, and from the stocked warehouse. */
export interface WarehouseOptions {
  plain: number;
  stocked: number;
}

/** The one record, refilled per call; fields start as fractions so V8 holds them as doubles. */
const warehouseRecord: WarehouseOptions = { plain: 0.5, stocked: 0.5 };

/**
 * Expected receipts from selling on the platform in market m (which has an
 * overseas warehouse) without and with stocking it. The seller's present
 * choice is valued as `expectedPlatformReceipts` values it (the same numbers,
 * so a warehouse nobody stocks changes no decision); the other with its own
 * pull taken out of the market's and the other's put in, paid on the other's
 * delivered price. Arguments as for `expectedPlatformReceipts`; the record is reused.
 */
export function warehouseOptions(w: World, o: Outlook, i: number, m: number, appeal: number, exposure: number, repTerm: number): WarehouseOptions {
  const t = w.trade;
  const k = tableIndex(w, i, m);
  const duty = t.duty ? dutyTerms(w, i, PLATFORM, m) : NO_DUTY;
  const a = appeal * fitIn(w, i, m) * duty.pull;
  const brand = brandIn(w, o, i, m);
  const plain = platformPullAt(t, k, m, a, brand, repTerm, exposure, 0);
  const stocked = platformPullAt(t, k, m, a, brand, repTerm, exposure, 1);
  const listedHere = (w.firms.channels[i]! & Channel.platform) !== 0 && (w.firms.platformMarkets[i]! & (1 << m)) !== 0;
  const budget = w.market.platformBudget[m]!;
  const pull = o.platformPull[m]!;
  if (!listedHere) {
    warehouseRecord.plain = budgetShare(budget, plain, pull + plain) * t.platformPaid[k]! * duty.paid;
    warehouseRecord.stocked = budgetShare(budget, stocked, pull + stocked) * t.warehousePaid[k]! * duty.paid;
  } else if ((stockedMarkets(w, i) >>> m) & 1) {
    warehouseRecord.stocked = budgetShare(budget, stocked, pull) * t.warehousePaid[k]! * duty.paid;
    warehouseRecord.plain = budgetShare(budget, plain, Math.max(0, pull - stocked) + plain) * t.platformPaid[k]! * duty.paid;
  } else {
    warehouseRecord.plain = budgetShare(budget, plain, pull) * t.platformPaid[k]! * duty.paid;
    warehouseRecord.stocked = budgetShare(budget, stocked, Math.max(0, pull - plain) + stocked) * t.warehousePaid[k]! * duty.paid;
  }
  return warehouseRecord;
}

/** Buyers' spending on a seller of pull `own` in a market of total pull `pull` (its own included): what every expected receipt starts from. */
function budgetShare(budget: number, own: number, pull: number): number {
  return pull > 0 ? (budget * own) / pull : 0;
}

/** Exposure a firm would get on the platform now (cold start for a newcomer). */
export function prospectiveExposure(w: World, i: number, appeal: number): number {
  if (w.scenario.platform.traffic.rule === 'random') return 1;
  return exposureFor(w, scoreOf(w, i, appeal, plannedReputation(w, i)));
}

/** Expected receipts from selling direct offline in market m. */
export function expectedDirectReceipts(w: World, o: Outlook, i: number, m: number, appeal: number): number {
  const k = tableIndex(w, i, m);
  const isNew = (w.firms.directMarkets[i]! & (1 << m)) === 0;
  if (!w.trade.duty) return directReceiptsAt(w, o, k, m, appeal * fitIn(w, i, m), brandIn(w, o, i, m), isNew);
  const duty = dutyTerms(w, i, DIRECT, m);
  return directReceiptsAt(w, o, k, m, appeal * fitIn(w, i, m) * duty.pull, brandIn(w, o, i, m), isNew) * duty.paid;
}

/**
 * `expectedDirectReceipts` from the seller's terms at hand (loops over
 * markets): trade-table index k, market m, its appeal there × fit × any duty
 * term, its brand term there, and whether it would be new there.
 */
export function directReceiptsAt(w: World, o: Outlook, k: number, m: number, ownAppeal: number, brand: number, isNew: boolean): number {
  const weight = directPullAt(w.trade, k, m, ownAppeal, brand);
  const pull = o.traditionalPull[m]! + (isNew ? weight : 0);
  return budgetShare(w.market.traditionalBudget[m]!, weight, pull) * w.trade.directPaid[k]!;
}

/** Expected receipts from supplying the regional intermediary (every market within its reach). */
export function expectedIndirectReceipts(w: World, o: Outlook, i: number, appeal: number): number {
  const t = w.trade;
  const supplies = (w.firms.channels[i]! & Channel.indirect) !== 0;
  const M = w.markets.length;
  const row = i * M;
  const base = w.firms.region[i]! * M;
  const fit = w.firms.marketFit;
  const budget = w.market.traditionalBudget;
  let total = 0;
  for (let reach = t.intermediaryReach; reach; reach &= reach - 1) {
    const m = lowestMarket(reach);
    const k = base + m;
    const duty = t.duty ? dutyTerms(w, i, INDIRECT, m) : NO_DUTY;
    const weight = indirectPullAt(t, k, t.duty ? appeal * fit[row + m]! * duty.pull : appeal * fit[row + m]!);
    const pull = o.traditionalPull[m]! + (supplies ? 0 : weight);
    const receipts = budgetShare(budget[m]!, weight, pull) * t.indirectPaid[k]!;
    total += t.duty ? receipts * duty.paid : receipts;
  }
  return total;
}
