/**
 * Settlement: domestic sales, overhead and channel running costs, platform
 * subscription and compliance, interest; enforcement against cheaters;
 * reputation memory; and the adaptive expectations firms carry into next tick.
 */
import { channelRunningCost, complianceCost, platformMarketsCost, productLinesCost } from './costs.js';
import { enforce } from './governance.js';
import { Channel, marketCount } from './firms.js';
import { asMade, marginAt, priceFromCost, unitCost } from './trade.js';
import type { World } from './world.js';

/**
 * Domestic sales rise with productivity (the mean firm sells `domesticSales`)
 * and move with a persistent firm-specific demand shock, so some firms fall
 * into losses and, without credit, exit.
 */
function domesticSalesOf(w: World, i: number, shockDraws: Float64Array): number {
  const p = w.scenario.firm;
  const f = w.firms;
  f.demandShock[i] = p.demandShockPersistence * f.demandShock[i]! + p.demandShockSd * shockDraws[i]!;
  return domesticSalesAt(p, f.productivity[i]!) * Math.exp(f.demandShock[i]!);
}

/** Domestic sales per tick of a firm of productivity φ before demand shocks: the mean firm sells `domesticSales`. */
export function domesticSalesAt(p: World['scenario']['firm'], phi: number): number {
  return (p.domesticSales * phi * (p.productivityShape - 1)) / p.productivityShape;
}

/** Books firm i's domestic sales and running costs; `shockDraws[i]` is its demand-shock draw this tick. */
function bookCosts(w: World, i: number, shockDraws: Float64Array): void {
  const f = w.firms;
  const s = w.scenario;
  const L = w.ledger;
  const sales = domesticSalesOf(w, i, shockDraws);
  const mu = s.firm.markups[f.stage[i]!]!;
  const margin = ((s.firm.domesticMarginScale * mu) / (1 + mu)) * sales;
  const listed = (f.channels[i]! & Channel.platform) !== 0;
  const running = channelRunningCost(w, i);
  const subscription = listed ? s.platform.subscription : 0;
  const compliance = listed ? complianceCost(w, i) : 0;
  const interest = f.debt[i]! * s.finance.interestRate;
  const net = margin - s.firm.overhead - running - compliance - interest;
  f.domesticSales[i] = sales;
  f.cash[i]! += net;
  f.profit[i]! += net;
  L.domesticSales += sales;
  L.domesticMargin += margin;
  L.overhead += s.firm.overhead + running - subscription;
  L.subscriptions += subscription;
  L.compliance += compliance;
  L.interest += interest;
}

/** A channel's share of the firm's receipts; an even split over its channels when it sold nothing. */
function receiptShare(r: number, receipts: number, nChannels: number): number {
  return receipts > 0 ? r / receipts : 1 / Math.max(1, nChannels);
}

/**
 * Smoothed operating profit per channel: gross margin less the channel's own
 * costs and its share (by receipts) of product-line costs.
 */
function updateChannelProfits(w: World, i: number): void {
  const f = w.firms;
  const s = w.scenario;
  const lambda = s.firm.expectationWeight;
  const receipts = f.exportReceipts[i]!;
  const ch = f.channels[i]!;
  f.expectedDirect[i] = (1 - lambda) * f.expectedDirect[i]! + lambda * f.directReceipts[i]!;
  f.expectedIndirect[i] = (1 - lambda) * f.expectedIndirect[i]! + lambda * f.indirectReceipts[i]!;
  if (!ch) return;
  const lines = productLinesCost(w, i, f.categories[i]!); // only channels carry product-line costs here
  const nChannels = (ch & 1) + ((ch >> 1) & 1) + ((ch >> 2) & 1);
  const cost = unitCost(w, i);
  const price = priceFromCost(w, i, cost);
  if (ch & Channel.platform) {
    sellerTerms.lines = lines;
    sellerTerms.cost = cost;
    sellerTerms.price = price;
    updatePlatformProfit(w, i, nChannels);
  }
  if (ch & Channel.direct) {
    const own = marketCount(f.directMarkets[i]!) * s.channels.directMarketCost + lines * receiptShare(f.directReceipts[i]!, receipts, nChannels);
    f.profitDirect[i] = (1 - lambda) * f.profitDirect[i]! + lambda * (f.directReceipts[i]! * (marginAt(cost, price, 1) + w.trade.rebate) - own);
  }
  if (ch & Channel.indirect) {
    const own = s.channels.intermediaryAdminCost + lines * receiptShare(f.indirectReceipts[i]!, receipts, nChannels);
    f.profitIndirect[i] = (1 - lambda) * f.profitIndirect[i]! + lambda * (f.indirectReceipts[i]! * (marginAt(cost, price, w.trade.intermediaryPays) + w.trade.rebate) - own);
  }
}

