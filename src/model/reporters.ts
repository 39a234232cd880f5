/**
 * Reporters: the numbers a run records each tick, for the model, each region
 * and each market (docs/metrics.md defines every one). One pass over the firms
 * accumulates what all firm-based metrics need; nothing rescans per metric.
 */
import { radixSelect, radixSort } from '../engine/radix-sort.js';
import { Channel, marketCount, reputationOf, servedMarkets } from './firms.js';
import { stockedMarkets } from './policy.js';
import { pilotZoneOpen } from './regions.js';
import type { World } from './world.js';

export const MODEL_METRICS = [
  'exportValue', 'exporterShare', 'indirectShare', 'directOfflineShare', 'platformSellerShare', 'directShare', 'directValueShare',
  'stageShare0', 'stageShare1', 'stageShare2', 'stageShare3', 'stageShare1plus', 'stageShare2plus', 'lockInShare', 'assemblyExporterShare',
  'intermediatedShare', 'smeValueShare', 'intermediaryValueShare', 'platformValueShare', 'logisticsValueShare', 'takeRate', 'commission',
  'platformGmvShare', 'platformDependence', 'platformSellers', 'platformStage', 'destinationHhi', 'exportMarketHhi', 'marketsPerExporter', 'categoriesPerExporter',
  'orderValuePlatform', 'orderValueTraditional', 'orderValue', 'salesGini', 'digitalGap', 'fraudShare', 'buyerTrust',
  'complianceCostShare', 'entryRate', 'exitRate', 'platformExitRate', 'meanProductivity', 'exporterProductivityPremium', 'rdIntensity', 'inus',
  'creditUsed', 'creditConstrainedShare', 'rocDispersion', 'honestExportValue', 'lowCashExportValue', 'ruleChanges',
  'tariffs', 'rebates', 'logisticsSubsidies', 'warehouseSellers',
] as const;
export type ModelMetric = (typeof MODEL_METRICS)[number];

export const REGION_METRICS = [
  'exports', 'exporterShare', 'platformAdoption', 'platformGmvPerFirm', 'platformExportShare', 'pilotZone', 'meanDigital',
  'logisticsAccess', 'inus', 'rdIntensity', 'financeDepth', 'meanProductivity', 'lockInShare', 'firms',
] as const;

export const MARKET_METRICS = [
  'spending', 'platformBudget', 'platformSales', 'traditionalSales', 'directSales', 'indirectSales', 'sellers', 'platformSellers', 'offlineSellers', 'distance', 'brandTaste',
] as const;

export const AGENT_COLUMNS = [
  'id', 'region', 'productivity', 'stage', 'digital', 'absorptive', 'cash', 'debt', 'reputation', 'brand', 'indirect', 'direct',
  'platform', 'markets', 'categories', 'exportValue12', 'domesticSales', 'age', 'opportunist',
] as const;

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

/**
 * Whether firm i belongs to the lock-in cohort at tick `asOf`: it first
 * exported while in assembly at least `lockInYears` before. A cohort member
 * still at stage 0 is locked in (see `lockInShare`), whether or not it still exports.
 */
export function inLockInCohort(w: World, i: number, asOf: number): boolean {
  return w.firms.firstAssemblyExport[i]! <= asOf - w.scenario.lockInYears * w.scenario.ticksPerYear;
}

/** Gini coefficient of the first n values (sorted in place, with `spare` as room to sort in). */
function gini(a: Float64Array, n: number, spare: Float64Array): number {
  if (n < 2) return 0;
  radixSort(a, n, spare);
  const [weighted, total] = rankSums(a, n);
  return total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : 0;
}

const sums = new Float64Array(2);

/**
 * Σ (k + 1)·a_k and Σ a_k over the sorted values, in a function of its own:
 * compiled on-stack inside `gini`, the loop's code had never seen the lines
 * after it and was thrown away at the end of every tick.
 */
function rankSums(a: Float64Array, n: number): Float64Array {
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    weighted += (k + 1) * a[k]!;
    total += a[k]!;
  }
  sums[0] = weighted;
  sums[1] = total;
  return sums;
}

