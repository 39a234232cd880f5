/**
 * Matching: buyers' channel budgets are spent across visible sellers by a
 * logit over quality, brand, reputation and price, weighted by exposure on the
 * platform and by market presence offline. Orders are integer Poisson draws,
 * so small sellers face real noise; money is booked where it goes.
 */
import { Channel, lowestMarket, reputationOf, type Firms } from './firms.js';
import { platformPullIn, splitBudgets, traditionalPullIn } from './buyers.js';
import { allocateTraffic } from './traffic.js';
import { appealOf, asMade, brandTerm, buyersReputationTerm, directPullAt, indirectPullAt, platformPullAt, priceFromCost, unitCost } from './trade.js';
import { DIRECT, fillSellerDuties, INDIRECT, PLATFORM, stockedMarkets } from './policy.js';
import { spendingPower } from './finance.js';
import type { Rng } from '../engine/rng.js';
import type { World } from './world.js';

/** Buyers' reputation term on the platform for the seller's current record. */
function reputationTerm(w: World, i: number): number {
  const rv = w.scenario.platform.reviews;
  return buyersReputationTerm(w, reputationOf(w.firms, i, rv.priorGood, rv.priorBad));
}

/**
 * Per-tick constants of the pull formulas (trade.ts), hoisted out of the
 * per-firm loops: the formulas are the same, term by term and in the same order.
 */
interface PullTerms {
  M: number;
  /** Buyers' price elasticity η, and a seller's duty multipliers per market (when a market has a tariff). */
  eta: number;
  duties: Float64Array;
  brandWeight: number;
  brandTaste: Float64Array;
  reach: number;
  /**
   * Pass 1's pull of every (seller, market, channel) served, in the order pass 2
   * visits them: pass 2 reads the same numbers back instead of recomputing them.
   */
  tape: Float64Array;
  /** Scratch laid out as the trade tables: one seller's platform price ratios (`platformRatiosOf`). */
  ratios: Float64Array;
}

/** One pull tape per firm population, reused every tick. */
const tapes = new WeakMap<Firms, Float64Array>();

function pullTerms(w: World): PullTerms {
  const f = w.firms;
  let tape = tapes.get(f);
  if (!tape) tapes.set(f, (tape = new Float64Array(f.capacity)));
  return {
    M: w.markets.length,
    eta: w.scenario.buyers.priceElasticity,
    duties: new Float64Array(w.markets.length),
    brandWeight: w.scenario.buyers.brandWeight,
    brandTaste: Float64Array.from(w.markets, (mk) => mk.brandTaste),
    reach: w.trade.intermediaryReach,
    tape,
    ratios: new Float64Array(w.trade.platformPriceRatio.length),
  };
}

/** The tape with room for `needed` entries, its first `used` kept (grown by half again, so rarely). */
function roomOnTape(w: World, pt: PullTerms, used: number, needed: number): Float64Array {
  if (needed <= pt.tape.length) return pt.tape;
  const grown = new Float64Array(Math.ceil(1.5 * needed));
  grown.set(pt.tape.subarray(0, used));
  tapes.set(w.firms, grown);
  return (pt.tape = grown);
}

/**
 * Pass 1: every seller's pull on each market and channel, channel by channel
 * (the order pass 2 reads them back in).
 */
