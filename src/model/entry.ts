/**
 * Entry and channel choice. Each tick a firm reviews its position with
 * probability `reconsiderRate` (inertia) and makes at most one change, the one
 * worth most per tick: join or leave the intermediary (which sells its
 * suppliers' goods in every market within its reach), enter or leave a market
 * direct offline or on the platform, stock or unstock the overseas
 * warehouse in a platform market, leave the platform, add or drop a
 * product line. Values are expected profit per tick less entry costs
 * amortised over the planning horizon; entry costs must be payable from cash
 * and credit. Each market a firm serves under its own name carries a one-off
 * entry cost and a running cost per tick, and buyers in each market like each firm's goods to
 * a degree of its own (`marketFit`), so firms enter markets one at a time in
 * order of expected profit and most exporters serve few (Eaton, Kortum &
 * Kramarz 2011). Platform potential is seen only in part until regional peers
 * use it (demonstration).
 */
import { categoryCost, complianceCost, expectedAdaptationCost, onboardingCost, platformMarketCost, productLinesCost, sumUpkeep } from './costs.js';
import { beatsEvery, bestFit, fillCeilings, largestBrandTerm, receiptsCeiling, type Ceilings } from './entry-ceiling.js';
import { directReceiptsAt, expectedDirectReceipts, expectedIndirectReceipts, expectedPlatformReceipts, outlook, plannedReputation, platformReceiptsAt, prospectiveExposure, warehouseOptions, type Outlook } from './expectations.js';
import { pay, spendingPower } from './finance.js';
import { Channel, marketCount, type Firms } from './firms.js';
import { stockedMarkets, transparencyOf } from './policy.js';
import { perceivedAdBurden } from './traffic.js';
import { appealAtPrice, brandTerm, buyersReputationTerm, marginWithRebate, priceFromCost, unitCost } from './trade.js';
import type { World } from './world.js';

const enum Move {
  None,
  JoinIndirect,
  LeaveIndirect,
  AddDirect,
  DropDirect,
  JoinPlatform,
  AddPlatformMarket,
  DropPlatformMarket,
  LeavePlatform,
  AddCategory,
  DropCategory,
  StockWarehouse,
  UnstockWarehouse,
}

/** The best move found so far in a review. */
interface Choice {
  move: Move;
  market: number;
  value: number;
  cost: number; // one-off cost paid on the move
  expected: number; // expected per-tick profit of the new channel (seeds its smoothed profit)
  stock: number; // 1: a platform market opened or joined in stocks its overseas warehouse
}

/**
 * The reviewing firm's unit cost and ex-factory price, computed once per
 * review: its appeal and each channel's margin read them, where each used to
 * divide again (the same numbers). One reused record with double fields, so
 * nothing is boxed on the way.
 */
const pricing = { cost: 0.5, price: 0.5 };

function priceReviewer(w: World, i: number): void {
  pricing.cost = unitCost(w, i);
  pricing.price = priceFromCost(w, i, pricing.cost);
}

/** `marginOnReceipts` (honest goods) at the reviewer's `pricing`. */
function reviewMargin(w: World, paidPerExFactory: number): number {
  return marginWithRebate(w, pricing.cost, pricing.price, paidPerExFactory);
}

/**
 * What every review of a tick reads the same: the platform's terms, which
 * change only between ticks, and each region's awareness. Computed once per
 * tick into one reused record (double fields), where each review of a firm
 * not yet listed used to call for them and box what the calls returned (the
 * same formulas, so the same numbers).
 */
interface TickTerms {
  /** What a platform seller is paid per unit of ex-factory price: list factor × (1 − commission). */
  listedRatio: number;
  /** `platformMarketCost` and `expectedAdaptationCost` this tick; the market cost also amortised over the planning horizon. */
  marketCost: number;
  marketCostPerTick: number;
  adaptation: number;
  /** Share of platform potential a firm sees, by region (`awarenessIn`). */
  awareness: Float64Array;
}

const tickTerms: TickTerms = { listedRatio: 0.5, marketCost: 0.5, marketCostPerTick: 0.5, adaptation: 0.5, awareness: new Float64Array(0) };

function fillTickTerms(w: World): TickTerms {
  const t = tickTerms;
  t.listedRatio = w.trade.listFactor * (1 - w.platform.commission);
  t.marketCost = platformMarketCost(w);
  t.marketCostPerTick = t.marketCost / w.scenario.firm.planningHorizon;
  t.adaptation = expectedAdaptationCost(w);
  if (t.awareness.length !== w.regions.length) t.awareness = new Float64Array(w.regions.length);
  for (let r = 0; r < w.regions.length; r++) t.awareness[r] = awarenessIn(w, r);
  return t;
}