/** Per-tick sums over firms behind the model reporters (see `sumFirms`). */
interface FirmTotals {
  cohort: number; locked: number; assembly: number;
  exporters: number; ind: number; dir: number; plat: number; direct: number; cats: number; mkts: number; hhiSum: number; hhiN: number;
  phiAll: number; phiExp: number; debt: number; constrained: number; sellers: number; warehouseSellers: number;
  sellerPlatform: number; sellerExports: number;
  logSum: number; logSq: number; logN: number;
  digitalHi: number; nDigitalHi: number; digitalLo: number; nDigitalLo: number;
  stages: Float64Array;
}

function newFirmTotals(): FirmTotals {
  return {
    cohort: 0, locked: 0, assembly: 0, exporters: 0, ind: 0, dir: 0, plat: 0, direct: 0, cats: 0, mkts: 0, hhiSum: 0, hhiN: 0,
    phiAll: 0, phiExp: 0, debt: 0, constrained: 0, sellers: 0, warehouseSellers: 0, sellerPlatform: 0, sellerExports: 0, logSum: 0, logSq: 0, logN: 0,
    digitalHi: 0, nDigitalHi: 0, digitalLo: 0, nDigitalLo: 0, stages: new Float64Array(4),
  };
}

/**
 * One pass over the firms for every firm-based model reporter, into a reused
 * object; leaves exporters' export value in `scratch[0..exporters)`. Kept
 * apart from the per-tick record of metrics: V8 optimizes this loop on its
 * own (sharing a function with that record, whose fields turn from integers
 * to doubles, kept it from being optimized).
 */
function sumFirms(w: World, scratch: Float64Array, out: FirmTotals, digitalMedian: number): FirmTotals {
  const f = w.firms;
  const N = f.capacity;
  const reach = w.trade.intermediaryReach;
  const warehouses = w.trade.warehouses;
  let cohort = 0, locked = 0, assembly = 0;
  let exporters = 0, ind = 0, dir = 0, plat = 0, direct = 0, cats = 0, mkts = 0, hhiSum = 0, hhiN = 0;
  let phiAll = 0, phiExp = 0, debt = 0, constrained = 0, sellers = 0, warehouseSellers = 0;
  let sellerPlatform = 0, sellerExports = 0;
  const stages = out.stages;
  stages.fill(0);
  let logSum = 0, logSq = 0, logN = 0;
  let digitalHi = 0, nDigitalHi = 0, digitalLo = 0, nDigitalLo = 0;
  for (let i = 0; i < N; i++) {
    const ch = f.channels[i]!;
    stages[f.stage[i]!]!++;
    if (f.digitalAtEntry[i]! >= digitalMedian) {
      digitalHi += f.exportValue[i]!;
      nDigitalHi++;
    } else {
      digitalLo += f.exportValue[i]!;
      nDigitalLo++;
    }
    if (inLockInCohort(w, i, w.tick)) {
      cohort++;
      if (f.stage[i] === 0) locked++;
    }
    phiAll += f.productivity[i]!;
    debt += f.debt[i]!;
    constrained += f.creditConstrained[i]!;
    if (ch & Channel.platform) {
      sellers++;
      sellerPlatform += f.platformReceipts[i]!;
      sellerExports += f.exportReceipts[i]!;
    }
    if (warehouses && stockedMarkets(w, i)) warehouseSellers++;
    if (!(ch & (Channel.indirect | Channel.direct | Channel.platform))) continue;
    scratch[exporters++] = f.exportValue[i]!;
    phiExp += f.productivity[i]!;
    if (ch & Channel.indirect) ind++;
    if (ch & Channel.direct) dir++;
    if (ch & Channel.platform) plat++;
    if (ch & (Channel.direct | Channel.platform)) direct++;
    if (f.stage[i] === 0) assembly++;
    cats += f.categories[i]!;
    mkts += marketCount(servedMarkets(f, i, reach));
    const total = f.salesByMarketSum[i]!;
    if (total > 0) {
      hhiSum += f.salesByMarketSquares[i]! / (total * total);
      hhiN++;
    }
    const assets = f.capital[i]! + Math.max(0, f.cash[i]!);
    const sales = f.exportReceipts[i]! + f.domesticSales[i]!;
    // A return too small or too large for a double (sales of 1e-320 on assets of 1) has no logarithm: left out.
    const roc = assets > 0 ? sales / assets : 0;
    if (roc > 0 && roc < Infinity) {
      const x = Math.log(roc);
      logSum += x;
      logSq += x * x;
      logN++;
    }
  }
  out.cohort = cohort; out.locked = locked; out.assembly = assembly;
  out.exporters = exporters; out.ind = ind; out.dir = dir; out.plat = plat; out.direct = direct; out.cats = cats; out.mkts = mkts;
  out.hhiSum = hhiSum; out.hhiN = hhiN; out.phiAll = phiAll; out.phiExp = phiExp; out.debt = debt; out.constrained = constrained;
  out.sellers = sellers; out.warehouseSellers = warehouseSellers; out.sellerPlatform = sellerPlatform; out.sellerExports = sellerExports; out.logSum = logSum; out.logSq = logSq; out.logN = logN;
  out.digitalHi = digitalHi; out.nDigitalHi = nDigitalHi; out.digitalLo = digitalLo; out.nDigitalLo = nDigitalLo;
  return out;
}

