/**
 * The world: current parameters, firms, regions, markets, the platform and
 * this tick's ledger of money flows. Phases read and mutate it; its types
 * are in world-state.ts, built here.
 */
import { withDoubleFields } from '../engine/double-fields.js';
import { RngStreams } from '../engine/rng.js';
import { createFirms } from './firms.js';
import { buildMarkets } from './markets.js';
import type { Scenario } from './params.js';
import { resolveRegions } from './regions.js';
import { buildTradeTables } from './trade.js';
import type { Ledger, TradeTables, World } from './world-state.js';

export type { Ledger, MarketState, PlatformState, RegionState, TradeTables, World } from './world-state.js';

/** A zeroed ledger. */
export function emptyLedger(regions: number): Ledger {
  return {
    buyerSpending: 0, receipts: 0, platformReceipts: 0, directReceipts: 0, indirectReceipts: 0,
    commission: 0, intermediaryMargin: 0, logistics: 0, costOfGoods: 0, adSpend: 0, subscriptions: 0,
    compliance: 0, fines: 0, interest: 0, domesticSales: 0, domesticMargin: 0, overhead: 0, entryCosts: 0,
    investment: 0, rdSpend: 0, payouts: 0, gmv: 0, platformSpend: 0, traditionalSpend: 0,
    platformOrders: 0, traditionalOrders: 0, counterfeitOrders: 0, honestExportValue: 0,
    lowCashExportValue: 0, entries: 0, exits: 0, exitNetWorth: 0, entryNetWorth: 0, caught: 0, platformLeaves: 0,
    tariffs: 0, rebates: 0, logisticsSubsidies: 0,
    regionExports: new Float64Array(regions),
  };
}

export function createWorld(scenario: Scenario, seed: number): World {
  const regions = resolveRegions(scenario);
  const markets = buildMarkets(scenario.markets);
  const M = markets.length;
  const R = regions.length;
  const f = () => new Float64Array(M);
  const firms = createFirms(scenario.firms, M, scenario.ticksPerYear);
  const world: World = {
    scenario,
    seed,
    tick: -scenario.burnInTicks,
    rng: new RngStreams(seed),
    firms,
    regions,
    markets,
    market: {
      spending: f(), platformBudget: f(), traditionalBudget: f(), platformPull: f(), directPull: f(),
      indirectPull: f(), outsidePull: f(), platformSales: f(), directSales: f(), indirectSales: f(), sellers: f(),
      platformSellers: f(), offlineSellers: f(),
    },
    platform: withDoubleFields({
      active: false,
      stage: scenario.platform.stage,
      commission: scenario.platform.commission,
      weights: { quality: 0, reputation: 0, brand: 0, ad: 0, newSeller: 0 },
      ruleChanges: 0,
      scoreMass: 0,
      scoreShift: 0,
      listed: 0,
      gmvShare: 0,
      fraudShare: 0,
      trust: 1,
      meanProductivityByStage: new Float64Array(4),
    }),
    region: { adoption: new Float64Array(R) },
    // Reset in place every tick (`beginTick`), so only this object's fields need to hold doubles.
    ledger: withDoubleFields(emptyLedger(R)),
    nextId: 0,
    appeal: new Float64Array(scenario.firms),
    score: new Float64Array(scenario.firms),
    marketSalesNow: null,
    trade: undefined as unknown as TradeTables,
  };
  world.trade = buildTradeTables(world);
  return world;
}