/** Share of platform potential a firm in region r sees, rising with regional adoption (demonstration effect). */
function awarenessIn(w: World, r: number): number {
  const base = w.scenario.firm.demonstrationBase;
  return base + (1 - base) * Math.min(1, 3 * w.region.adoption[r]!);
}

function consider(c: Choice, move: Move, market: number, value: number, cost: number, expected: number, stock = 0): void {
  if (value > c.value) {
    c.move = move;
    c.market = market;
    c.value = value;
    c.cost = cost;
    c.expected = expected;
    c.stock = stock;
  }
}

/** Category cost the firm would carry once it exports (first channel brings its product lines abroad). */
function firstChannelCost(w: World, i: number): number {
  return w.firms.channels[i] ? 0 : productLinesCost(w, i, w.firms.categories[i]!);
}

function considerIndirect(w: World, o: Outlook, i: number, appeal: number, c: Choice): void {
  const f = w.firms;
  const s = w.scenario;
  if (f.channels[i]! & Channel.indirect) {
    if (f.profitIndirect[i]! < 0) consider(c, Move.LeaveIndirect, -1, -f.profitIndirect[i]!, 0, 0);
    return;
  }
  const profit = expectedIndirectReceipts(w, o, i, appeal) * reviewMargin(w, w.trade.intermediaryPays) - s.channels.intermediaryAdminCost - firstChannelCost(w, i);
  consider(c, Move.JoinIndirect, -1, profit, 0, profit);
}

/** A reviewing firm's terms that are the same in every market, read once per review rather than per market. */
interface MarketTerms {
  M: number;
  fit: Float32Array;
  /** The firm's row of market fits, and its region's row of the trade tables. */
  row: number;
  base: number;
  brand: number;
  brandWeight: number;
}

/** The one record, refilled per review; `brand` and `brandWeight` start as fractions so V8 holds them as doubles. */
const terms: MarketTerms = { M: 0, fit: new Float32Array(0), row: 0, base: 0, brand: 0.5, brandWeight: 0.5 };

function marketTerms(w: World, i: number): MarketTerms {
  terms.M = w.markets.length;
  terms.fit = w.firms.marketFit;
  terms.row = i * terms.M;
  terms.base = w.firms.region[i]! * terms.M;
  terms.brand = w.firms.brand[i]!;
  terms.brandWeight = w.scenario.buyers.brandWeight;
  return terms;
}

function considerDirect(w: World, o: Outlook, cl: Ceilings, i: number, appeal: number, bestAppeal: number, c: Choice): void {
  const f = w.firms;
  const s = w.scenario;
  const mu = reviewMargin(w, 1);
  const running = s.channels.directMarketCost;
  const firstChannel = firstChannelCost(w, i);
  const served = f.directMarkets[i]!;
  const tariffs = w.trade.duty !== null;
  // A firm serving no market direct weighs new ones alone: pass over them if even their ceiling cannot win (entry-ceiling.ts).
  if (served === 0 && !tariffs) {
    const gain = receiptsCeiling(cl.direct, f.region[i]!, bestAppeal) * Math.max(0, mu);
    if (beatsEvery(c.value, gain - running - cl.directEntryMin - firstChannel, gain + running + cl.directEntryMax + firstChannel)) return;
  }
  const { M, fit, row, base, brand, brandWeight } = marketTerms(w, i); // the receipts are those of expectedDirectReceipts
  for (let m = 0; m < M; m++) {
    const receipts = tariffs
      ? expectedDirectReceipts(w, o, i, m, appeal)
      : directReceiptsAt(w, o, base + m, m, appeal * fit[row + m]!, brandTerm(brandWeight, brand, o.brandTaste[m]!), !(served & (1 << m)));
    const profit = receipts * mu - running;
    if (served & (1 << m)) {
      if (profit < 0) consider(c, Move.DropDirect, m, -profit, 0, 0);
    } else {
      consider(c, Move.AddDirect, m, profit - o.fairEntryPerTick[m]! - firstChannel, o.fairEntry[m]!, profit);
    }
  }
}