/** Per-region sums behind the region reporters. */
interface RegionTotals {
  exporters: number; listed: number; gmv: number; plat: number; receipts: number; digital: number; inus: number;
  rd: number; sales: number; phi: number; locked: number; cohort: number; n: number;
}

/** One pass over the firms for the region reporters, into reused objects, one per region (see `sumFirms`). */
function sumRegions(w: World, acc: RegionTotals[]): RegionTotals[] {
  const f = w.firms;
  const R = w.regions.length;
  while (acc.length < R) acc.push({ exporters: 0, listed: 0, gmv: 0, plat: 0, receipts: 0, digital: 0, inus: 0, rd: 0, sales: 0, phi: 0, locked: 0, cohort: 0, n: 0 });
  acc.length = R;
  for (const a of acc) {
    a.exporters = 0; a.listed = 0; a.gmv = 0; a.plat = 0; a.receipts = 0; a.digital = 0; a.inus = 0;
    a.rd = 0; a.sales = 0; a.phi = 0; a.locked = 0; a.cohort = 0; a.n = 0;
  }
  for (let i = 0; i < f.capacity; i++) {
    const a = acc[f.region[i]!]!;
    const ch = f.channels[i]!;
    a.n++;
    a.digital += f.digital[i]!;
    a.inus += f.stage[i]!;
    a.rd += f.rdSpend[i]!;
    a.sales += f.exportReceipts[i]! + f.domesticSales[i]!;
    a.receipts += f.exportReceipts[i]!;
    a.phi += f.productivity[i]!;
    if (ch) a.exporters++;
    if (inLockInCohort(w, i, w.tick)) {
      a.cohort++;
      if (f.stage[i] === 0) a.locked++;
    }
    if (ch & Channel.platform) {
      a.listed++;
      a.gmv += f.platformReceipts[i]! / (1 - w.platform.commission);
      a.plat += f.platformReceipts[i]!;
    }
  }
  return acc;
}

/**
 * Relative export gap between the more and the less digitally capable half of firms: (mean high − mean low) / mean,
 * from the split `sumFirms` made at the median.
 */
function digitalGap(t: FirmTotals, N: number): number {
  const mean = (t.digitalHi + t.digitalLo) / N;
  return mean > 0 ? (ratio(t.digitalHi, t.nDigitalHi) - ratio(t.digitalLo, t.nDigitalLo)) / mean : 0;
}

/** Concentration of the sector's export value across markets this tick: Σ_m (sales_m / Σ sales)². */
function exportMarketHhi(w: World): number {
  const ms = w.market;
  let total = 0;
  let squares = 0;
  for (let m = 0; m < w.markets.length; m++) {
    const sales = ms.platformSales[m]! + ms.directSales[m]! + ms.indirectSales[m]!;
    total += sales;
    squares += sales * sales;
  }
  return total > 0 ? squares / (total * total) : 0;
}

/** Computes reporters into reusable buffers; one instance per run. */
export class Reporters {
  private readonly scratch: Float64Array;
  private readonly spare: Float64Array; // room for sorting the scratch buffer
  readonly model = new Float64Array(MODEL_METRICS.length);
  readonly regions: Float64Array[];
  readonly markets: Float64Array[];
  private readonly totals = newFirmTotals();
  private readonly regionTotals: RegionTotals[] = [];

