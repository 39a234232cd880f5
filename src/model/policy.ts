/**
 * Trade-policy levers (`policy.*` and `regions.<name>.logisticsSubsidy`):
 * tariffs by market and channel with de minimis thresholds, export tax
 * rebates, logistics subsidies, public overseas warehouses, a commission cap
 * and traffic-rule mandates. Each is off by default. The trade tables carry
 * what prices and pulls need (built in `buildTradeTables`); this file says
 * how an entry list becomes per-market values and what a seller's orders pay.
 *
 * Who pays: tariffs are paid by buyers (the importer of record), on the
 * delivered value before duty; rebates and logistics subsidies are paid by
 * the home government, the first to the exporter, the second to the carrier.
 */
import { lowestMarket } from './firms.js';
import { ALL_MARKETS, CHANNEL_NAMES, marketIndex, type Scenario } from './params.js';
import type { TradeTables, World } from './world-state.js';

/** Channel rows of the duty table: the order of `CHANNEL_NAMES` (and of the channel bits). */
export const INDIRECT = 0;
export const DIRECT = 1;
export const PLATFORM = 2;

/** The markets a policy entry names (every market for `all`). */
function marketsOf(ref: string | number, M: number): number[] {
  const m = ref === ALL_MARKETS ? -1 : marketIndex(ref, M);
  if (m === undefined) return []; // the schema rejects it; nothing to apply
  return m < 0 ? Array.from({ length: M }, (_, k) => k) : [m];
}

/**
 * Tariff rate by channel and market (row c · M + m), entries applied in
 * order; null when no market has a tariff, so the hot loops skip duties altogether.
 */
export function dutyTable(s: Scenario, M: number): Float64Array | null {
  const duty = new Float64Array(CHANNEL_NAMES.length * M);
  for (const entry of s.policy.tariffs) {
    for (const m of marketsOf(entry.market, M)) {
      CHANNEL_NAMES.forEach((name, c) => {
        if (entry.channels.includes(name)) duty[c * M + m] = entry.rate;
      });
    }
  }
  return duty.some((r) => r > 0) ? duty : null;
}

/** De minimis threshold by market (k USD per order; 0: every order pays duty). */
export function deMinimisTable(s: Scenario, M: number): Float64Array {
  const t = new Float64Array(M);
  for (const entry of s.policy.deMinimis) for (const m of marketsOf(entry.market, M)) t[m] = entry.threshold;
  return t;
}

/** Overseas warehouses by market: the markets that have one (bit set), platform shipping multiplier, demand multiplier and fee per seller (1, 1, 0 without). */
export function warehouseTables(s: Scenario, M: number): { markets: number; shipping: Float64Array; lift: Float64Array; fee: Float64Array } {
  const shipping = new Float64Array(M).fill(1);
  const lift = new Float64Array(M).fill(1);
  const fee = new Float64Array(M);
  let markets = 0;
  for (const entry of s.policy.warehouses) {
    for (const m of marketsOf(entry.market, M)) {
      markets |= 1 << m;
      shipping[m] = 1 - entry.shippingCut;
      lift[m] = 1 + entry.deliveryLift;
      fee[m] = entry.fee;
    }
  }
  return { markets, shipping, lift, fee };
}

/**
 * The platform markets where firm i ships from a stocked overseas warehouse:
 * those it chose to stock that still have one and that it still serves.
 */
export function stockedMarkets(w: World, i: number): number {
  const f = w.firms;
  return f.warehouseMarkets[i]! & f.platformMarkets[i]! & w.trade.warehouses;
}

/** Fees per tick firm i pays for the warehouses it stocks. */
export function warehouseFees(w: World, i: number): number {
  let fees = 0;
  for (let b = stockedMarkets(w, i); b; b &= b - 1) fees += w.trade.warehouseFee[lowestMarket(b)]!;
  return fees;
}

/**
 * Buyers' duty multiplier, 1 + rate, on an order in channel c and market m
 * worth `orderValue` before duty; 1 when the channel is duty-free there or the
 * order is below the market's de minimis threshold. Needs `t.duty`.
 */
export function dutyMultiplier(t: TradeTables, c: number, m: number, orderValue: number): number {
  const M = t.deMinimis.length;
  const rate = t.duty![c * M + m]!;
  return rate === 0 || orderValue < t.deMinimis[m]! ? 1 : 1 + rate;
}

/** Buyers' order value in channel c (the trade table, region × markets + m), k USD before duty. */
export function orderValueOf(t: TradeTables, c: number): Float64Array {
  return c === INDIRECT ? t.indirectOrderValue : c === DIRECT ? t.directOrderValue : t.platformOrderValue;
}

/**
 * Duty multiplier on firm i's orders in channel c and market m. Buyers' order
 * value (their economic order, the same for every seller of a region) decides
 * whether the order is below the de minimis threshold.
 */
export function sellerDuty(w: World, i: number, c: number, m: number): number {
  const t = w.trade;
  if (!t.duty) return 1;
  const k = w.firms.region[i]! * t.deMinimis.length + m;
  return dutyMultiplier(t, c, m, orderValueOf(t, c)[k]!);
}

/**
 * Fills `out[m]` with the duty multiplier of firm i's orders in channel c for
 * every market m (the multipliers `channelOrders` prices orders with).
 */
export function fillSellerDuties(w: World, i: number, c: number, out: Float64Array): Float64Array {
  for (let m = 0; m < out.length; m++) out[m] = sellerDuty(w, i, c, m);
  return out;
}

/**
 * The government's share of shipping per unit of shipping buyers pay, by
 * region: s/(1 − s) for a logistics subsidy s (0 without).
 */
export function subsidyTable(w: World): Float64Array {
  return Float64Array.from(w.regions, (r) => r.logisticsSubsidy / (1 - r.logisticsSubsidy));
}

/** Algorithm transparency in force: the platform's own, raised to a mandated floor. */
export function transparencyOf(s: Scenario): number {
  return Math.max(s.platform.governance.transparency, s.policy.transparencyFloor);
}