function considerPlatform(w: World, o: Outlook, tt: TickTerms, cl: Ceilings, i: number, appeal: number, bestAppeal: number, c: Choice): void {
  const f = w.firms;
  const s = w.scenario;
  if (!w.platform.active) return;
  const horizon = s.firm.planningHorizon;
  const listed = (f.channels[i]! & Channel.platform) !== 0;
  if (!listed && w.tick < f.delistedUntil[i]!) return;
  const netMargin = reviewMargin(w, tt.listedRatio) * (1 - perceivedAdBurden(w, i));
  const exposure = listed ? w.score[i]! : prospectiveExposure(w, i, appeal) * misjudgement(w);
  const seen = listed ? 1 : tt.awareness[f.region[i]!]!;
  const marketCost = tt.marketCost;
  // Terms of the firm that are the same in every market.
  const repTerm = buyersReputationTerm(w, plannedReputation(w, i));
  const onboarding = listed ? 0 : onboardingCost(w, i);
  const compliance = listed ? 0 : complianceCost(w, i);
  const adaptation = listed ? 0 : tt.adaptation;
  const firstChannel = listed ? 0 : firstChannelCost(w, i);
  // What joining costs (a listed seller opening a market pays the market cost alone), once and amortised per tick, the same in every market.
  const joinCost = onboarding + marketCost;
  const joinPerTick = joinCost / horizon;
  const served = f.platformMarkets[i]!;
  const tariffs = w.trade.duty !== null;
  const warehouses = w.trade.warehouses;
  // The same for a firm not yet listed; tariffs and warehouses value markets by other formulas, which the ceiling does not cover.
  if (!listed && served === 0 && !tariffs && !warehouses) {
    const gain = seen * receiptsCeiling(cl.platform, f.region[i]!, bestAppeal * repTerm * exposure) * Math.max(0, netMargin);
    const costs = s.platform.subscription + compliance + adaptation + joinPerTick + firstChannel;
    if (beatsEvery(c.value, gain - cl.platformUpkeepMin - costs, gain + cl.platformUpkeepMin + Math.abs(costs))) return;
  }
  const several = (served & (served - 1)) !== 0;
  // A market served loses money only if its upkeep or the margin is against it; the last goes with the listing (LeavePlatform).
  const mayDrop = several && (s.channels.platformMarketUpkeep > 0 || netMargin < 0);
  const scope = scopeTerms(w, served);
  const { M, fit, row, base, brand, brandWeight } = marketTerms(w, i); // the receipts are those of expectedPlatformReceipts
  const listedIn = listed ? served : 0;
  for (let m = 0; m < M; m++) {
    const atWarehouse = (warehouses >>> m) & 1;
    if (served & (1 << m) && !mayDrop && !atWarehouse) continue;
    const value = atWarehouse
      ? warehouseMarketValue(w, o, i, m, appeal, exposure, repTerm, seen, netMargin, c)
      : seen * (tariffs
        ? expectedPlatformReceipts(w, o, i, m, appeal, exposure, repTerm)
        : platformReceiptsAt(w, o, base + m, m, appeal * fit[row + m]!, brandTerm(brandWeight, brand, o.brandTaste[m]!), repTerm, exposure, !(listedIn & (1 << m)))) * netMargin;
    if (served & (1 << m) && !mayDrop) continue; // only its warehouse could change
    const stock = atWarehouse ? stockPlan.stock : 0;
    const gross = value - marginalUpkeep(w, scope, m, served);
    if (served & (1 << m)) {
      if (gross < 0) consider(c, Move.DropPlatformMarket, m, -gross, 0, 0);
    } else if (listed) {
      consider(c, Move.AddPlatformMarket, m, gross - tt.marketCostPerTick, marketCost, 0, stock);
    } else {
      const profit = gross - s.platform.subscription - compliance - adaptation;
      consider(c, Move.JoinPlatform, m, profit - joinPerTick - firstChannel, joinCost, profit, stock);
    }
  }
  const settled = f.platformAge[i]! >= 2 * s.platform.traffic.coldStartTicks;
  if (listed && settled && f.profitPlatform[i]! < 0) consider(c, Move.LeavePlatform, -1, -f.profitPlatform[i]!, 0, 0);
}

/** Whether a market the seller would open stocks its warehouse: what `warehouseMarketValue` last chose. */
const stockPlan = { stock: 0 };

/**
 * Margin per tick firm i expects in platform market m, which has an overseas
 * warehouse, net of the warehouse fee where it stocks it; `seen` and
 * `netMargin` as in `considerPlatform`. In a market it serves: at its present choice, and
 * switching (stocking or unstocking) is a move worth the difference. In a new
 * one: the better choice, which `stockPlan` records for the move that opens it.
 */
