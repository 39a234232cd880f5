/**
 * The platform agent's rules phase: switch on after burn-in, set the
 * commission by the fee policy, evolve its stage, maybe redraw its ranking
 * weights (rule volatility), and rebuild the price tables that follow.
 */
import { compileFeeExpression, type FeeScope } from './fee-expression.js';
import { Channel } from './firms.js';
import type { Scenario, TrafficWeights } from './params.js';
import { transparencyOf } from './policy.js';
import { buildTradeTables } from './trade.js';
import type { World } from './world.js';

/** Ranking-weight presets (DESIGN §1.5). `random` ranks by a fresh draw each tick. */
export const TRAFFIC_PRESETS: Record<Scenario['platform']['traffic']['rule'], TrafficWeights> = {
  relevance: { quality: 0.5, reputation: 1.5, brand: 1, ad: 0, newSeller: 0 },
  'pay-to-rank': { quality: 0.2, reputation: 0.5, brand: 0.3, ad: 0.8, newSeller: 0 },
  'new-seller-boost': { quality: 0.5, reputation: 1.5, brand: 1, ad: 0, newSeller: 1.5 },
  random: { quality: 0, reputation: 0, brand: 0, ad: 0, newSeller: 0 },
  custom: { quality: 0.5, reputation: 1.5, brand: 1, ad: 0, newSeller: 0 },
};

/** The weights a scenario asks for: the preset, with explicit weights on top. */
export function configuredWeights(s: Scenario): TrafficWeights {
  const explicit = Object.fromEntries(Object.entries(s.platform.traffic.weights).filter(([, v]) => v !== undefined));
  return { ...TRAFFIC_PRESETS[s.platform.traffic.rule], ...explicit };
}

const feeFunctions = new Map<string, (scope: FeeScope) => number>();

/** Commission for this tick under the scenario's fee policy, clamped to the schema's range and to a policy cap (`policy.commissionCap`). */
export function commissionFor(w: World): number {
  const s = w.scenario.platform;
  const p = s.feePolicy;
  let tau = s.commission;
  if (p.kind === 'market-power') tau = Math.min(p.max, s.commission + p.slope * w.platform.gmvShare);
  if (p.kind === 'expression') {
    let fn = feeFunctions.get(p.expr);
    if (!fn) feeFunctions.set(p.expr, (fn = compileFeeExpression(p.expr)));
    tau = fn({
      gmvShare: w.platform.gmvShare,
      sellerShare: w.platform.listed / Math.max(1, w.scenario.firms),
      stage: w.platform.stage,
      base: s.commission,
      trust: w.platform.trust,
      fraudShare: w.platform.fraudShare,
      year: Math.max(0, w.tick) / w.scenario.ticksPerYear,
    });
  }
  return Math.min(w.scenario.policy.commissionCap, 0.9, Math.max(0, tau));
}

/** Stage under `gmv` evolution: thresholds passed by the GMV share; never falls back. */
function evolvedStage(w: World): number {
  const [t1, t2] = w.scenario.platform.gmvThresholds as [number, number];
  const reached = w.platform.gmvShare >= t2 ? 2 : w.platform.gmvShare >= t1 ? 1 : 0;
  return Math.max(w.platform.stage, reached);
}

/**
 * A rule change: each weight is redrawn around its configured value; every
 * listed seller pays to re-adapt and loses its rank-specific investment, and
 * re-reads the new weights with an error that shrinks with transparency.
 */
function redrawWeights(w: World): void {
  const rng = w.rng.get('platform');
  const base = configuredWeights(w.scenario);
  const next = { ...base };
  const size = w.scenario.platform.governance.ruleChangeSize;
  for (const k of Object.keys(next) as (keyof TrafficWeights)[]) next[k] = base[k] * Math.exp(size * rng.normal());
  w.platform.weights = next;
  w.platform.ruleChanges++;
  const f = w.firms;
  const gov = w.scenario.platform.governance;
  // A one-off cost of the platform channel: it enters the channel's smoothed profit as entrants expect it to (entry.ts).
  // Sellers' readings come from a stream of their own: the rule history stays the same in variants with fewer or more sellers.
  const reading = w.rng.get('ruleReading');
  const inChannelProfit = w.scenario.firm.expectationWeight * gov.adaptationCost;
  for (let i = 0; i < f.capacity; i++) {
    if (!(f.channels[i]! & Channel.platform)) continue;
    f.adStock[i] = 0;
    f.adWeightMisread[i] = Math.exp((1 - transparencyOf(w.scenario)) * reading.normal());
    f.cash[i]! -= gov.adaptationCost;
    w.ledger.compliance += gov.adaptationCost;
    f.profit[i]! -= gov.adaptationCost;
    f.profitPlatform[i]! -= inChannelProfit;
  }
}

export function platformRules(w: World): void {
  const s = w.scenario.platform;
  const wasActive = w.platform.active;
  w.platform.active = s.enabled && w.tick >= 0;
  if (wasActive && !w.platform.active) closeListings(w);
  if (w.platform.active) {
    if (!wasActive) w.platform.weights = configuredWeights(w.scenario);
    w.platform.stage = s.stageEvolution === 'gmv' ? evolvedStage(w) : s.stage;
    w.platform.commission = commissionFor(w);
    if (w.rng.get('platform').chance(s.governance.ruleVolatility)) redrawWeights(w);
    if (w.scenario.policy.payToRankBan && w.platform.weights.ad !== 0) w.platform.weights = { ...w.platform.weights, ad: 0 };
  }
  w.trade = buildTradeTables(w);
}

/** The platform shuts (an event disabled it): every listing ends. */
function closeListings(w: World): void {
  const f = w.firms;
  for (let i = 0; i < f.capacity; i++) {
    f.channels[i]! &= ~Channel.platform;
    f.platformMarkets[i] = 0;
    f.warehouseMarkets[i] = 0;
  }
}

/** Resets the configured weights after an event changed the traffic rule or weights. */
export function refreshWeights(w: World): void {
  if (w.platform.active) w.platform.weights = configuredWeights(w.scenario);
}