function accumulatePulls(w: World, pt: PullTerms): void {
  const f = w.firms;
  const ms = w.market;
  const t = w.trade;
  const M = pt.M;
  const fit = f.marketFit;
  const indirectPull = ms.indirectPull;
  const directPull = ms.directPull;
  const platformPull = ms.platformPull;
  const sellers = ms.sellers;
  indirectPull.fill(0);
  directPull.fill(0);
  platformPull.fill(0);
  sellers.fill(0);
  ms.platformSellers.fill(0);
  ms.offlineSellers.fill(0);
  let tape = pt.tape;
  const most = 3 * M; // tape entries one seller can add
  let n = 0;
  for (let i = 0; i < f.capacity; i++) {
    const ch = f.channels[i]!;
    if (!ch) continue;
    if (n + most > tape.length) tape = roomOnTape(w, pt, n, n + most);
    const indirectBits = ch & Channel.indirect ? pt.reach : 0;
    const directBits = ch & Channel.direct ? f.directMarkets[i]! : 0;
    const platformBits = ch & Channel.platform ? f.platformMarkets[i]! : 0;
    const appeal = w.appeal[i]!;
    const base = f.region[i]! * M;
    const row = i * M;
    if (t.duty) {
      n = dutiablePulls(w, pt, i, tape, n, indirectBits, directBits, platformBits);
      countSellers(ms, indirectBits | directBits, platformBits);
      continue;
    }
    for (let b = indirectBits; b; b &= b - 1) {
      const m = lowestMarket(b);
      const pull = indirectPullAt(t, base + m, appeal * fit[row + m]!);
      indirectPull[m]! += pull;
      tape[n++] = pull;
    }
    const brand = f.brand[i]!;
    for (let b = directBits; b; b &= b - 1) {
      const m = lowestMarket(b);
      const pull = directPullAt(t, base + m, m, appeal * fit[row + m]!, brandTerm(pt.brandWeight, brand, pt.brandTaste[m]!));
      directPull[m]! += pull;
      tape[n++] = pull;
    }
    if (platformBits) {
      const rep = reputationTerm(w, i);
      const exposure = w.score[i]!;
      const stocked = t.warehouses ? stockedMarkets(w, i) : 0;
      for (let b = platformBits; b; b &= b - 1) {
        const m = lowestMarket(b);
        const pull = platformPullAt(t, base + m, m, appeal * fit[row + m]!, brandTerm(pt.brandWeight, brand, pt.brandTaste[m]!), rep, exposure, (stocked >>> m) & 1);
        platformPull[m]! += pull;
        tape[n++] = pull;
      }
    }
    countSellers(ms, indirectBits | directBits, platformBits);
  }
}

/**
 * Pass 1 for one seller when some market has a tariff: the pulls of
 * `accumulatePulls`, each with buyers' attractiveness × (1 + duty)^(−η) for
 * the duty its orders pay there (none below the de minimis threshold).
 * Kept apart so the loop without tariffs stays as it was. Returns the tape's new length.
 */
function dutiablePulls(w: World, pt: PullTerms, i: number, tape: Float64Array, n: number, indirectBits: number, directBits: number, platformBits: number): number {
  const f = w.firms;
  const ms = w.market;
  const t = w.trade;
  const M = pt.M;
  const fit = f.marketFit;
  const appeal = w.appeal[i]!;
  const base = f.region[i]! * M;
  const row = i * M;
  const duty = (c: number) => fillSellerDuties(w, i, c, pt.duties);
  const dutyTerm = (x: number) => Math.pow(x, -pt.eta);
  if (indirectBits) {
    const d = duty(INDIRECT);
    for (let b = indirectBits; b; b &= b - 1) {
      const m = lowestMarket(b);
      const pull = indirectPullAt(t, base + m, appeal * fit[row + m]! * dutyTerm(d[m]!));
      ms.indirectPull[m]! += pull;
      tape[n++] = pull;
    }
  }
  const brand = f.brand[i]!;
  if (directBits) {
    const d = duty(DIRECT);
    for (let b = directBits; b; b &= b - 1) {
      const m = lowestMarket(b);
      const pull = directPullAt(t, base + m, m, appeal * fit[row + m]! * dutyTerm(d[m]!), brandTerm(pt.brandWeight, brand, pt.brandTaste[m]!));
      ms.directPull[m]! += pull;
      tape[n++] = pull;
    }
  }
  if (platformBits) {
    const d = duty(PLATFORM);
    const rep = reputationTerm(w, i);
    const exposure = w.score[i]!;
    const stocked = stockedMarkets(w, i);
    for (let b = platformBits; b; b &= b - 1) {
      const m = lowestMarket(b);
      const pull = platformPullAt(t, base + m, m, appeal * fit[row + m]! * dutyTerm(d[m]!), brandTerm(pt.brandWeight, brand, pt.brandTaste[m]!), rep, exposure, (stocked >>> m) & 1);
      ms.platformPull[m]! += pull;
      tape[n++] = pull;
    }
  }
  return n;
}

