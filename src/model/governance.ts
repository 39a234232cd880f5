/**
 * Platform governance: opportunist sellers cheat (counterfeit or low quality)
 * when the cost saving beats the expected penalty; the platform catches each
 * counterfeit sale with probability `oversight`, fines the seller and delists it.
 */
import { Channel } from './firms.js';
import { priceFromCost, unitCost } from './trade.js';
import type { World } from './world.js';

/**
 * Opportunism: an opportunist listed seller cheats this tick if
 * saving on expected units > P(caught) × (fine + profit lost while delisted),
 * with P(caught) = 1 − (1 − oversight)^expected orders: the ex-factory value
 * of its expected platform goods over that of one order from its region
 * (averaged over markets: it judges before it knows where its buyers are).
 */
export function opportunism(w: World): void {
  const f = w.firms;
  const s = w.scenario.platform;
  const g = s.governance;
  const orderAtFactory = platformOrderAtFactory(w);
  for (let i = 0; i < f.capacity; i++) {
    f.cheating[i] = 0;
    if (!f.opportunist[i] || !(f.channels[i]! & Channel.platform) || !w.platform.active) continue;
    const receipts = f.expectedPlatform[i]!;
    if (receipts <= 0) continue;
    const cost = unitCost(w, i);
    const atFactory = receipts / (w.trade.listFactor * (1 - w.platform.commission)); // ex-factory value of the goods
    const saving = (s.counterfeitSaving * cost * atFactory) / priceFromCost(w, i, cost);
    const caught = 1 - Math.pow(1 - g.oversight, atFactory / orderAtFactory[f.region[i]!]!);
    const penalty = g.fineMonths * receipts + g.delistTicks * Math.max(0, f.profitPlatform[i]!);
    if (saving > caught * penalty) f.cheating[i] = 1;
  }
}

/**
 * Ex-factory value of one platform order by region: buyers' order value ÷
 * delivered price per ex-factory price, averaged over markets (a seller's
 * expected orders are judged before it knows where they will come from).
 */
function platformOrderAtFactory(w: World): Float64Array {
  const t = w.trade;
  const M = w.markets.length;
  return Float64Array.from(w.regions, (_, r) => {
    let sum = 0;
    for (let m = 0; m < M; m++) sum += t.platformOrderValue[r * M + m]! / t.platformPriceRatio[r * M + m]!;
    return sum / M;
  });
}

/** Catches cheaters among this tick's counterfeit sales: fine, delisting, reviews wiped. */
export function enforce(w: World): void {
  const f = w.firms;
  const g = w.scenario.platform.governance;
  const rng = w.rng.get('governance');
  for (let i = 0; i < f.capacity; i++) {
    if (!f.cheating[i] || f.platformOrders[i]! <= 0) continue;
    if (!rng.chance(1 - Math.pow(1 - g.oversight, f.platformOrders[i]!))) continue;
    const fine = g.fineMonths * f.platformReceipts[i]!;
    f.cash[i]! -= fine;
    f.profit[i]! -= fine;
    w.ledger.fines += fine;
    w.ledger.caught++;
    w.ledger.platformLeaves++;
    f.channels[i]! &= ~Channel.platform;
    f.platformMarkets[i] = 0;
    f.warehouseMarkets[i] = 0;
    f.delistedUntil[i] = w.tick + g.delistTicks;
  }
}
