/**
 * Cost formulas shared by firms' decisions and settlement: what entering a
 * channel or market costs, and what carrying it costs per tick.
 */
import { Channel, lowestMarket, marketCount } from './firms.js';
import { warehouseFees } from './policy.js';
import { pilotZoneOpen } from './regions.js';
import type { TradeTables } from './world-state.js';
import type { World } from './world-state.js';

function inPilotZone(w: World, i: number): boolean {
  return pilotZoneOpen(w.regions[w.firms.region[i]!]!, w.tick);
}

/** One-off platform onboarding: falls with digital capability, regional digital infrastructure and an open pilot zone. */
export function onboardingCost(w: World, i: number): number {
  const s = w.scenario;
  const r = w.regions[w.firms.region[i]!]!;
  const pilot = inPilotZone(w, i) ? 1 - s.logistics.pilotZoneDiscount : 1;
  return s.channels.onboardingCost * (1 - 0.5 * w.firms.digital[i]!) * (1 - 0.3 * r.digitalInfra) * pilot;
}

/** One-off cost of entering market m directly offline (fairs, agents): rises with distance and search cost. */
export function fairEntryCost(w: World, m: number): number {
  const s = w.scenario;
  return s.channels.fairEntryCost * (1 + s.buyers.searchCost * w.markets[m]!.distance);
}

/** One-off cost of opening market m on the platform; virtual fairs (stage 2) cut it. */
export function platformMarketCost(w: World): number {
  const s = w.scenario;
  return s.channels.platformMarketCost * (w.platform.stage >= 2 ? 1 - s.platform.virtualFairDiscount : 1);
}

/**
 * Compliance cost per tick of a platform seller in region r: grows with
 * oversight^complianceCurvature (², by default), falls with regional institution quality, an open pilot zone and
 * SaaS (stage 2). The trade tables hold it per region for the tick.
 */
export function complianceCostIn(w: World, r: number): number {
  const s = w.scenario;
  const g = s.platform.governance;
  const region = w.regions[r]!;
  const pilot = pilotZoneOpen(region, w.tick) ? 1 - s.logistics.pilotZoneDiscount : 1;
  // oversight² by default, written as a product so the default runs bit for bit as before.
  const rise = g.complianceCurvature === 2 ? g.oversight * g.oversight : Math.pow(g.oversight, g.complianceCurvature);
  return g.complianceCost * rise * (1 - 0.6 * region.institutionQuality) * pilot * saasShare(w);
}

/** What is left of compliance and localisation costs (the platform's and each market's) once SaaS tools take their part (stage 2). */
export function saasShare(w: World): number {
  return w.platform.stage >= 2 ? 1 - w.scenario.platform.saasComplianceDiscount : 1;
}

/** Compliance cost per tick of platform seller i, as this tick's trade tables hold it. */
export function complianceCost(w: World, i: number): number {
  return w.trade.compliance[w.firms.region[i]!]!;
}

/**
 * Unit cost per tick of carrying product lines: cheaper for platform-only
 * sellers, cheaper still with data tools. The k-th line costs k units
 * (coordination grows with the range), so k lines cost k(k+1)/2 units.
 */
export function categoryCost(w: World, i: number): number {
  const s = w.scenario;
  const ch = w.firms.channels[i]!;
  let c = s.firm.categoryCost;
  if (ch === Channel.platform) c *= 1 - s.platform.platformCategoryDiscount;
  if (ch & Channel.platform && w.platform.stage >= 2 && s.platform.dataAccess) c *= 1 - s.platform.dataCategoryDiscount;
  return c;
}

/** Per-tick cost of carrying k product lines. */
export function productLinesCost(w: World, i: number, k: number): number {
  return (categoryCost(w, i) * k * (k + 1)) / 2;
}

/**
 * Running cost per tick of the platform markets in bit set `bits`: each
 * market's (the trade tables hold them), × (1 + scope · (n − 1)) for n
 * markets served, since coordinating more destinations costs more per destination.
 */
export function platformUpkeepOf(w: World, bits: number): number {
  return (1 + w.scenario.channels.platformScope * Math.max(0, marketCount(bits) - 1)) * sumUpkeep(w.trade, bits);
}

/** Σ of the markets' own running costs over bit set `bits`, before the scope term. */
export function sumUpkeep(t: TradeTables, bits: number): number {
  let cost = 0;
  for (let b = bits; b; b &= b - 1) cost += t.platformUpkeep[lowestMarket(b)]!;
  return cost;
}

/** Running cost per tick of the firm's export channels, markets and product lines (not compliance or ads). */
export function channelRunningCost(w: World, i: number): number {
  const c = w.scenario.channels;
  const f = w.firms;
  const ch = f.channels[i]!;
  if (!ch) return 0;
  let cost = productLinesCost(w, i, f.categories[i]!) + marketCount(f.directMarkets[i]!) * c.directMarketCost;
  if (ch & Channel.indirect) cost += c.intermediaryAdminCost;
  if (ch & Channel.platform) cost += w.scenario.platform.subscription + platformMarketsCost(w, i);
  return cost;
}

/** Running cost per tick of firm i's platform markets: their upkeep, and the fees of the overseas warehouses it stocks. */
export function platformMarketsCost(w: World, i: number): number {
  const upkeep = platformUpkeepOf(w, w.firms.platformMarkets[i]!);
  return w.trade.warehouses ? upkeep + warehouseFees(w, i) : upkeep;
}

/** What a seller expects rule changes to cost it per tick: their rate × the cost of re-adapting. */
export function expectedAdaptationCost(w: World): number {
  const g = w.scenario.platform.governance;
  return g.ruleVolatility * g.adaptationCost;
}
