/**
 * Firm state as a structure of typed arrays: `firms.cash[i]` is firm i's cash.
 * No object per firm exists anywhere on a hot path; a slot is reused when a
 * firm exits and an entrant takes its place (the entrant gets a new `id`).
 */

/** Channel flags in `firms.channels`. */
export const Channel = {
  indirect: 1, // through a regional trading company
  direct: 2, // direct offline: fairs, own agents
  platform: 4, // cross-border e-commerce platform
} as const;

/** A tick that never comes (for 'has not happened'). */
export const NEVER = 2 ** 31 - 1;

export interface Firms {
  readonly capacity: number;
  readonly markets: number; // number of foreign markets (columns of the per-market arrays)
  /** Unique id: slots are reused, ids are not. */
  id: Int32Array;
  region: Uint16Array;
  productivity: Float64Array; // φ: unit cost = wage / φ
  stage: Uint8Array; // 0 assembly, 1 design, 2 own brand, 3 brand + services
  digital: Float64Array; // [0,1]
  digitalAtEntry: Float64Array; // digital capability the firm entered with (splits firms without using what the platform taught them)
  demandShock: Float64Array; // log deviation of domestic demand, AR(1)
  absorptive: Float64Array; // [0,1]
  cash: Float64Array; // k USD
  debt: Float64Array; // k USD
  goodReviews: Float64Array; // decayed count
  badReviews: Float64Array; // decayed count
  brand: Float64Array; // [0,1]
  channels: Uint8Array; // Channel flags
  directMarkets: Uint32Array; // bit set of markets served direct offline
  platformMarkets: Uint32Array; // bit set of markets served on the platform
  warehouseMarkets: Uint32Array; // bit set of platform markets where the seller stocks the overseas warehouse (it pays the fee)
  /** capacity × markets: how much buyers in market m like firm i's goods, relative to the mean (drawn at entry, mean 1). */
  marketFit: Float32Array;
  categories: Uint8Array; // product lines
  opportunist: Uint8Array; // 1: would cheat when it pays
  cheating: Uint8Array; // 1: sells counterfeit this tick
  upgradeStock: Float64Array; // k USD accumulated toward the next stage
  age: Int32Array; // ticks since entry
  ticksAtStage: Int32Array;
  /** Tick the firm first exported while in assembly (stage 0); NEVER if it has not. */
  firstAssemblyExport: Int32Array;
  platformAge: Int32Array; // ticks since listing (cold start)
  delistedUntil: Int32Array; // tick before which the platform refuses the seller
  insolventTicks: Uint8Array;
  adStock: Float64Array; // rank-specific investment (pay-to-rank ads), reset by rule changes
  adWeightMisread: Float64Array; // multiplier on the ad weight as this seller reads it: exp(error), 1 = read right (transparency)
  expectedPlatform: Float64Array; // adaptive expectation of platform receipts per tick
  expectedDirect: Float64Array; // adaptive expectation of direct offline receipts per tick
  expectedIndirect: Float64Array; // adaptive expectation of receipts from the intermediary per tick
  profitPlatform: Float64Array; // smoothed operating profit of the platform channel
  profitDirect: Float64Array; // smoothed operating profit of the direct offline channel
  profitIndirect: Float64Array; // smoothed operating profit of the intermediated channel
  exportReceipts: Float64Array; // this tick, all channels, ex-factory (what the firm is paid)
  platformReceipts: Float64Array; // this tick
  platformOrders: Float64Array; // this tick
  directReceipts: Float64Array; // this tick
  indirectReceipts: Float64Array; // this tick
  exportValue: Float64Array; // this tick, what buyers paid for the firm's goods
  domesticSales: Float64Array; // this tick
  platformGmvTrail: Float64Array; // trailing 12-tick platform GMV (exponentially smoothed × 12)
  exportRing: Float64Array; // capacity × ticksPerYear: export value of the last year
  salesByMarket: Float64Array; // capacity × markets: smoothed export value per market sold under the firm’s own name (direct and platform)
  salesByMarketSum: Float64Array; // Σ over markets of the firm's row of salesByMarket, as matching last wrote it
  salesByMarketSquares: Float64Array; // Σ of their squares (the destination HHI reads these two, not the row)
  profit: Float64Array; // this tick's profit after all costs, before investment
  investment: Float64Array; // this tick's upgrading + branding spend
  rdSpend: Float64Array; // this tick's upgrading (R&D) spend
  adSpend: Float64Array; // this tick
  capital: Float64Array; // knowledge capital: depreciated sum of investment (for return on capital)
  creditConstrained: Uint8Array; // 1: wanted to invest more than it could fund this tick
  lowInitialCash: Uint8Array; // 1: entered with cash below the median endowment
}