function warehouseMarketValue(w: World, o: Outlook, i: number, m: number, appeal: number, exposure: number, repTerm: number, seen: number, netMargin: number, c: Choice): number {
  const v = warehouseOptions(w, o, i, m, appeal, exposure, repTerm);
  const plain = seen * v.plain * netMargin;
  const stocked = seen * v.stocked * netMargin - w.trade.warehouseFee[m]!;
  if (w.firms.platformMarkets[i]! & (1 << m)) {
    const now = (stockedMarkets(w, i) >>> m) & 1;
    if (now) consider(c, Move.UnstockWarehouse, m, plain - stocked, 0, 0);
    else consider(c, Move.StockWarehouse, m, stocked - plain, 0, 0);
    return now ? stocked : plain;
  }
  stockPlan.stock = stocked > plain ? 1 : 0;
  return stockPlan.stock ? stocked : plain;
}

/**
 * How a firm not yet listed misjudges the exposure the ranking would give it:
 * exp(σz − σ²/2), mean 1, σ = 1 − transparency. Under opaque rules outsiders
 * guess roughly, some join on a guess that their sales then disprove, and leave.
 */
function misjudgement(w: World): number {
  const sd = 1 - transparencyOf(w.scenario);
  return sd > 0 ? Math.exp(sd * w.rng.get('entry').normal() - (sd * sd) / 2) : 1;
}

/** What a seller's platform markets cost it before one is added or dropped: their number and the Σ of their own running costs. */
interface Scope {
  n: number;
  upkeep: number;
}

/** The one record, refilled per review; `upkeep` starts as a fraction so V8 holds it as a double (see `withDoubleFields`). */
const scopeRecord: Scope = { n: 0, upkeep: 0.5 };

function scopeTerms(w: World, served: number): Scope {
  scopeRecord.n = marketCount(served);
  scopeRecord.upkeep = sumUpkeep(w.trade, served);
  return scopeRecord;
}

/**
 * Running cost per tick that adding market m adds, or dropping a served m
 * saves, with n markets served whose own costs sum to U (`platformUpkeepOf`,
 * scope s): u_m·(1 + s·n) + s·U to add, u_m·(1 + s·(n − 2)) + s·U to drop.
 */
function marginalUpkeep(w: World, scope: Scope, m: number, served: number): number {
  const u = w.trade.platformUpkeep[m]!;
  const s = w.scenario.channels.platformScope;
  if (s === 0) return u;
  const others = served & (1 << m) ? scope.n - 2 : scope.n;
  return u * (1 + s * Math.max(0, others)) + s * scope.upkeep;
}

/** One more or one fewer product line: demand grows as categories^γ, the k-th line costs k units. */
function considerCategories(w: World, i: number, c: Choice): void {
  const f = w.firms;
  const s = w.scenario;
  if (!f.channels[i]) return;
  const k = f.categories[i]!;
  const gamma = s.firm.categoryElasticity;
  const unit = categoryCost(w, i);
  const margin = f.profitPlatform[i]! + f.profitDirect[i]! + f.profitIndirect[i]!;
  const receipts = f.exportReceipts[i]!;
  const mu = receipts > 0 ? Math.max(0, (margin + productLinesCost(w, i, k)) / receipts) : 0;
  if (k < s.firm.maxCategories) consider(c, Move.AddCategory, -1, receipts * (Math.pow((k + 1) / k, gamma) - 1) * mu - unit * (k + 1), 0, 0);
  if (k > 1) consider(c, Move.DropCategory, -1, unit * k - receipts * (1 - Math.pow((k - 1) / k, gamma)) * mu, 0, 0);
}

