/**
 * Plain-language names of the model metrics for tables, legends and figure
 * titles. A metric not listed here is shown by its column name.
 */
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

/** True for metrics (national or regional) that are shares or rates in [0, 1], shown as percentages. */
export function isShareMetric(metric: string): boolean {
  return /Share(\d|\dplus)?$|Rate$|^commission$|^platformAdoption$/.test(metric);
}