/** Counts a seller in every market it serves, offline and on the platform. */
function countSellers(ms: World['market'], offline: number, platform: number): void {
  for (let b = offline | platform; b; b &= b - 1) ms.sellers[lowestMarket(b)]!++;
  for (let b = offline; b; b &= b - 1) ms.offlineSellers[lowestMarket(b)]!++;
  for (let b = platform; b; b &= b - 1) ms.platformSellers[lowestMarket(b)]!++;
}

/**
 * Share of expected orders a firm can take on: production is paid
 * `cashCycleTicks` before buyers pay, so the goods it can make are limited by
 * cash and unused credit. Firms short of working capital turn business away.
 */
function fillRate(w: World, i: number, p: number, c: number): number {
  const f = w.firms;
  const cycle = w.scenario.finance.cashCycleTicks;
  const units = f.expectedDirect[i]! / p + f.expectedIndirect[i]! / (p * w.trade.intermediaryPays) + f.expectedPlatform[i]! / (p * w.trade.listFactor * (1 - w.platform.commission));
  const needed = cycle * c * units;
  return needed > 0 ? Math.min(1, spendingPower(w, i) / needed) : 1;
}

/**
 * The delivered-price ratios firm i's platform orders ship at, written into
 * its row of `scratch` (laid out as the trade tables): the overseas
 * warehouse's in the markets where it stocks one, the platform's elsewhere.
 */
function platformRatiosOf(w: World, i: number, scratch: Float64Array): Float64Array {
  const t = w.trade;
  const M = w.markets.length;
  const base = w.firms.region[i]! * M;
  const stocked = stockedMarkets(w, i);
  for (let m = 0; m < M; m++) scratch[base + m] = ((stocked >>> m) & 1 ? t.warehousePriceRatio : t.platformPriceRatio)[base + m]!;
  return scratch;
}

/** What is left of a sale for logistics; with free shipping, rounding can leave −1e-20, which is none. */
function residue(x: number): number {
  return x > 0 ? x : 0;
}

/** One seller's order draws in progress, channel by channel (see `channelOrders`). */
export interface ChannelDraw {
  /** The seller's ex-factory price, fill rate and row of the trade tables (region × markets). */
  price: number;
  fill: number;
  base: number;
  /** The next pull to read from the tape. */
  at: number;
  /** Expected orders per market of the channel being drawn. */
  expected: Float64Array;
  /** The seller's buyers' spending per market this tick, all channels. */
  spend: Float64Array;
  /** Buyers' spending in the channel being drawn, all markets. */
  spent: number;
  /** Of it, the import duties buyers paid (0 without tariffs). */
  duty: number;
  /** Units the channel's orders bought, all markets. */
  units: number;
  /** Buyers' spending per market on the goods the intermediary sold this tick (the rest of `spend` is under the firm's own name). */
  intermediated: Float64Array;
}

/**
 * One seller's orders in one channel (`bits`: the markets it serves there);
 * books buyers' spending per market, sets `d.units` and returns the orders.
 *
 * Orders in market m would be a Poisson count around the share of the budget
 * the seller can fill, `fill · budget · pull / channel pull` in money, divided
 * by the value of one order (buyers' economic order, `orderValue`, from the
 * trade tables). The seller's total over the markets is then one Poisson count
 * around the sum of those means (a sum of independent Poisson counts is one),
 * and that is what is drawn: one draw per seller and channel, not per market.
 * The orders are shared among the markets by their expected orders, to book
 * buyers' spending where it was made; the units are what that spending buys
 * at the seller's delivered price there.
 */