export function createFirms(capacity: number, markets: number, ticksPerYear: number): Firms {
  const f64 = () => new Float64Array(capacity);
  return {
    capacity,
    markets,
    id: new Int32Array(capacity),
    region: new Uint16Array(capacity),
    productivity: f64(),
    stage: new Uint8Array(capacity),
    digital: f64(),
    digitalAtEntry: f64(),
    demandShock: f64(),
    absorptive: f64(),
    cash: f64(),
    debt: f64(),
    goodReviews: f64(),
    badReviews: f64(),
    brand: f64(),
    channels: new Uint8Array(capacity),
    directMarkets: new Uint32Array(capacity),
    platformMarkets: new Uint32Array(capacity),
    warehouseMarkets: new Uint32Array(capacity),
    marketFit: new Float32Array(capacity * markets),
    categories: new Uint8Array(capacity),
    opportunist: new Uint8Array(capacity),
    cheating: new Uint8Array(capacity),
    upgradeStock: f64(),
    age: new Int32Array(capacity),
    ticksAtStage: new Int32Array(capacity),
    firstAssemblyExport: new Int32Array(capacity).fill(NEVER),
    platformAge: new Int32Array(capacity),
    delistedUntil: new Int32Array(capacity).fill(-1_000_000),
    insolventTicks: new Uint8Array(capacity),
    adStock: f64(),
    adWeightMisread: new Float64Array(capacity).fill(1),
    expectedPlatform: f64(),
    expectedDirect: f64(),
    expectedIndirect: f64(),
    profitPlatform: f64(),
    profitDirect: f64(),
    profitIndirect: f64(),
    exportReceipts: f64(),
    platformReceipts: f64(),
    platformOrders: f64(),
    directReceipts: f64(),
    indirectReceipts: f64(),
    exportValue: f64(),
    domesticSales: f64(),
    platformGmvTrail: f64(),
    exportRing: new Float64Array(capacity * ticksPerYear),
    salesByMarket: new Float64Array(capacity * markets),
    salesByMarketSum: f64(),
    salesByMarketSquares: f64(),
    profit: f64(),
    investment: f64(),
    rdSpend: f64(),
    adSpend: f64(),
    capital: f64(),
    creditConstrained: new Uint8Array(capacity),
    lowInitialCash: new Uint8Array(capacity),
  };
}

/** Number of set bits in a market bit set. */
export function marketCount(bits: number): number {
  let n = 0;
  while (bits) {
    bits &= bits - 1;
    n++;
  }
  return n;
}

/** Index of the lowest set bit of a non-empty market bit set (walk a set with `bits &= bits - 1`). */
export function lowestMarket(bits: number): number {
  return 31 - Math.clz32(bits & -bits);
}

/** Every market firm i serves: under its own name (direct offline, platform) and, if it supplies the intermediary, every market within `reach`. */
export function servedMarkets(f: Firms, i: number, reach: number): number {
  return f.directMarkets[i]! | f.platformMarkets[i]! | (f.channels[i]! & Channel.indirect ? reach : 0);
}

/** Beta-posterior mean reputation from decayed review counts and the prior. */
export function reputationOf(firms: Firms, i: number, priorGood: number, priorBad: number): number {
  const g = firms.goodReviews[i]! + priorGood;
  return g / (g + firms.badReviews[i]! + priorBad);
}
