/**
 * Matching: buyers' channel budgets are spent across visible sellers by a
 * logit over quality, brand, reputation and price, weighted by exposure on the
 * platform and by market presence offline. Orders are integer Poisson draws,
 * so small sellers face real noise; money is booked where it goes.
 */
import { Channel, reputationOf } from './firms.js';
import { splitBudgets } from './buyers.js';
import { allocateTraffic } from './traffic.js';
import { appealOf, buyersReputationTerm, directPull, exFactoryPrice, indirectPull, platformPull, unitCost } from './trade.js';
import { spendingPower } from './finance.js';
import type { World } from './world.js';

/** Buyers' reputation term on the platform for the seller's current record. */
function reputationTerm(w: World, i: number): number {
  const rv = w.scenario.platform.reviews;
  return buyersReputationTerm(w, reputationOf(w.firms, i, rv.priorGood, rv.priorBad));
}

function platformWeight(w: World, i: number, m: number, repTerm: number): number {
  return platformPull(w, i, m, w.appeal[i]!, w.score[i]!, repTerm);
}

function directWeight(w: World, i: number, m: number): number {
  return directPull(w, i, m, w.appeal[i]!);
}

function indirectWeight(w: World, i: number, m: number): number {
  return indirectPull(w, i, m, w.appeal[i]!);
}

/** Pass 1: every seller's pull on each market and channel. */
function accumulatePulls(w: World): void {
  const f = w.firms;
  const ms = w.market;
  const M = w.markets.length;
  ms.platformPull.fill(0);
  ms.directPull.fill(0);
  ms.indirectPull.fill(0);
  ms.sellers.fill(0);
  const reach = w.trade.intermediaryReach;
  for (let i = 0; i < f.capacity; i++) {
    const ch = f.channels[i]!;
    if (!ch) continue;
    const rep = ch & Channel.platform ? reputationTerm(w, i) : 0;
    for (let m = 0; m < M; m++) {
      const bit = 1 << m;
      let serves = false;
      if (ch & Channel.indirect && reach & bit) {
        ms.indirectPull[m]! += indirectWeight(w, i, m);
        serves = true;
      }
      if (ch & Channel.direct && f.directMarkets[i]! & bit) {
        ms.directPull[m]! += directWeight(w, i, m);
        serves = true;
      }
      if (ch & Channel.platform && f.platformMarkets[i]! & bit) {
        ms.platformPull[m]! += platformWeight(w, i, m, rep);
        serves = true;
      }
      if (serves) ms.sellers[m]!++;
    }
  }
}

interface Sale {
  spend: number;
  units: number;
}

