/**
 * Upgrading and branding. A firm funds its next stage when the gain in
 * operating profit over its planning horizon beats what is left to invest;
 * it pays from cash and credit, and is credit-constrained when it cannot fund
 * what it planned. Once the stock passes the next threshold, each tick the step
 * succeeds with a hazard rising with absorptive capacity and platform data.
 * Nothing here looks at the outcome: lock-in is firms never funding step one.
 */
import { pay, spendingPower } from './finance.js';
import { Channel, marketCount } from './firms.js';
import { perceivedAdBurden } from './traffic.js';
import type { World } from './world.js';

/** Whether stage `next` is open to firm i: stage ≥ 2 needs direct customers, stage 3 a service route. */
export function stageAllowed(w: World, i: number, next: number): boolean {
  const f = w.firms;
  const s = w.scenario;
  if (next > s.upgrading.maxStage || next > 3) return false;
  const ch = f.channels[i]!;
  if (next >= 2 && !(ch & (Channel.platform | Channel.direct))) return false;
  if (next === 3) {
    const ecosystem = (ch & Channel.platform) !== 0 && w.platform.stage >= 2;
    const ownNetwork = marketCount(f.directMarkets[i]!) >= s.channels.serviceNetworkMarkets;
    return ecosystem || ownNetwork;
  }
  return true;
}

/** Margin on what the firm is paid at stage `st`, when it is paid `paidRatio` × its ex-factory price. */
function stageMargin(w: World, st: number, paidRatio: number): number {
  return 1 - 1 / ((1 + w.scenario.firm.markups[st]!) * paidRatio);
}

/**
 * Per-tick constants of `upgradeGain` by current stage: the demand shift of the
 * next stage and the margins at this and the next stage in each channel. They
 * depend only on parameters and this tick's prices, so the phase computes them
 * once rather than per firm (same formulas, same numbers).
 */
export interface StageTerms {
  demand: Float64Array;
  directNow: Float64Array;
  directNext: Float64Array;
  indirectNow: Float64Array;
  indirectNext: Float64Array;
  platformNow: Float64Array;
  platformNext: Float64Array;
}

export function stageTerms(w: World): StageTerms {
  const s = w.scenario;
  const mu = s.firm.markups;
  const q = s.firm.stageQuality;
  const paid = w.trade.intermediaryPays;
  const listed = w.trade.listFactor * (1 - w.platform.commission);
  const table = () => new Float64Array(4);
  const t: StageTerms = {
    demand: table(), directNow: table(), directNext: table(), indirectNow: table(), indirectNext: table(), platformNow: table(), platformNext: table(),
  };
  for (let st = 0; st < 3; st++) {
    t.demand[st] = Math.pow(q[st + 1]! / q[st]!, s.buyers.qualityWeight) * Math.pow((1 + mu[st + 1]!) / (1 + mu[st]!), -s.buyers.priceElasticity);
    t.directNow[st] = stageMargin(w, st, 1);
    t.directNext[st] = stageMargin(w, st + 1, 1);
    t.indirectNow[st] = stageMargin(w, st, paid);
    t.indirectNext[st] = stageMargin(w, st + 1, paid);
    t.platformNow[st] = stageMargin(w, st, listed);
    t.platformNext[st] = stageMargin(w, st + 1, listed);
  }
  return t;
}

/**
 * Gain in export operating profit per tick from moving one stage up, at the
 * receipts the firm expects (smoothed, so one lumpy order does not decide),
 * channel by channel: buyers' spending on the firm shifts with
 * (quality ratio)^θq · (price ratio)^(−η), and the net margin moves with the
 * markup — after commission and, on the platform, the share of margin the
 * seller expects pay-to-rank ads to take. `terms` (from `stageTerms`) saves
 * recomputing the per-stage constants firm by firm.
 */
export function upgradeGain(w: World, i: number, terms: StageTerms = stageTerms(w)): number {
  const f = w.firms;
  const st = f.stage[i]!;
  const demand = terms.demand[st]!;
  let gain = f.expectedDirect[i]! * (demand * terms.directNext[st]! - terms.directNow[st]!);
  gain += f.expectedIndirect[i]! * (demand * terms.indirectNext[st]! - terms.indirectNow[st]!);
  if (f.channels[i]! & Channel.platform) {
    const keep = 1 - perceivedAdBurden(w, i);
    gain += f.expectedPlatform[i]! * keep * (demand * terms.platformNext[st]! - terms.platformNow[st]!);
  }
  return gain;
}

/** How much of a k USD invested lands in the upgrade stock. */
function efficiency(w: World, i: number): number {
  return 0.5 + w.firms.absorptive[i]!;
}

/** Moves a [0,1] stock toward 1: 1 − (1 − x)·e^(−gain), never past it. */
function saturate(x: number, gain: number): number {
  // e^0 is exactly 1: most firms gain nothing in a tick and skip the exponential.
  return 1 - (1 - x) * (gain === 0 ? 1 : Math.exp(-gain));
}

function dataTools(w: World, i: number): boolean {
  return w.scenario.platform.dataAccess && w.platform.stage >= 2 && (w.firms.channels[i]! & Channel.platform) !== 0;
}