export function channelOrders(
  rng: Rng, d: ChannelDraw, tape: Float64Array, bits: number, budget: Float64Array, pull: Float64Array,
  orderValue: Float64Array, priceRatio: Float64Array, sales: Float64Array, duties?: Float64Array,
): number {
  let total = 0;
  for (let b = bits; b; b &= b - 1) {
    const m = lowestMarket(b);
    const weight = tape[d.at++]!;
    const value = orderValue[d.base + m]!; // before duty
    const orders = weight <= 0 || budget[m]! <= 0 ? 0 : (d.fill * budget[m]! * weight) / pull[m]! / (duties ? value * duties[m]! : value);
    d.expected[m] = orders;
    total += orders;
  }
  d.spent = 0;
  d.duty = 0;
  d.units = 0;
  const orders = total > 0 ? rng.poisson(total) : 0;
  if (orders === 0) return 0;
  for (let b = bits; b; b &= b - 1) {
    const m = lowestMarket(b);
    if (d.expected[m]! <= 0) continue;
    const beforeDuty = ((orders * d.expected[m]!) / total) * orderValue[d.base + m]!;
    d.units += beforeDuty / priceRatio[d.base + m]!;
    const spend = duties ? beforeDuty * duties[m]! : beforeDuty;
    if (duties) d.duty += spend - beforeDuty;
    sales[m]! += spend;
    d.spend[m]! += spend;
    d.spent += spend;
  }
  d.units /= d.price; // spending before duty ÷ delivered price, the ex-factory price taken out once
  return orders;
}

/** The one `ChannelDraw` per number of markets, reused by every seller of every tick. */
const channelDraws = new Map<number, ChannelDraw>();

export function channelDraw(M: number): ChannelDraw {
  let d = channelDraws.get(M);
  // Money fields start as fractions so V8 holds them as doubles (see `withDoubleFields`); positions stay integers.
  if (!d) channelDraws.set(M, (d = { price: 0.5, fill: 0.5, base: 0, at: 0, expected: new Float64Array(M), spend: new Float64Array(M), spent: 0.5, duty: 0.5, units: 0.5, intermediated: new Float64Array(M) }));
  return d;
}

/**
 * Pass 2: orders (`channelOrders`) and the money they move, channel by
 * channel: what the firm, the intermediary, the platform and logistics get.
 */
