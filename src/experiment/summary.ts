/**
 * The summary of a run: final-year mean of each model metric, with a 95%
 * confidence interval across seeds when there are several (for shares of a
 * whole on a logit scale, so it stays inside [0, 1]).
 */
import { MODEL_METRICS, type ModelMetric } from '../model/reporters.js';
import { shareAwareCi } from '../report/metric-labels.js';

/** The metrics a run prints; summary.json holds them all. */
export const SUMMARY_METRICS: readonly ModelMetric[] = [
  'exporterShare', 'directShare', 'platformSellerShare', 'platformGmvShare', 'stageShare0', 'stageShare1', 'stageShare2plus',
  'lockInShare', 'smeValueShare', 'intermediaryValueShare', 'platformValueShare', 'takeRate', 'destinationHhi',
  'categoriesPerExporter', 'salesGini', 'fraudShare', 'exitRate', 'meanProductivity', 'rdIntensity', 'creditConstrainedShare',
];

export interface SummaryRow {
  metric: string;
  mean: number;
  lo?: number;
  hi?: number;
  seeds: number;
}

export function summarize(finalYear: Float64Array[]): SummaryRow[] {
  return MODEL_METRICS.map((metric, j) => {
    const ci = shareAwareCi(metric, finalYear.map((row) => row[j]!));
    return { metric, mean: ci.mean, lo: ci.lo, hi: ci.hi, seeds: finalYear.length };
  });
}