function apply(w: World, i: number, c: Choice): void {
  const f = w.firms;
  if (c.cost > 0) {
    if (spendingPower(w, i) < c.cost) return; // cannot finance the entry cost: no move
    pay(w, i, c.cost);
    f.profit[i]! -= c.cost;
    w.ledger.entryCosts += c.cost;
  }
  const bit = 1 << c.market;
  switch (c.move) {
    case Move.JoinIndirect:
      f.channels[i]! |= Channel.indirect;
      f.profitIndirect[i] = c.expected;
      break;
    case Move.LeaveIndirect:
      f.channels[i]! &= ~Channel.indirect;
      break;
    case Move.AddDirect:
      if (!(f.channels[i]! & Channel.direct)) f.profitDirect[i] = 0;
      f.channels[i]! |= Channel.direct;
      f.directMarkets[i]! |= bit;
      f.profitDirect[i]! += c.expected;
      break;
    case Move.DropDirect:
      f.directMarkets[i]! &= ~bit;
      if (!f.directMarkets[i]) f.channels[i]! &= ~Channel.direct;
      break;
    case Move.JoinPlatform:
      joinPlatform(w, i, bit, c.expected);
      f.warehouseMarkets[i] = c.stock ? bit : 0;
      break;
    case Move.AddPlatformMarket:
      f.platformMarkets[i]! |= bit;
      if (c.stock) f.warehouseMarkets[i]! |= bit;
      break;
    case Move.DropPlatformMarket:
      f.platformMarkets[i]! &= ~bit;
      f.warehouseMarkets[i]! &= ~bit;
      break;
    case Move.LeavePlatform:
      w.ledger.platformLeaves++;
      f.channels[i]! &= ~Channel.platform;
      f.platformMarkets[i] = 0;
      f.warehouseMarkets[i] = 0;
      break;
    case Move.StockWarehouse:
      f.warehouseMarkets[i]! |= bit;
      break;
    case Move.UnstockWarehouse:
      f.warehouseMarkets[i]! &= ~bit;
      break;
    case Move.AddCategory:
      f.categories[i]!++;
      break;
    case Move.DropCategory:
      f.categories[i]!--;
      break;
  }
}

/** A new listing starts with no reviews (cold start) and no ad stock. */
function joinPlatform(w: World, i: number, marketBit: number, expectedProfit: number): void {
  const f = w.firms;
  f.channels[i]! |= Channel.platform;
  f.platformMarkets[i] = marketBit;
  f.platformAge[i] = 0;
  f.goodReviews[i] = 0;
  f.badReviews[i] = 0;
  f.adStock[i] = 0;
  f.adWeightMisread[i] = Math.exp((1 - transparencyOf(w.scenario)) * w.rng.get('entry').normal());
  f.profitPlatform[i] = expectedProfit;
  f.expectedPlatform[i] = 0;
}

/** Each region's share of firms listed on the platform: what the demonstration effect works from. */
function observeAdoption(w: World): void {
  const listed = new Float64Array(w.regions.length);
  const firms = new Float64Array(w.regions.length);
  countListed(w.firms, listed, firms);
  for (let r = 0; r < w.regions.length; r++) w.region.adoption[r] = firms[r]! > 0 ? listed[r]! / firms[r]! : 0;
}

/**
 * Firms, and listed firms, by region. A function of its own: compiled on-stack
 * inside `observeAdoption`, the loop's code had never seen the lines after it
 * and was thrown away at the end of every tick.
 */
function countListed(f: Firms, listed: Float64Array, firms: Float64Array): void {
  for (let i = 0; i < f.capacity; i++) {
    firms[f.region[i]!]!++;
    if (f.channels[i]! & Channel.platform) listed[f.region[i]!]!++;
  }
}

/**
 * The one review record, reused by every review of every tick: a fresh object
 * per tick starts with integer fields that V8 widens to doubles within the
 * tick, which deoptimized the review loop every tick.
 */
const reviewChoice: Choice = { move: Move.None, market: -1, value: 0, cost: 0, expected: 0, stock: 0 };

export function entryAndChannels(w: World): void {
  observeAdoption(w);
  const f = w.firms;
  const rng = w.rng.get('entry');
  const rate = w.scenario.firm.reconsiderRate;
  const choice = reviewChoice;
  const o = outlook(w);
  const tt = fillTickTerms(w);
  const cl = fillCeilings(w, o);
  const M = w.markets.length;
  const brandWeight = w.scenario.buyers.brandWeight;
  for (let i = 0; i < f.capacity; i++) {
    if (!rng.chance(rate)) continue;
    priceReviewer(w, i);
    const appeal = appealAtPrice(w, i, pricing.price);
    // Its appeal where buyers could like it most: best market fit and largest brand term (what the ceilings bound with).
    const bestAppeal = appeal * bestFit(f.marketFit, i * M, M) * largestBrandTerm(cl, brandWeight, f.brand[i]!);
    choice.move = Move.None;
    choice.value = 0;
    considerIndirect(w, o, i, appeal, choice);
    considerDirect(w, o, cl, i, appeal, bestAppeal, choice);
    considerPlatform(w, o, tt, cl, i, appeal, bestAppeal, choice);
    considerCategories(w, i, choice);
    if (choice.move !== Move.None) apply(w, i, choice);
  }
}
