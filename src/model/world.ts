/**
 * The world: current parameters, firms, regions, markets, the platform and
 * this tick's ledger of money flows. Phases read and mutate it.
 */
import { withDoubleFields } from '../engine/double-fields.js';
import { RngStreams } from '../engine/rng.js';
import { createFirms, type Firms } from './firms.js';
import { buildMarkets, type Market } from './markets.js';
import type { Scenario, TrafficWeights } from './params.js';
import { resolveRegions, type NamedRegion } from './regions.js';
import { buildTradeTables, type TradeTables } from './trade.js';

/** Money flows of one tick, all in k USD. Reset at the start of every tick. */
export interface Ledger {
  buyerSpending: number; // what foreign buyers paid for SME goods (final export value)
  receipts: number; // what SMEs were paid for exports
  platformReceipts: number;
  directReceipts: number;
  indirectReceipts: number;
  commission: number;
  intermediaryMargin: number;
  logistics: number;
  costOfGoods: number; // production cost of exported goods
  adSpend: number;
  subscriptions: number;
  compliance: number; // compliance + re-adaptation costs of platform sellers
  fines: number;
  interest: number;
  domesticSales: number;
  domesticMargin: number;
  overhead: number; // overhead + channel running costs + category costs
  entryCosts: number; // onboarding, fairs, new platform markets
  investment: number;
  rdSpend: number;
  payouts: number;
  gmv: number; // platform merchandise value (list prices, before shipping)
  platformSpend: number; // buyer spending through the platform
  traditionalSpend: number;
  platformOrders: number;
  traditionalOrders: number;
  counterfeitOrders: number;
  honestExportValue: number; // buyer spending on goods of sellers not cheating this tick
  lowCashExportValue: number; // buyer spending on goods of firms that entered with low cash
  entries: number;
  exits: number;
  exitNetWorth: number; // cash − debt of firms that left
  entryNetWorth: number; // cash − debt of entrants
  caught: number;
  platformLeaves: number; // sellers that left the platform or were delisted
  /** Final export value by the seller's region. */
  regionExports: Float64Array;
}

/** A zeroed ledger. */
export function emptyLedger(regions: number): Ledger {
  return {
    buyerSpending: 0, receipts: 0, platformReceipts: 0, directReceipts: 0, indirectReceipts: 0,
    commission: 0, intermediaryMargin: 0, logistics: 0, costOfGoods: 0, adSpend: 0, subscriptions: 0,
    compliance: 0, fines: 0, interest: 0, domesticSales: 0, domesticMargin: 0, overhead: 0, entryCosts: 0,
    investment: 0, rdSpend: 0, payouts: 0, gmv: 0, platformSpend: 0, traditionalSpend: 0,
    platformOrders: 0, traditionalOrders: 0, counterfeitOrders: 0, honestExportValue: 0,
    lowCashExportValue: 0, entries: 0, exits: 0, exitNetWorth: 0, entryNetWorth: 0, caught: 0, platformLeaves: 0,
    regionExports: new Float64Array(regions),
  };
}

/** Per-market channel aggregates of the last matching, which firms use to form expectations. */
export interface MarketState {
  spending: Float64Array; // buyers' budget this tick
  platformBudget: Float64Array; // part of the budget buyers take to the platform
  traditionalBudget: Float64Array;
  platformPull: Float64Array; // Σ seller attractiveness on the platform
  directPull: Float64Array; // Σ attractiveness of direct offline sellers
  indirectPull: Float64Array; // Σ attractiveness of intermediated goods
  outsidePull: Float64Array; // attractiveness of suppliers from elsewhere, per channel
  platformSales: Float64Array;
  directSales: Float64Array;
  indirectSales: Float64Array;
  sellers: Float64Array;
  platformSellers: Float64Array; // sellers serving the market on the platform
  offlineSellers: Float64Array; // sellers serving it direct offline or through the intermediary
}

export interface PlatformState {
  /** False before the platform exists (burn-in, or `platform.enabled: false`). */
  active: boolean;
  stage: number;
  commission: number;
  weights: TrafficWeights; // the ranking weights in force
  ruleChanges: number;
  /** Exposure normaliser of the last tick: Σ exp(concentration · (score − scoreShift)) over listed sellers. */
  scoreMass: number;
  scoreShift: number;
  listed: number;
  gmvShare: number; // last tick's platform share of SME export value
  fraudShare: number; // smoothed counterfeit share of platform orders
  trust: number; // buyers' trust in the platform
  /** Mean productivity of platform sellers by stage, last tick (knowledge spillover). */
  meanProductivityByStage: Float64Array;
}

export interface RegionState {
  /** Share of the region's firms listed on the platform, as firms see it when they review their channels. */
  adoption: Float64Array;
}

export interface World {
  scenario: Scenario; // parameters in force (events change them)
  readonly seed: number;
  tick: number; // negative during burn-in
  rng: RngStreams;
  firms: Firms;
  regions: NamedRegion[];
  markets: Market[];
  market: MarketState;
  platform: PlatformState;
  region: RegionState;
  ledger: Ledger;
  /** Prices and trade-cost tables in force (rebuilt each tick by the platform phase). */
  trade: TradeTables;
  nextId: number;
  /** Scratch per firm: buyers' attractiveness base (quality, price, categories) this tick. */
  appeal: Float64Array;
  /** Scratch per firm: platform ranking score this tick. */
  score: Float64Array;
  /**
   * Buyers' spending on each firm's goods in each market this tick, sold under its own name (direct
   * offline and platform; capacity × markets), filled by matching when a run asks for it (firm-years), else null.
   */
  marketSalesNow: Float64Array | null;
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
