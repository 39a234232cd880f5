/**
 * The world's state as types: what the phases read and mutate (world.ts
 * builds it, trade.ts fills the trade tables). Kept apart from the code that
 * builds it, so that the phases' files and the builder need not import each other.
 */
import type { RngStreams } from '../engine/rng.js';
import type { Firms } from './firms.js';
import type { Market } from './markets.js';
import type { Scenario, TrafficWeights } from './params.js';
import type { NamedRegion } from './regions.js';

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
  tariffs: number; // import duties buyers paid abroad (part of buyerSpending)
  rebates: number; // export tax rebates the home government paid exporters (not part of buyerSpending)
  logisticsSubsidies: number; // shipping cost the home government paid carriers (not part of buyerSpending)
  /** Final export value by the seller's region. */
  regionExports: Float64Array;
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

/** Per (region, market) tables, flattened as region × markets + market. */
export interface TradeTables {
  /** Attractiveness multiplier from the delivered-price markup of each channel: (delivered / p)^(−η); 0 where unreachable. */
  indirectFactor: Float64Array;
  directFactor: Float64Array;
  platformFactor: Float64Array;
  /** Share of buyer spending the firm is paid, per channel. */
  indirectPaid: Float64Array;
  directPaid: Float64Array;
  platformPaid: Float64Array;
  /** Delivered price ÷ ex-factory price, per channel. */
  indirectPriceRatio: Float64Array;
  directPriceRatio: Float64Array;
  platformPriceRatio: Float64Array;
  /**
   * Buyers' order value per channel (region × markets + m), k USD before duty: the
   * economic order quantity in value, √(2 · K · D / h) (`orderValues` in trade.ts).
   */
  indirectOrderValue: Float64Array;
  directOrderValue: Float64Array;
  platformOrderValue: Float64Array;
  /** Search friction per market, per channel: searchVisibility × search cost × distance. */
  directFriction: Float64Array;
  platformFriction: Float64Array;
  /** Markets intermediaries reach (bit set). */
  intermediaryReach: number;
  /** List price ÷ ex-factory price on the platform (commission passed on). */
  listFactor: number;
  /** What the intermediary pays a supplier ÷ its ex-factory price. */
  intermediaryPays: number;
  /** log(stage quality) by stage, for `appealOf`. */
  logStageQuality: Float64Array;
  /** Compliance cost per tick of a platform seller, by region (`complianceCostIn`). */
  compliance: Float64Array;
  /** Running cost per tick of serving each market on the platform: `platformMarketUpkeep` × distance. */
  platformUpkeep: Float64Array;
  /** Markets with an overseas warehouse (bit set; 0: none, and nothing below is read). */
  warehouses: number;
  /** Fee per tick a seller pays to stock the warehouse in each market (0 without one). */
  warehouseFee: Float64Array;
  /** The platform terms above for goods a seller ships from the warehouse (the same as the platform's where there is none). */
  warehouseFactor: Float64Array;
  warehousePaid: Float64Array;
  warehousePriceRatio: Float64Array;
  /** Tariff rate by channel (indirect, direct, platform) and market, row c × markets + m; null when no market has one. */
  duty: Float64Array | null;
  /** De minimis threshold per market, k USD per order (orders worth less enter duty-free; 0: none). */
  deMinimis: Float64Array;
  /** Export tax rebate, share of export receipts. */
  rebate: number;
  /** Shipping the government pays per unit of shipping buyers pay, by region: s/(1 − s) for a logistics subsidy s. */
  shippingSubsidy: Float64Array;
}
