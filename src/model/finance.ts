/**
 * Finance: a firm's credit line is bank credit against cash collateral plus,
 * on a platform of stage ≥ 1 with supply-chain finance, credit against its
 * transaction record (trailing GMV × reputation). Both scale with the region's
 * finance depth: they are complements, not substitutes.
 */
import { Channel, reputationOf } from './firms.js';
import type { World } from './world.js';

export function bankCredit(w: World, i: number): number {
  const depth = w.regions[w.firms.region[i]!]!.financeDepth;
  return depth * w.scenario.finance.bankLeverage * Math.max(0, w.firms.cash[i]!);
}

export function supplyChainCredit(w: World, i: number): number {
  const s = w.scenario.platform;
  const f = w.firms;
  if (!w.platform.active || !s.supplyChainFinance || w.platform.stage < 1 || !(f.channels[i]! & Channel.platform)) return 0;
  const depth = w.regions[f.region[i]!]!.financeDepth;
  const rep = reputationOf(f, i, s.reviews.priorGood, s.reviews.priorBad);
  return depth * rep * f.platformGmvTrail[i]! * s.financeFactor;
}

export function creditLine(w: World, i: number): number {
  return bankCredit(w, i) + supplyChainCredit(w, i);
}

/** Credit still unused. */
export function creditRoom(w: World, i: number): number {
  return Math.max(0, creditLine(w, i) - w.firms.debt[i]!);
}

/** Money a firm can put to a cost now: cash plus unused credit. */
export function spendingPower(w: World, i: number): number {
  return Math.max(0, w.firms.cash[i]!) + creditRoom(w, i);
}

/** Pays `amount` from cash, borrowing what cash does not cover (within the line). Returns what was paid. */
export function pay(w: World, i: number, amount: number): number {
  const f = w.firms;
  const paid = Math.min(amount, spendingPower(w, i));
  const shortfall = paid - Math.max(0, f.cash[i]!);
  if (shortfall > 0) borrow(w, i, shortfall);
  f.cash[i]! -= paid;
  return paid;
}

function borrow(w: World, i: number, amount: number): void {
  w.firms.debt[i]! += amount;
  w.firms.cash[i]! += amount;
}

/**
 * The finance phase: firms with negative cash borrow what their line allows;
 * firms with cash above their buffer repay debt, then pay out a share of the rest.
 */
export function finance(w: World): void {
  const f = w.firms;
  const s = w.scenario.firm;
  for (let i = 0; i < f.capacity; i++) {
    if (f.cash[i]! < 0) {
      const room = creditRoom(w, i);
      if (room > 0) borrow(w, i, Math.min(room, -f.cash[i]!));
      continue;
    }
    const buffer = s.cashBufferMonths * (f.exportReceipts[i]! + f.domesticSales[i]!);
    const excess = f.cash[i]! - buffer;
    if (excess <= 0) continue;
    const repay = Math.min(excess, f.debt[i]!);
    f.debt[i]! -= repay;
    f.cash[i]! -= repay;
    const payout = (excess - repay) * s.payoutRate;
    f.cash[i]! -= payout;
    w.ledger.payouts += payout;
  }
}