function drawOrders(w: World, pt: PullTerms): void {
  const f = w.firms;
  const s = w.scenario;
  const ms = w.market;
  const L = w.ledger;
  const M = pt.M;
  const t = w.trade;
  const tau = w.platform.commission;
  const intermediaryMargin = s.intermediary.margin + s.intermediary.squeeze;
  const rv = s.platform.reviews;
  const rng = w.rng.get('reviews');
  const orderRng = w.rng.get('matching');
  const traditionalBudget = ms.traditionalBudget;
  const platformBudget = ms.platformBudget;
  const salesByMarket = f.salesByMarket;
  const recorded = w.marketSalesNow;
  if (recorded) recorded.fill(0);
  ms.platformSales.fill(0);
  ms.directSales.fill(0);
  ms.indirectSales.fill(0);
  // Buyers' pull per channel is fixed for the whole pass.
  const tradPulls = new Float64Array(M);
  const platPulls = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    tradPulls[m] = traditionalPullIn(ms, m);
    platPulls[m] = platformPullIn(ms, m);
  }
  const d = channelDraw(M);
  d.at = 0;
  for (let i = 0; i < f.capacity; i++) {
    const ch = f.channels[i]!;
    if (!ch) continue;
    const c = unitCost(w, i);
    const p = priceFromCost(w, i, c);
    const fake = f.cheating[i] === 1;
    d.price = p;
    d.base = f.region[i]! * M;
    d.fill = fillRate(w, i, p, c);
    for (let m = 0; m < M; m++) d.spend[m] = 0; // a loop, not fill(): no builtin call per seller
    let cogs = 0;
    let platformOrders = 0;
    // With a tariff somewhere, each channel's orders are priced with the seller's duties (else none are passed).
    const taxed = t.duty !== null;
    const subsidy = t.shippingSubsidy[f.region[i]!]!;
    if (ch & Channel.indirect) {
      const duties = taxed ? fillSellerDuties(w, i, INDIRECT, pt.duties) : undefined;
      const orders = channelOrders(orderRng, d, pt.tape, pt.reach, traditionalBudget, tradPulls, t.indirectOrderValue, t.indirectPriceRatio, ms.indirectSales, duties);
      const saleUnits = d.units;
      const paid = saleUnits * p * t.intermediaryPays;
      const margin = saleUnits * p * intermediaryMargin;
      f.indirectReceipts[i]! += paid;
      L.intermediaryMargin += margin;
      bookLogistics(L, residue(d.spent - paid - margin - d.duty), d.duty, subsidy);
      cogs += saleUnits * c;
      L.traditionalOrders += orders;
      L.traditionalSpend += d.spent;
      for (let m = 0; m < M; m++) d.intermediated[m] = d.spend[m]!; // a loop, not set(): no builtin call per seller
    }
    if (ch & Channel.direct) {
      const duties = taxed ? fillSellerDuties(w, i, DIRECT, pt.duties) : undefined;
      const orders = channelOrders(orderRng, d, pt.tape, f.directMarkets[i]!, traditionalBudget, tradPulls, t.directOrderValue, t.directPriceRatio, ms.directSales, duties);
      const saleUnits = d.units;
      const paid = saleUnits * p;
      f.directReceipts[i]! += paid;
      bookLogistics(L, residue(d.spent - paid - d.duty), d.duty, subsidy);
      cogs += saleUnits * c;
      L.traditionalOrders += orders;
      L.traditionalSpend += d.spent;
    }
    if (ch & Channel.platform) {
      const duties = taxed ? fillSellerDuties(w, i, PLATFORM, pt.duties) : undefined;
      const ratios = t.warehouses ? platformRatiosOf(w, i, pt.ratios) : t.platformPriceRatio;
      platformOrders = channelOrders(orderRng, d, pt.tape, f.platformMarkets[i]!, platformBudget, platPulls, t.platformOrderValue, ratios, ms.platformSales, duties);
      const saleUnits = d.units;
      const gmv = saleUnits * p * t.listFactor;
      const commission = tau * gmv;
      f.platformReceipts[i]! += gmv - commission;
      f.platformGmvTrail[i]! += gmv; // decayed once per tick in settlement
      L.gmv += gmv;
      L.commission += commission;
      bookLogistics(L, residue(d.spent - gmv - d.duty), d.duty, subsidy);
      cogs += asMade(w, saleUnits * c, fake);
      L.platformOrders += platformOrders;
      L.platformSpend += d.spent;
    }
    const intermediated = (ch & Channel.indirect) !== 0;
    let exportValue = f.exportValue[i]!;
    let sum = 0, squares = 0;
    // Sales under the firm's own name (direct offline and platform), as customs records see them:
    // what the trading company sold of its goods is the company's export.
    for (let m = 0; m < M; m++) {
      const own = d.spend[m]! - (intermediated ? d.intermediated[m]! : 0);
      const smoothed = 0.9 * salesByMarket[i * M + m]! + 0.1 * own;
      salesByMarket[i * M + m] = smoothed;
      sum += smoothed;
      squares += smoothed * smoothed;
      if (recorded) recorded[i * M + m] = own;
      exportValue += d.spend[m]!;
    }
    f.exportValue[i] = exportValue;
    f.salesByMarketSum[i] = sum;
    f.salesByMarketSquares[i] = squares;
    f.platformOrders[i] = platformOrders;
    if (platformOrders > 0) {
      const reviews = platformOrders * rv.rate;
      const good = fake ? rv.goodCounterfeit : rv.goodHonest;
      f.goodReviews[i]! += rng.poisson(reviews * good);
      f.badReviews[i]! += rng.poisson(reviews * (1 - good));
      if (fake) L.counterfeitOrders += platformOrders;
    }
    bookExportIncome(w, i, cogs);
  }
}

