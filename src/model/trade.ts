/**
 * Prices, trade costs and buyers' attractiveness: the formulas both the
 * firms' expectations (entry) and the realised matching use, so the two can
 * never disagree.
 *
 * Per channel c and market m, buyers pay a delivered price; the seller is paid
 * the ex-factory price p = unit cost × (1 + markup), or on the platform the list
 * price less commission. Attractiveness of a seller's goods to buyers is
 *   appeal_i × tradeFactor[c][region, m] × brand term (direct channels only),
 * with appeal_i = quality^θq · categories^γ · p^(−η).
 */
import { complianceCostIn, saasShare } from './costs.js';
import type { Firms } from './firms.js';
import { deMinimisTable, dutyTable, subsidyTable, warehouseTables } from './policy.js';
import { pilotZoneOpen } from './regions.js';
import type { TradeTables, World } from './world-state.js';

export type { TradeTables } from './world-state.js';


/** log(k) for product-line counts k (a Uint8Array holds them), log(1) for 0: `appealOf` looks these up. */
const LOG_COUNT = Float64Array.from({ length: 256 }, (_, k) => Math.log(k || 1));

/** Rebuilds the trade tables from the parameters and platform state in force. */
export function buildTradeTables(w: World): TradeTables {
  const s = w.scenario;
  const R = w.regions.length;
  const M = w.markets.length;
  const eta = s.buyers.priceElasticity;
  const tau = w.platform.commission;
  const listFactor = 1 / (1 - s.platform.passThrough * tau);
  const t = (n: number) => new Float64Array(n);
  const warehouse = warehouseTables(s, M);
  const saas = saasShare(w);
  const tables: TradeTables = {
    indirectFactor: t(R * M), directFactor: t(R * M), platformFactor: t(R * M),
    indirectPaid: t(R * M), directPaid: t(R * M), platformPaid: t(R * M),
    indirectPriceRatio: t(R * M), directPriceRatio: t(R * M), platformPriceRatio: t(R * M),
    indirectOrderValue: t(R * M), directOrderValue: t(R * M), platformOrderValue: t(R * M),
    warehouseFactor: t(R * M), warehousePaid: t(R * M), warehousePriceRatio: t(R * M),
    directFriction: t(M), platformFriction: t(M),
    intermediaryReach: 0,
    listFactor,
    intermediaryPays: 1 - s.intermediary.squeeze,
    logStageQuality: Float64Array.from(s.firm.stageQuality, (q) => Math.log(q)),
    compliance: Float64Array.from(w.regions, (_, r) => complianceCostIn(w, r)),
    platformUpkeep: Float64Array.from(w.markets, (mk) => s.channels.platformMarketUpkeep * mk.distance * saas),
    warehouses: warehouse.markets,
    warehouseFee: warehouse.fee,
    duty: dutyTable(s, M),
    deMinimis: deMinimisTable(s, M),
    rebate: s.policy.exportRebate,
    shippingSubsidy: subsidyTable(w),
  };
  w.markets.forEach((mk, m) => {
    if (mk.distance <= s.intermediary.reach) tables.intermediaryReach |= 1 << m;
    tables.directFriction[m] = s.buyers.searchVisibility * s.buyers.searchCost * mk.distance;
    tables.platformFriction[m] = s.buyers.searchVisibility * s.platform.searchCost * mk.distance;
  });
  for (let r = 0; r < R; r++) {
    for (let m = 0; m < M; m++) {
      const k = r * M + m;
      // A logistics subsidy pays part of every shipment from the region; buyers pay the rest.
      const buyersPart = 1 - w.regions[r]!.logisticsSubsidy;
      const fullShip = traditionalShipping(w, r, m);
      const ship = fullShip * buyersPart;
      const customs = pilotZoneOpen(w.regions[r]!, w.tick) ? 1 - s.logistics.pilotZoneCustoms : 1;
      const platShip = (w.platform.stage >= 1 ? s.logistics.platformShippingRate * w.markets[m]!.distance : fullShip) * customs * buyersPart;
      const reach = (tables.intermediaryReach >> m) & 1;
      const ind = (1 + s.intermediary.margin) * (1 + ship);
      const dir = 1 + ship;
      const plat = listFactor * (1 + platShip);
      tables.indirectPriceRatio[k] = ind;
      tables.directPriceRatio[k] = dir;
      tables.platformPriceRatio[k] = plat;
      tables.indirectFactor[k] = reach ? Math.pow(ind, -eta) : 0;
      tables.directFactor[k] = Math.pow(dir, -eta);
      tables.platformFactor[k] = Math.pow(plat, -eta);
      orderValues(w, tables, r, m, customs);
      tables.indirectPaid[k] = (1 - s.intermediary.squeeze) / ind;
      tables.directPaid[k] = 1 / dir;
      tables.platformPaid[k] = (listFactor * (1 - tau)) / plat;
      // From a stocked warehouse: bulk freight in and local delivery cut shipping, faster delivery lifts demand.
      const stocked = listFactor * (1 + platShip * warehouse.shipping[m]!);
      tables.warehousePriceRatio[k] = stocked;
      tables.warehouseFactor[k] = Math.pow(stocked, -eta) * warehouse.lift[m]!;
      tables.warehousePaid[k] = (listFactor * (1 - tau)) / stocked;
    }
  }
  return tables;
}

/** Smallest fixed order cost, k USD: a pilot zone that waives all clearance still leaves orders of some size. */
const MIN_ORDER_COST = 1e-7;

