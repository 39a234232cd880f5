/**
 * What must hold in every world after every phase. Tests always check these;
 * runs may (`checkInvariants` option).
 */
import { relativelyEqual, type Invariant } from '../engine/invariants.js';
import type { World } from './world.js';

const TOLERANCE = 1e-9;

/** Buyers' spending = SME receipts + platform commission + intermediary margin + logistics + tariffs. */
const accounting: Invariant<World> = {
  name: 'export accounting',
  check(w) {
    const L = w.ledger;
    const flows = L.receipts + L.commission + L.intermediaryMargin + L.logistics + L.tariffs;
    return relativelyEqual(L.buyerSpending, flows, TOLERANCE)
      ? null
      : `buyers spent ${L.buyerSpending} but receipts + commission + margin + logistics + tariffs = ${flows}`;
  },
};

/** Every firm array holds finite numbers; bounded state stays in bounds. */
const firmState: Invariant<World> = {
  name: 'firm state finite and bounded',
  after: ['settlement', 'upgrading', 'demography'],
  check(w) {
    const f = w.firms;
    for (let i = 0; i < f.capacity; i++) {
      if (!Number.isFinite(f.cash[i]!) || !Number.isFinite(f.debt[i]!) || !Number.isFinite(f.productivity[i]!)) return `firm slot ${i} has non-finite cash, debt or productivity`;
      if (f.debt[i]! < -1e-9) return `firm slot ${i} has negative debt ${f.debt[i]}`;
      if (f.productivity[i]! < 1 - 1e-12) return `firm slot ${i} has productivity ${f.productivity[i]} below the minimum 1`;
      if (f.brand[i]! < 0 || f.brand[i]! > 1 || f.digital[i]! < 0 || f.digital[i]! > 1) return `firm slot ${i} has brand or digital outside [0,1]`;
      if (f.stage[i]! > 3) return `firm slot ${i} has stage ${f.stage[i]}`;
    }
    return null;
  },
};

const platformState: Invariant<World> = {
  name: 'platform shares in [0,1]',
  check(w) {
    const p = w.platform;
    for (const [k, v] of [['gmvShare', p.gmvShare], ['fraudShare', p.fraudShare], ['trust', p.trust], ['commission', p.commission]] as const) {
      if (!(v >= 0 && v <= 1)) return `platform ${k} = ${v}`;
    }
    return null;
  },
};

export const MODEL_INVARIANTS: readonly Invariant<World>[] = [accounting, firmState, platformState];