  constructor(w: World) {
    this.scratch = new Float64Array(w.firms.capacity);
    this.spare = new Float64Array(w.firms.capacity);
    this.regions = w.regions.map(() => new Float64Array(REGION_METRICS.length));
    this.markets = w.markets.map(() => new Float64Array(MARKET_METRICS.length));
  }

  /** Collects this tick's reporters; nothing in burn-in (tick < 0), whose rows are never recorded. */
  collect(w: World): void {
    if (w.tick < 0) return;
    this.collectModel(w);
    this.collectRegions(w);
    this.collectMarkets(w);
  }

  private collectModel(w: World): void {
    const f = w.firms;
    const L = w.ledger;
    const N = f.capacity;
    const median = this.digitalMedian(w);
    const { cohort, locked, assembly, exporters, ind, dir, plat, direct, cats, mkts, hhiSum, hhiN, phiAll, phiExp, debt, constrained, sellers, logSum, logSq, logN } =
      sumFirms(w, this.scratch, this.totals, median);
    const stages = this.totals.stages;
    const nonExporters = N - exporters;
    const platformFees = L.commission + L.adSpend + L.subscriptions;
    const logMean = ratio(logSum, logN);
    const v: Record<ModelMetric, number> = {
      exportValue: L.buyerSpending,
      exporterShare: exporters / N,
      indirectShare: ratio(ind, exporters),
      directOfflineShare: ratio(dir, exporters),
      platformSellerShare: ratio(plat, exporters),
      directShare: ratio(direct, exporters),
      // Summed apart from buyerSpending, the channel sums can differ from it in the last bit: keep the share a share.
      directValueShare: Math.min(1, ratio(sum(w.market.directSales) + sum(w.market.platformSales), L.buyerSpending)),
      stageShare0: stages[0]! / N,
      stageShare1: stages[1]! / N,
      stageShare2: stages[2]! / N,
      stageShare3: stages[3]! / N,
      stageShare1plus: (N - stages[0]!) / N,
      stageShare2plus: (stages[2]! + stages[3]!) / N,
      lockInShare: ratio(locked, cohort),
      assemblyExporterShare: ratio(assembly, exporters),
      intermediatedShare: ratio(w.market.indirectSales.reduce((a, b) => a + b, 0), L.buyerSpending),
      smeValueShare: ratio(L.receipts - L.costOfGoods - L.adSpend - L.subscriptions, L.buyerSpending),
      intermediaryValueShare: ratio(L.intermediaryMargin, L.buyerSpending),
      platformValueShare: ratio(platformFees, L.buyerSpending),
      logisticsValueShare: ratio(L.logistics, L.buyerSpending),
      takeRate: ratio(platformFees, L.gmv),
      commission: w.platform.active ? w.platform.commission : 0,
      platformGmvShare: ratio(L.platformSpend, L.buyerSpending),
      platformDependence: ratio(this.totals.sellerPlatform, this.totals.sellerExports),
      platformSellers: sellers,
      platformStage: w.platform.active ? w.platform.stage : 0,
      destinationHhi: ratio(hhiSum, hhiN),
      exportMarketHhi: exportMarketHhi(w),
      marketsPerExporter: ratio(mkts, exporters),
      categoriesPerExporter: ratio(cats, exporters),
      orderValuePlatform: ratio(L.platformSpend, L.platformOrders),
      orderValueTraditional: ratio(L.traditionalSpend, L.traditionalOrders),
      orderValue: ratio(L.buyerSpending, L.platformOrders + L.traditionalOrders),
      salesGini: gini(this.scratch, exporters, this.spare),
      digitalGap: digitalGap(this.totals, N),
      fraudShare: ratio(L.counterfeitOrders, L.platformOrders),
      buyerTrust: w.platform.active ? w.platform.trust : 1,
      complianceCostShare: ratio(L.compliance, L.receipts),
      tariffs: L.tariffs,
      rebates: L.rebates,
      logisticsSubsidies: L.logisticsSubsidies,
      warehouseSellers: this.totals.warehouseSellers,
      entryRate: L.entries / N,
      exitRate: L.exits / N,
      platformExitRate: ratio(L.platformLeaves, w.platform.listed),
      meanProductivity: phiAll / N,
      exporterProductivityPremium: nonExporters > 0 && exporters > 0 ? phiExp / exporters / ((phiAll - phiExp) / nonExporters) : 1,
      rdIntensity: ratio(L.rdSpend, L.receipts + L.domesticSales),
      inus: (stages[1]! + 2 * stages[2]! + 3 * stages[3]!) / N,
      creditUsed: debt / N,
      creditConstrainedShare: constrained / N,
      rocDispersion: logN > 1 ? Math.sqrt(Math.max(0, logSq / logN - logMean * logMean)) : 0,
      honestExportValue: L.honestExportValue,
      lowCashExportValue: L.lowCashExportValue,
      ruleChanges: w.platform.ruleChanges,
    };
    MODEL_METRICS.forEach((name, j) => (this.model[j] = v[name]));
  }

