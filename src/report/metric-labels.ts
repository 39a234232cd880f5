/**
 * Plain-language names of the model metrics for tables, legends and figure
 * titles. A metric not listed here is shown by its column name.
 */
import { boundedMeanCi, meanCi, type MeanCi } from '../analysis/replications.js';

const LABELS: Record<string, string> = {
  exportValue: 'export value (k USD per tick)',
  exporterShare: 'exporting firms (share of firms)',
  indirectShare: 'exporters via an intermediary',
  directOfflineShare: 'exporters selling direct offline',
  platformSellerShare: 'exporters selling on the platform',
  directShare: 'exporters with direct customer access',
  stageShare0: 'firms at assembly (stage 0)',
  stageShare1: 'firms at design (stage 1)',
  stageShare2: 'firms at own brand (stage 2)',
  stageShare3: 'firms at brand + services (stage 3)',
  stageShare1plus: 'firms at stage 1 or above',
  stageShare2plus: 'firms at stage 2 or above',
  lockInShare: 'exporters locked in at assembly',
  smeValueShare: 'value captured by SMEs',
  intermediaryValueShare: 'value captured by intermediaries',
  platformValueShare: 'value captured by the platform',
  logisticsValueShare: 'value spent on logistics',
  takeRate: 'platform take rate (fees / GMV)',
  commission: 'platform commission rate',
  platformGmvShare: 'platform GMV share of exports',
  platformSellers: 'platform sellers (firms)',
  platformStage: 'platform stage',
  destinationHhi: 'destination concentration (HHI)',
  marketsPerExporter: 'markets per exporter',
  categoriesPerExporter: 'product categories per exporter',
  salesGini: 'Gini of exporters’ sales',
  digitalGap: 'export gap, high vs low digital firms (at entry)',
  fraudShare: 'counterfeit share of platform orders',
  buyerTrust: 'buyer trust in the platform',
  complianceCostShare: 'compliance cost share of receipts',
  entryRate: 'entry rate (per tick)',
  exitRate: 'exit rate (per tick)',
  meanProductivity: 'mean productivity',
  rdIntensity: 'R&D intensity (Tec)',
  inus: 'weighted stage index (Inus)',
  creditUsed: 'credit used per firm (k USD)',
  creditConstrainedShare: 'credit-constrained firms',
};

/** The plain-language name of a metric, or the metric itself. */
export function metricLabel(metric: string): string {
  return LABELS[metric] ?? metric;
}

/**
 * Shares of a whole (national or regional), which can only lie in [0, 1]:
 * the metrics docs/metrics.md gives the unit "share of …, 0–1". Their
 * intervals across seeds are built on a logit scale (`shareAwareCi`), so an
 * interval never reaches below 0 or above 1. Value shares that can turn
 * negative (`smeValueShare`) and rates that can exceed 1 (`takeRate`) are not
 * in it: a bounded interval would hide where they really are.
 */
const SHARES_OF_A_WHOLE: ReadonlySet<string> = new Set([
  'exporterShare', 'indirectShare', 'directOfflineShare', 'platformSellerShare', 'directShare', 'directValueShare',
  'stageShare0', 'stageShare1', 'stageShare2', 'stageShare3', 'stageShare1plus', 'stageShare2plus', 'lockInShare',
  'assemblyExporterShare', 'intermediatedShare', 'intermediaryValueShare', 'platformValueShare', 'logisticsValueShare',
  'platformGmvShare', 'fraudShare', 'creditConstrainedShare', 'platformAdoption', 'platformExportShare', 'platformDependence',
]);

/** True for a share of a whole, always in [0, 1] (see SHARES_OF_A_WHOLE). */
export function isShareOfWhole(metric: string): boolean {
  return SHARES_OF_A_WHOLE.has(metric);
}

/**
 * Mean and CI across seeds of a metric's values: for a share of a whole on a
 * logit scale within `bounds` ([0, 1] for levels, [−1, 1] for differences of
 * shares, see boundedMeanCi), for any other metric a t interval.
 */
export function shareAwareCi(metric: string, values: ArrayLike<number>, bounds: [number, number] = [0, 1], level = 0.95): MeanCi {
  return isShareOfWhole(metric) ? boundedMeanCi(values, bounds, level) : meanCi(values, level);
}

/** True for metrics (national or regional) that are shares or rates, shown as percentages (a wider set than isShareOfWhole). */
export function isShareMetric(metric: string): boolean {
  return /Share(\d|\dplus)?$|Rate$|^commission$|^platformAdoption$/.test(metric);
}
