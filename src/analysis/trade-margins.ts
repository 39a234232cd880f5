/**
 * The trade margins an economist checks first in firm-level data, measured on
 * firm-years: how many firms export, to how many destinations, what share of
 * their sales, and how entry and sales per exporter respond to market size and
 * distance (Bernard, Jensen, Redding & Schott 2007; Eaton, Kortum & Kramarz
 * 2011; Lendle, Olarreaga, Schropp & Vézina 2016).
 *
 * Measured as customs records joined to a census of firms would measure them:
 * an exporter sells abroad under its own name (direct offline or on the
 * platform); what a supplier sells to the trading company is a domestic sale
 * of the supplier and an export of the company.
 */
import type { FirmYear } from '../experiment/firm-years.js';
import { crossProduct, crossVector, invertSymmetric, matVec } from './panel/linalg.js';

export interface TradeMargins {
  firmYears: number;
  /** Exporter: a firm-year with export sales under its own name. */
  exporterShare: number;
  /** Firm-years with export sales in any channel, the trading company's included (the model's `exporterShare`). */
  anyExportShare: number;
  /** Exporters' destinations: markets with sales in the year. */
  singleMarketShare: number;
  meanDestinations: number;
  medianDestinations: number;
  p90Destinations: number;
  /** Exporters' own export sales (what they were paid) over all their sales. */
  meanExportIntensity: number;
  medianExportIntensity: number;
  /** Log-log slope of exporters per market on market size (buyers' spending), controlling for distance. */
  entryElasticity: number;
  /** The same slope for sales per exporter: entry and sales per exporter add up to about 1. */
  salesPerExporterElasticity: number;
  /** Mean destinations of exporters that sell on the platform, and of those that sell only offline. */
  platformDestinations: number;
  offlineDestinations: number;
  /** Slope on distance of log exporters per market, for platform sellers and offline-only exporters. */
  platformDistanceSlope: number;
  offlineDistanceSlope: number;
  /** Mean minus median destinations: above 0 when a few exporters serve many markets (a skewed distribution). */
  destinationSkew: number;
  /** Platform sellers' destinations minus offline-only exporters'. */
  platformReachGap: number;
  /** Distance slope online minus offline: above 0 when distance matters less on the platform. */
  onlineDistanceGap: number;
}

export type MarginName = keyof TradeMargins;

/** A fact of firm-level trade the model is calibrated to, as a range the measured value must fall in. */
export interface MarginTarget {
  margin: MarginName;
  label: string;
  min: number;
  max: number;
  source: string;
}

/** The calibration targets for the trade margins (docs/ODD.md §1.2, tests/calibration.test.ts). */
export const MARGIN_TARGETS: readonly MarginTarget[] = [
  { margin: 'exporterShare', label: 'share of firms exporting', min: 0.15, max: 0.25, source: 'Bernard, Jensen, Redding & Schott (2007): 18%' },
  { margin: 'singleMarketShare', label: 'exporters selling to one market', min: 0.3, max: 0.45, source: 'Bernard et al. (2007); Eaton, Kortum & Kramarz (2011): a third to 40%' },
  { margin: 'meanDestinations', label: 'mean destinations per exporter', min: 1, max: 4, source: 'Bernard et al. (2007): most exporters serve few markets' },
  { margin: 'destinationSkew', label: 'mean minus median destinations (skew)', min: 0, max: Infinity, source: 'Bernard et al. (2007): a few exporters serve many markets' },
  { margin: 'meanExportIntensity', label: 'exporters’ mean export intensity', min: 0.1, max: 0.25, source: 'Bernard et al. (2007): mean about 14%' },
  { margin: 'entryElasticity', label: 'elasticity of exporters per market to its size', min: 0.4, max: 0.8, source: 'Eaton, Kortum & Kramarz (2011): entry carries about 60%' },
  { margin: 'platformReachGap', label: 'platform sellers’ extra destinations', min: 0, max: Infinity, source: 'Lendle, Olarreaga, Schropp & Vézina (2016)' },
  { margin: 'onlineDistanceGap', label: 'distance slope online minus offline', min: 0, max: Infinity, source: 'Lendle et al. (2016): distance matters less online' },
];

