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
 * with P(caught) = 1 − (1 − oversight)^expected orders.
 */
export function opportunism(w: World): void {
  const f = w.firms;
  const s = w.scenario.platform;
  const g = s.governance;
  const unitsPerOrder = w.scenario.buyers.unitsPerOrder.platform;
  for (let i = 0; i < f.capacity; i++) {
    f.cheating[i] = 0;
    if (!f.opportunist[i] || !(f.channels[i]! & Channel.platform) || !w.platform.active) continue;
    const receipts = f.expectedPlatform[i]!;
    if (receipts <= 0) continue;
    const cost = unitCost(w, i);
    const paidPerUnit = priceFromCost(w, i, cost) * w.trade.listFactor * (1 - w.platform.commission);
    const units = receipts / paidPerUnit;
    const saving = s.counterfeitSaving * cost * units;
    const caught = 1 - Math.pow(1 - g.oversight, units / unitsPerOrder);
    const penalty = g.fineMonths * receipts + g.delistTicks * Math.max(0, f.profitPlatform[i]!);
    if (saving > caught * penalty) f.cheating[i] = 1;
  }
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