/**
 * The seller's product-line cost, unit cost and ex-factory price, as
 * `updateChannelProfits` computed them, for `updatePlatformProfit`: one
 * reused record with double fields, so the numbers cross the call unboxed
 * and are not computed twice.
 */
const sellerTerms = { lines: 0.5, cost: 0.5, price: 0.5 };

/**
 * The platform channel's part of `updateChannelProfits`, a function of its
 * own: V8 compiles the profit update during burn-in, before any firm sells on
 * the platform, and a branch that has never run is compiled as generic calls
 * that box every number they pass. Compiled apart, the platform's part is
 * optimized once it runs. It takes only integers for the same reason, and
 * reads the line costs, unit cost and price from `sellerTerms`.
 */
function updatePlatformProfit(w: World, i: number, nChannels: number): void {
  const f = w.firms;
  const s = w.scenario;
  const lambda = s.firm.expectationWeight;
  const { lines, cost, price } = sellerTerms;
  const mu = marginAt(asMade(w, cost, f.cheating[i] === 1), price, w.trade.listFactor * (1 - w.platform.commission)) + w.trade.rebate;
  const upkeep = platformMarketsCost(w, i);
  const own = s.platform.subscription + upkeep + complianceCost(w, i) + f.adSpend[i]! + lines * receiptShare(f.platformReceipts[i]!, f.exportReceipts[i]!, nChannels);
  f.profitPlatform[i] = (1 - lambda) * f.profitPlatform[i]! + lambda * (f.platformReceipts[i]! * mu - own);
  f.expectedPlatform[i] = (1 - lambda) * f.expectedPlatform[i]! + lambda * f.platformReceipts[i]!;
}

/** Per-tick bookkeeping of clocks, review memory, trailing GMV and last year's exports (`slot`: this tick's place in the ring). */
function advanceClocks(w: World, i: number, slot: number): void {
  const f = w.firms;
  const s = w.scenario;
  const memory = s.platform.reviews.memory;
  f.goodReviews[i]! *= memory;
  f.badReviews[i]! *= memory;
  f.platformGmvTrail[i]! *= 1 - 1 / s.ticksPerYear;
  if (f.stage[i] === 0 && f.channels[i] && f.firstAssemblyExport[i]! > w.tick) f.firstAssemblyExport[i] = w.tick;
  f.age[i]!++;
  f.ticksAtStage[i]!++;
  if (f.channels[i]! & Channel.platform) {
    f.platformAge[i]!++;
    f.digital[i]! += s.firm.digitalLearning * (1 - f.digital[i]!);
  }
  f.exportRing[i * s.ticksPerYear + slot] = f.exportValue[i]!;
}

/** This tick's demand-shock draw of every firm, in one reused buffer. */
const shockDraws = new WeakMap<World, Float64Array>();

/** Domestic sales and running costs, firm by firm. */
function bookAllCosts(w: World): void {
  let draws = shockDraws.get(w);
  if (!draws) shockDraws.set(w, (draws = new Float64Array(w.firms.capacity)));
  w.rng.get('demand').fillNormal(draws);
  for (let i = 0; i < w.firms.capacity; i++) bookCosts(w, i, draws);
}

/** Smoothed channel profits, firm by firm (they read nothing `bookCosts` writes). */
function updateAllChannelProfits(w: World): void {
  for (let i = 0; i < w.firms.capacity; i++) updateChannelProfits(w, i);
}

function advanceAllClocks(w: World): void {
  const tpy = w.scenario.ticksPerYear;
  const slot = ((w.tick % tpy) + tpy) % tpy;
  for (let i = 0; i < w.firms.capacity; i++) advanceClocks(w, i, slot);
}

export function settlement(w: World): void {
  // One loop per function: V8 optimizes each on its own, and each has its own
  // inlining budget (in one loop, costs used it up and the profit update's
  // small helpers ran as calls, boxing every number they returned).
  bookAllCosts(w);
  updateAllChannelProfits(w);
  enforce(w);
  advanceAllClocks(w);
}