/** Sums over the firm-years of a window, for `tradeMargins`. */
export class MarginsTally {
  private firmYears = 0;
  private anyExport = 0;
  private readonly destinations: number[] = [];
  private readonly intensities: number[] = [];
  private platformDest = 0;
  private platformN = 0;
  private offlineDest = 0;
  private readonly exportersIn: Float64Array;
  private readonly platformIn: Float64Array;
  private readonly offlineIn: Float64Array;
  private readonly salesIn: Float64Array;
  private readonly spending: Float64Array;

  constructor(private readonly distances: readonly number[]) {
    const M = distances.length;
    this.exportersIn = new Float64Array(M);
    this.platformIn = new Float64Array(M);
    this.offlineIn = new Float64Array(M);
    this.salesIn = new Float64Array(M);
    this.spending = new Float64Array(M);
  }

  /** A firm-year of the window. */
  add(r: FirmYear): void {
    this.firmYears++;
    if (r.exports > 0) this.anyExport++;
    const own = r.receiptsDirect + r.receiptsPlatform;
    if (own <= 0) return;
    const online = r.receiptsPlatform > 0;
    let n = 0;
    for (let m = 0; m < r.marketSales.length; m++) {
      if (r.marketSales[m]! <= 0) continue;
      n++;
      this.exportersIn[m]!++;
      this.salesIn[m]! += r.marketSales[m]!;
      if (online) this.platformIn[m]!++;
      else this.offlineIn[m]!++;
    }
    this.destinations.push(n);
    this.intensities.push(own / (r.receiptsIndirect + own + r.domesticSales));
    if (online) {
      this.platformDest += n;
      this.platformN++;
    } else this.offlineDest += n;
  }

  /** Buyers' spending in market m at one tick of the window. */
  addSpending(m: number, amount: number): void {
    this.spending[m]! += amount;
  }

  result(): TradeMargins {
    const d = Float64Array.from(this.destinations).sort();
    const x = Float64Array.from(this.intensities).sort();
    const exporters = d.length;
    const offlineN = exporters - this.platformN;
    const entry = sizeAndDistance(this.spending, this.distances, this.exportersIn);
    const perExporter = Array.from(this.salesIn, (s, m) => (this.exportersIn[m]! > 0 ? s / this.exportersIn[m]! : 0));
    const online = sizeAndDistance(this.spending, this.distances, this.platformIn).distance;
    const offline = sizeAndDistance(this.spending, this.distances, this.offlineIn).distance;
    const meanDestinations = ratio(sum(d), exporters);
    const medianDestinations = quantile(d, 0.5);
    const platformDestinations = ratio(this.platformDest, this.platformN);
    const offlineDestinations = ratio(this.offlineDest, offlineN);
    return {
      firmYears: this.firmYears,
      exporterShare: ratio(exporters, this.firmYears),
      anyExportShare: ratio(this.anyExport, this.firmYears),
      singleMarketShare: ratio(d.filter((n) => n === 1).length, exporters),
      meanDestinations,
      medianDestinations,
      p90Destinations: quantile(d, 0.9),
      meanExportIntensity: ratio(sum(x), exporters),
      medianExportIntensity: quantile(x, 0.5),
      entryElasticity: entry.size,
      salesPerExporterElasticity: sizeAndDistance(this.spending, this.distances, perExporter).size,
      platformDestinations,
      offlineDestinations,
      platformDistanceSlope: online,
      offlineDistanceSlope: offline,
      destinationSkew: meanDestinations - medianDestinations,
      platformReachGap: platformDestinations - offlineDestinations,
      onlineDistanceGap: online - offline,
    };
  }
}

/**
 * OLS of log y on a constant, log market size and distance, over the markets
 * where y > 0; NaN slopes when fewer than four markets have any.
 */
export function sizeAndDistance(size: ArrayLike<number>, distance: readonly number[], y: ArrayLike<number>): { size: number; distance: number } {
  const keep = distance.map((_, m) => m).filter((m) => y[m]! > 0 && size[m]! > 0);
  if (keep.length < 4) return { size: NaN, distance: NaN };
  const X = [keep.map(() => 1), keep.map((m) => Math.log(size[m]!)), keep.map((m) => distance[m]!)];
  const beta = matVec(invertSymmetric(crossProduct(X)), crossVector(X, keep.map((m) => Math.log(y[m]!))));
  return { size: beta[1]!, distance: beta[2]! };
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]!;
  return s;
}
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** The q-quantile of sorted values (nearest rank). */
function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