/**
 * Buyers' order value in each channel from region r to market m: each buyer
 * solves the ordering problem of an economic order quantity. Ordering less
 * often saves the fixed cost K of an order; ordering more at once ties up
 * stock that costs h of its value a tick. With a demand rate D (in value),
 * the order that minimises K·D/V + h·V/2 is worth V* = √(2·K·D/h).
 * K is the channel's fixed order cost, raised by the buyer's search for a
 * seller at that distance as fair entry is (the trading company searches for
 * its buyers, so none there), and on the platform cut by a pilot zone's
 * customs facilitation (`customs`: 1 − pilotZoneCustoms, or 1).
 */
function orderValues(w: World, tables: TradeTables, r: number, m: number, customs: number): void {
  const s = w.scenario;
  const b = s.buyers;
  const d = w.markets[m]!.distance;
  const k = r * w.markets.length + m;
  const eoq = (fixedCost: number) => Math.sqrt((2 * Math.max(fixedCost, MIN_ORDER_COST) * b.demandRate) / b.holdingCost);
  tables.indirectOrderValue[k] = eoq(b.orderCost.indirect);
  tables.directOrderValue[k] = eoq(b.orderCost.direct * (1 + b.searchCost * d));
  tables.platformOrderValue[k] = eoq(b.orderCost.platform * (1 + s.platform.searchCost * d) * customs);
}

/** Shipping through traditional channels, as a share of the ex-factory price. */
function traditionalShipping(w: World, r: number, m: number): number {
  return w.scenario.logistics.shippingRate * w.regions[r]!.logisticsCost * w.markets[m]!.distance;
}

export function unitCost(w: World, i: number): number {
  return w.regions[w.firms.region[i]!]!.wage / w.firms.productivity[i]!;
}

/** Ex-factory price: unit cost × (1 + the stage's markup). */
export function exFactoryPrice(w: World, i: number): number {
  return priceFromCost(w, i, unitCost(w, i));
}

/** Firm i's ex-factory price from its unit cost already at hand (loops that need both divide once). */
export function priceFromCost(w: World, i: number, cost: number): number {
  return cost * (1 + w.scenario.firm.markups[w.firms.stage[i]!]!);
}

/** Buyers' attractiveness of firm i's goods before channel and market terms. */
export function appealOf(w: World, i: number): number {
  return appealAtPrice(w, i, exFactoryPrice(w, i));
}

/** `appealOf` from firm i's ex-factory price already at hand (a review prices the firm once for every channel). */
export function appealAtPrice(w: World, i: number, price: number): number {
  const s = w.scenario;
  const f: Firms = w.firms;
  const logQuality = w.trade.logStageQuality[f.stage[i]!]!;
  const logPrice = Math.log(price);
  const logCategories = LOG_COUNT[f.categories[i]!]!;
  return Math.exp(s.buyers.qualityWeight * logQuality + s.firm.categoryElasticity * logCategories - s.buyers.priceElasticity * logPrice);
}

/** Brand term of buyers' choice in direct channels: 1 + θb · brand · brand taste. */
export function brandTerm(brandWeight: number, brand: number, brandTaste: number): number {
  return 1 + brandWeight * brand * brandTaste;
}

/**
 * Pull of a seller on buyers: its attractiveness a, discounted by the chance
 * buyers find it at all, a / (a + friction). Search frictions hide small
 * sellers more than big ones; intermediaries do the search for their suppliers.
 */
export function found(a: number, friction: number): number {
  return friction > 0 ? (a * a) / (a + friction) : a;
}

/** Pull through the intermediary, for trade-table index k (region × markets + m). */
export function indirectPullAt(t: TradeTables, k: number, appeal: number): number {
  return appeal * t.indirectFactor[k]!;
}

/** Pull of a direct offline seller, for table index k, market m and the seller's brand term there. */
export function directPullAt(t: TradeTables, k: number, m: number, appeal: number, brand: number): number {
  return found(appeal * t.directFactor[k]! * brand, t.directFriction[m]!);
}

/**
 * Pull of a platform seller, for table index k, market m, and its brand, buyers' reputation and exposure terms;
 * `stocked` (1) when it ships to m from the overseas warehouse.
 */
export function platformPullAt(t: TradeTables, k: number, m: number, appeal: number, brand: number, reputation: number, exposure: number, stocked = 0): number {
  const factor = stocked ? t.warehouseFactor[k]! : t.platformFactor[k]!;
  return found(appeal * factor * brand * reputation * exposure, t.platformFriction[m]!);
}

/** Buyers' reputation term on the platform: exp(θr·(reputation − 1)), 1 for a perfect record. */
export function buyersReputationTerm(w: World, reputation: number): number {
  return Math.exp(w.scenario.buyers.reputationWeight * (reputation - 1));
}

/** What goods that cost `cost` to make honestly cost as made: counterfeits save `counterfeitSaving` of it. */
export function asMade(w: World, cost: number, counterfeit: boolean): number {
  return cost * (counterfeit ? 1 - w.scenario.platform.counterfeitSaving : 1);
}

/**
 * Operating margin per unit of what the firm is paid, for a channel's
 * paid-per-ex-factory ratio, with the export tax rebate (a share of receipts) added.
 */
export function marginOnReceipts(w: World, i: number, paidPerExFactory: number, counterfeit = false): number {
  const cost = unitCost(w, i);
  return marginWithRebate(w, asMade(w, cost, counterfeit), priceFromCost(w, i, cost), paidPerExFactory);
}

/** `marginOnReceipts` from the goods' cost as made and the ex-factory price already at hand. */
export function marginWithRebate(w: World, cost: number, price: number, paidPerExFactory: number): number {
  return marginAt(cost, price, paidPerExFactory) + w.trade.rebate;
}

/** `marginOnReceipts` from a unit cost and ex-factory price already at hand (loops over a firm's channels). */
export function marginAt(cost: number, price: number, paidPerExFactory: number): number {
  const paid = price * paidPerExFactory;
  return (paid - cost) / paid;
}