/**
 * Books a channel's shipping (what buyers paid for it), the duties buyers
 * paid, and the shipping a logistics subsidy paid on top (`subsidy`: the
 * government's part per unit of buyers' part).
 */
function bookLogistics(L: World['ledger'], shipping: number, duty: number, subsidy: number): void {
  L.logistics += shipping;
  if (duty > 0) L.tariffs += duty;
  if (subsidy > 0) L.logisticsSubsidies += shipping * subsidy;
}

/** Moves the tick's export receipts less the cost of goods into the firm's cash and profit. */
function bookExportIncome(w: World, i: number, cogs: number): void {
  const f = w.firms;
  const L = w.ledger;
  const receipts = f.indirectReceipts[i]! + f.directReceipts[i]! + f.platformReceipts[i]!;
  f.exportReceipts[i] = receipts;
  f.cash[i]! += receipts - cogs;
  f.profit[i]! += receipts - cogs;
  const rebate = w.trade.rebate * receipts;
  if (rebate > 0) {
    f.cash[i]! += rebate;
    f.profit[i]! += rebate;
    L.rebates += rebate;
  }
  L.receipts += receipts;
  L.costOfGoods += cogs;
  L.platformReceipts += f.platformReceipts[i]!;
  L.directReceipts += f.directReceipts[i]!;
  L.indirectReceipts += f.indirectReceipts[i]!;
  L.buyerSpending += f.exportValue[i]!;
  L.regionExports[f.region[i]!]! += f.exportValue[i]!;
  if (f.cheating[i] !== 1) L.honestExportValue += f.exportValue[i]!;
  if (f.lowInitialCash[i] === 1) L.lowCashExportValue += f.exportValue[i]!;
}

/** Platform-level aggregates buyers and sellers react to next tick. */
function updatePlatformAggregates(w: World): void {
  const L = w.ledger;
  const p = w.platform;
  const g = w.scenario.platform.governance;
  // Summed apart, the two totals can differ in the last bit: keep the share a share.
  p.gmvShare = L.buyerSpending > 0 ? Math.min(1, L.platformSpend / L.buyerSpending) : 0;
  const fraudNow = L.platformOrders > 0 ? L.counterfeitOrders / L.platformOrders : 0;
  p.fraudShare = 0.7 * p.fraudShare + 0.3 * fraudNow;
  const escrow = p.stage >= 1 ? g.escrow : 0;
  p.trust = 1 - (1 - escrow) * p.fraudShare;
}

/** Mean productivity of platform sellers by stage (the knowledge peers are drawn from). */
function platformPeers(w: World): void {
  const sum = new Float64Array(4);
  const n = new Float64Array(4);
  sumPlatformProductivity(w.firms, sum, n);
  for (let s = 0; s < 4; s++) w.platform.meanProductivityByStage[s] = n[s]! > 0 ? sum[s]! / n[s]! : 0;
}

/**
 * Platform sellers' productivity summed, and counted, by stage. A function of
 * its own: as a loop inside platformPeers, V8 compiled it on-stack before the
 * means after it had run, and left that code on every call.
 */
function sumPlatformProductivity(f: Firms, sum: Float64Array, n: Float64Array): void {
  for (let i = 0; i < f.capacity; i++) {
    if (!(f.channels[i]! & Channel.platform)) continue;
    sum[f.stage[i]!]! += f.productivity[i]!;
    n[f.stage[i]!]!++;
  }
}

/** Buyers' attractiveness base of every exporter this tick. */
function computeAppeal(w: World): void {
  const f = w.firms;
  for (let i = 0; i < f.capacity; i++) if (f.channels[i]) w.appeal[i] = appealOf(w, i);
}

export function matching(w: World): void {
  // Every per-firm loop lives in a function of its own, which V8 optimizes on its own.
  computeAppeal(w);
  splitBudgets(w);
  if (w.platform.active) allocateTraffic(w);
  const pt = pullTerms(w);
  accumulatePulls(w, pt);
  drawOrders(w, pt);
  updatePlatformAggregates(w);
  platformPeers(w);
}