  /** Median digital capability at entry (the split of the digital gap); the scratch buffer is the selection's room. */
  private digitalMedian(w: World): number {
    const N = w.firms.capacity;
    return radixSelect(w.firms.digitalAtEntry, N, N >> 1, this.scratch);
  }

  private collectRegions(w: World): void {
    const R = w.regions.length;
    const acc = sumRegions(w, this.regionTotals);
    for (let r = 0; r < R; r++) {
      const a = acc[r]!;
      const reg = w.regions[r]!;
      const adoption = ratio(a.listed, a.n);
      // What a parcel abroad costs from the region, an infrastructure fact: platform logistics (stage ≥ 1) ships at the same
      // cost from every region, else the region's own logistics cost. Not weighted by what the region sells through
      // either, so the e-commerce index it enters does not read exports.
      const parcelCost = w.platform.active && w.platform.stage >= 1 ? 1 : reg.logisticsCost;
      const row = [
        w.ledger.regionExports[r]!, ratio(a.exporters, a.n), adoption, ratio(a.gmv, a.n), ratio(a.plat, a.receipts), pilotZoneOpen(reg, w.tick) ? 1 : 0,
        ratio(a.digital, a.n), 1 / (parcelCost * (1 - reg.logisticsSubsidy)),
        ratio(a.inus, a.n), ratio(a.rd, a.sales), reg.financeDepth, ratio(a.phi, a.n), ratio(a.locked, a.cohort), a.n,
      ];
      this.regions[r]!.set(row);
    }
  }

  private collectMarkets(w: World): void {
    const ms = w.market;
    w.markets.forEach((mk, m) => {
      this.markets[m]!.set([
        ms.spending[m]!, ms.platformBudget[m]!, ms.platformSales[m]!, ms.directSales[m]! + ms.indirectSales[m]!,
        ms.directSales[m]!, ms.indirectSales[m]!, ms.sellers[m]!, ms.platformSellers[m]!, ms.offlineSellers[m]!, mk.distance, mk.brandTaste,
      ]);
    });
  }
}

/** Fills `out` with firm i's agent row (see AGENT_COLUMNS). */
export function agentRow(w: World, i: number, out: Float64Array): void {
  const f = w.firms;
  const tpy = w.scenario.ticksPerYear;
  const rv = w.scenario.platform.reviews;
  let export12 = 0;
  for (let k = 0; k < tpy; k++) export12 += f.exportRing[i * tpy + k]!;
  const ch = f.channels[i]!;
  out.set([
    f.id[i]!, f.region[i]!, f.productivity[i]!, f.stage[i]!, f.digital[i]!, f.absorptive[i]!, f.cash[i]!, f.debt[i]!,
    reputationOf(f, i, rv.priorGood, rv.priorBad), f.brand[i]!, ch & Channel.indirect ? 1 : 0, ch & Channel.direct ? 1 : 0,
    ch & Channel.platform ? 1 : 0, marketCount(f.directMarkets[i]! | f.platformMarkets[i]!), f.categories[i]!, export12,
    f.domesticSales[i]!, f.age[i]!, f.opportunist[i]!,
  ]);
}