/** Draws the orders of one seller in one market and channel. */
function drawSale(w: World, budget: number, weight: number, pull: number, unitsPerOrder: number, buyerPrice: number, fill: number): Sale & { orders: number } {
  if (weight <= 0 || budget <= 0) return { spend: 0, units: 0, orders: 0 };
  const expectedSpend = (fill * budget * weight) / pull;
  const orders = w.rng.get('matching').poisson(expectedSpend / (unitsPerOrder * buyerPrice));
  const units = orders * unitsPerOrder;
  return { spend: units * buyerPrice, units, orders };
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

/** Pass 2: orders and the money they move. */
function drawOrders(w: World): void {
  const f = w.firms;
  const s = w.scenario;
  const ms = w.market;
  const L = w.ledger;
  const M = w.markets.length;
  const t = w.trade;
  const tau = w.platform.commission;
  const units = s.buyers.unitsPerOrder;
  const saving = s.platform.counterfeitSaving;
  const rv = s.platform.reviews;
  const rng = w.rng.get('reviews');
  ms.platformSales.fill(0);
  ms.directSales.fill(0);
  ms.indirectSales.fill(0);
  for (let i = 0; i < f.capacity; i++) {
    const ch = f.channels[i]!;
    if (!ch) continue;
    const p = exFactoryPrice(w, i);
    const c = unitCost(w, i);
    const base = f.region[i]! * M;
    const rep = ch & Channel.platform ? reputationTerm(w, i) : 0;
    const fake = f.cheating[i] === 1;
    const fill = fillRate(w, i, p, c);
    let platformOrders = 0;
    let cogs = 0;
    for (let m = 0; m < M; m++) {
      const bit = 1 << m;
      const k = base + m;
      const tradPull = ms.directPull[m]! + ms.indirectPull[m]! + ms.outsidePull[m]!;
      let marketSpend = 0;
      if (ch & Channel.indirect && t.intermediaryReach & bit) {
        const sale = drawSale(w, ms.traditionalBudget[m]!, indirectWeight(w, i, m), tradPull, units.indirect, p * t.indirectPriceRatio[k]!, fill);
        const paid = sale.units * p * t.intermediaryPays;
        const margin = sale.units * p * (s.intermediary.margin + s.intermediary.squeeze);
        f.indirectReceipts[i]! += paid;
        L.intermediaryMargin += margin;
        L.logistics += sale.spend - paid - margin;
        cogs += sale.units * c;
        L.traditionalOrders += sale.orders;
        L.traditionalSpend += sale.spend;
        ms.indirectSales[m]! += sale.spend;
        marketSpend += sale.spend;
      }
      if (ch & Channel.direct && f.directMarkets[i]! & bit) {
        const sale = drawSale(w, ms.traditionalBudget[m]!, directWeight(w, i, m), tradPull, units.direct, p * t.directPriceRatio[k]!, fill);
        const paid = sale.units * p;
        f.directReceipts[i]! += paid;
        L.logistics += sale.spend - paid;
        cogs += sale.units * c;
        L.traditionalOrders += sale.orders;
        L.traditionalSpend += sale.spend;
        ms.directSales[m]! += sale.spend;
        marketSpend += sale.spend;
      }
      if (ch & Channel.platform && f.platformMarkets[i]! & bit) {
        const sale = drawSale(w, ms.platformBudget[m]!, platformWeight(w, i, m, rep), ms.platformPull[m]! + ms.outsidePull[m]!, units.platform, p * t.platformPriceRatio[k]!, fill);
        const gmv = sale.units * p * t.listFactor;
        const commission = tau * gmv;
        f.platformReceipts[i]! += gmv - commission;
        f.platformGmvTrail[i]! += gmv; // decayed once per tick in settlement
        L.gmv += gmv;
        L.commission += commission;
        L.logistics += sale.spend - gmv;
        cogs += sale.units * c * (fake ? 1 - saving : 1);
        L.platformOrders += sale.orders;
        L.platformSpend += sale.spend;
        ms.platformSales[m]! += sale.spend;
        platformOrders += sale.orders;
        marketSpend += sale.spend;
      }
      f.salesByMarket[i * M + m] = 0.9 * f.salesByMarket[i * M + m]! + 0.1 * marketSpend;
      f.exportValue[i]! += marketSpend;
    }
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

/** Moves the tick's export receipts less the cost of goods into the firm's cash and profit. */
function bookExportIncome(w: World, i: number, cogs: number): void {
  const f = w.firms;
  const L = w.ledger;
  const receipts = f.indirectReceipts[i]! + f.directReceipts[i]! + f.platformReceipts[i]!;
  f.exportReceipts[i] = receipts;
  f.cash[i]! += receipts - cogs;
  f.profit[i]! += receipts - cogs;
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
  const f = w.firms;
  const sum = new Float64Array(4);
  const n = new Float64Array(4);
  for (let i = 0; i < f.capacity; i++) {
    if (!(f.channels[i]! & Channel.platform)) continue;
    sum[f.stage[i]!]! += f.productivity[i]!;
    n[f.stage[i]!]!++;
  }
  for (let s = 0; s < 4; s++) w.platform.meanProductivityByStage[s] = n[s]! > 0 ? sum[s]! / n[s]! : 0;
}

export function matching(w: World): void {
  const f = w.firms;
  for (let i = 0; i < f.capacity; i++) if (f.channels[i]) w.appeal[i] = appealOf(w, i);
  splitBudgets(w);
  if (w.platform.active) allocateTraffic(w);
  accumulatePulls(w);
  drawOrders(w);
  updatePlatformAggregates(w);
  platformPeers(w);
}