/**
 * What the firm wants to put into its next stage this tick: nothing unless the
 * step is open and pays (gain over the payback horizon beats what is left to
 * invest); otherwise its share of this tick's profit, topped up with credit to
 * the pace that funds the step within the investment horizon.
 */
function wantedInvestment(w: World, i: number, terms: StageTerms): Wanted {
  const f = w.firms;
  const s = w.scenario.upgrading;
  const next = f.stage[i]! + 1;
  if (!stageAllowed(w, i, next)) return wants(0, 0);
  const threshold = s.thresholds[next - 1]!;
  const remaining = (threshold - f.upgradeStock[i]!) / efficiency(w, i);
  if (remaining <= 0 || upgradeGain(w, i, terms) * s.paybackTicks <= remaining) return wants(0, 0);
  const own = Math.min(remaining, s.investShare * Math.max(0, Math.min(f.profit[i]!, f.cash[i]!)));
  const pace = Math.min(remaining, threshold / efficiency(w, i) / s.investHorizon);
  return wants(own, Math.max(own, pace));
}

interface Wanted {
  own: number;
  wanted: number;
}

/** The one `Wanted` record, refilled for every firm (read at once by `invest`): no object per firm and tick. */
const wantedRecord: Wanted = { own: 0, wanted: 0 };

function wants(own: number, amount: number): Wanted {
  wantedRecord.own = own;
  wantedRecord.wanted = amount;
  return wantedRecord;
}

/** Funds the wanted investment from retained profit and credit; a firm that cannot reach its pace is credit-constrained. */
function invest(w: World, i: number, terms: StageTerms): void {
  const f = w.firms;
  const s = w.scenario.upgrading;
  const { own, wanted } = wantedInvestment(w, i, terms);
  // Beyond its share of profit, the firm draws on cash above one tick's overhead, then on credit
  // (most firms want nothing: their top-up is 0 without pricing their credit line).
  const topUp = wanted === 0 ? 0 : Math.min(wanted - own, Math.max(0, spendingPower(w, i) - own - w.scenario.firm.overhead));
  const amount = own + topUp;
  if (amount > 0) pay(w, i, amount);
  f.creditConstrained[i] = wanted > 0 && amount < wanted * 0.999 ? 1 : 0;
  const brandPart = f.stage[i]! >= 1 ? s.brandShare : 0;
  const rd = amount * (1 - brandPart);
  f.upgradeStock[i]! += rd * efficiency(w, i);
  f.brand[i] = saturate(f.brand[i]!, s.brandEfficiency * amount * brandPart);
  f.investment[i] = amount;
  f.rdSpend[i] = rd;
  f.capital[i] = f.capital[i]! * (1 - s.capitalDepreciation) + amount;
  const sales = f.exportReceipts[i]! + f.domesticSales[i]!;
  // Returns diminish as R&D nears the firm's sales (at most processReturn a tick), so a firm with next to no sales cannot multiply its productivity without bound.
  if (rd > 0) f.productivity[i]! *= 1 + (s.processReturn * rd) / (sales + rd); // × 1 when nothing went to R&D
  w.ledger.investment += amount;
  w.ledger.rdSpend += rd;
}

function tryStep(w: World, i: number): void {
  const f = w.firms;
  const s = w.scenario;
  const next = f.stage[i]! + 1;
  if (!stageAllowed(w, i, next) || f.upgradeStock[i]! < s.upgrading.thresholds[next - 1]!) return;
  const hazard = s.upgrading.hazard * efficiency(w, i) * (dataTools(w, i) ? 1 + s.platform.dataUpgradeBoost : 1);
  if (!w.rng.get('upgrading').chance(hazard)) return;
  f.upgradeStock[i]! -= s.upgrading.thresholds[next - 1]!;
  f.stage[i] = next;
  f.ticksAtStage[i] = 0;
}

/** Brand decays, and grows with direct sales (platform and offline), where buyers see who made the goods. */
function brandDrift(w: World, i: number): void {
  const f = w.firms;
  const s = w.scenario.upgrading;
  const direct = f.platformReceipts[i]! + f.directReceipts[i]!;
  f.brand[i] = saturate(f.brand[i]! * (1 - s.brandDecay), s.brandFromDirect * direct);
}

/** Knowledge spillover: platform sellers close part of their gap to higher-stage platform peers. */
function spillover(w: World, i: number): void {
  const f = w.firms;
  const s = w.scenario.platform;
  if (s.spillover <= 0 || !(f.channels[i]! & Channel.platform)) return;
  let sum = 0;
  let n = 0;
  for (let st = f.stage[i]! + 1; st < 4; st++) {
    const peer = w.platform.meanProductivityByStage[st]!;
    if (peer > 0) {
      sum += peer;
      n++;
    }
  }
  if (n === 0) return;
  const gap = sum / n - f.productivity[i]!;
  if (gap <= 0) return;
  const boost = w.platform.stage >= 2 ? 1 + s.rdMatchingBoost : 1;
  f.productivity[i]! += s.spillover * f.absorptive[i]! * boost * gap;
}

export function upgrading(w: World): void {
  const terms = stageTerms(w);
  for (let i = 0; i < w.firms.capacity; i++) {
    brandDrift(w, i);
    invest(w, i, terms);
    tryStep(w, i);
    spillover(w, i);
  }
}
