/**
 * The charts an analyst reads first, as data: which metrics, how they are
 * labelled and a one-line "how to read this". The run report draws each from
 * one run (mean line, CI band across seeds); the compare report draws each
 * metric with one line per scenario.
 */
import { stackedAreaSpec, timeSeriesSpec, type TimeMarker, type VegaLiteSpec } from './charts.js';
import { metricColor } from './palette.js';
import type { Columns } from './results-files.js';
import { clampBands, summarizeMetric, summarizeMetrics, type MetricColumns, type SeriesPoint } from './series.js';

/** How the y axis shows values: shares fixed to 0–100%, percentages scaled to the data, or plain numbers. */
export type YScale = 'share' | 'percent' | 'number';

export interface MetricChart {
  title: string;
  yTitle: string;
  /** Model metric columns and their legend labels, in drawing order. */
  metrics: [metric: string, label: string][];
  /** One or two sentences: what a line means and which way is "better". */
  read: string;
  y: YScale;
  /** Shares of a whole, drawn stacked to 100% (means only: no bands). */
  stacked?: boolean;
}

export const RUN_CHARTS: MetricChart[] = [
  {
    title: 'Functional stage of firms',
    yTitle: 'share of firms',
    metrics: [['stageShare0', 'assembly (0)'], ['stageShare1', 'design (1)'], ['stageShare2', 'own brand (2)'], ['stageShare3', 'brand + services (3)']],
    read: 'Each band is the share of all firms at that step of the smile curve (mean across seeds). Upper bands growing is functional upgrading; a thick bottom band that does not shrink is an economy stuck in assembly.',
    y: 'share',
    stacked: true,
  },
  {
    title: 'Value capture',
    yTitle: 'share of final export value',
    metrics: [['smeValueShare', 'SMEs'], ['intermediaryValueShare', 'intermediaries'], ['platformValueShare', 'platform']],
    read: 'Of every dollar foreign buyers pay: what SMEs keep after production cost, fees and ads; the intermediaries\u2019 margin; the platform\u2019s commission, ads and subscriptions. The rest pays for production and logistics.',
    y: 'percent',
  },
  {
    title: 'Low-end lock-in',
    yTitle: 'share of the cohort',
    metrics: [['lockInShare', 'locked in at assembly']],
    read: 'Of the firms that began exporting in assembly (stage 0) at least lockInYears ago (5 years by default), the share still in assembly, exporting or not. Lower is better.',
    y: 'share',
  },
  {
    title: 'Exporting firms',
    yTitle: 'share of all firms',
    metrics: [['exporterShare', 'exporters']],
    read: 'Share of all firms that export through any channel.',
    y: 'share',
  },
  {
    title: 'Export channels',
    yTitle: 'share of exporters',
    metrics: [['indirectShare', 'via intermediary'], ['directOfflineShare', 'direct offline'], ['platformSellerShare', 'platform']],
    read: 'Share of exporting firms using each channel. A firm may use several, so the lines need not add up to 100%. Only the direct channels (offline, platform) give firms the buyer access that stages 2 and 3 need.',
    y: 'share',
  },
  {
    title: 'Platform take rate and GMV share',
    yTitle: 'share',
    metrics: [['takeRate', 'take rate (fees / GMV)'], ['platformGmvShare', 'GMV share of exports']],
    read: 'Take rate: what the platform charges (commission, ads, subscriptions) per dollar sold on it. GMV share: platform sales as a share of all export sales, a measure of the platform\u2019s market power.',
    y: 'percent',
  },
  {
    title: 'Destination concentration',
    yTitle: 'mean HHI of exporters',
    metrics: [['destinationHhi', 'HHI']],
    read: 'Herfindahl index of each exporter\u2019s sales across destination markets, averaged over exporters: 1 means a single market, 1/M sales spread evenly over all M markets. Falling means diversification.',
    y: 'number',
  },
];

export const REGION_EXPORTS_READ =
  'Export sales of the firms in each region per tick, in thousand USD. Diverging lines show which regions gain from the platform, pilot zones or logistics.';

/** Percent labels take their decimals from the tick step ('%' without a precision), so 0.5% steps never print as "1%, 1%, 0%". */
export function yOptions(y: YScale): { yDomain?: [number, number]; yFormat?: string } {
  if (y === 'share') return { yDomain: [0, 1], yFormat: '%' };
  return y === 'percent' ? { yFormat: '%' } : {};
}

/** Each legend label of a catalog chart in its metric's colour (palette.ts). */
export function chartColors(def: MetricChart): Record<string, string> {
  return Object.fromEntries(def.metrics.flatMap(([m, label]) => (metricColor(m) ? [[label, metricColor(m)!]] : [])));
}

/** How a chart is drawn besides its series: time markers, ticks per year, colours by label. */
export type ChartFrame = { markers: TimeMarker[]; ticksPerYear: number; colors?: Record<string, string>; dashed?: string[] };

/** A chart of series already summarized (one line, and band when several seeds, per label). */
export function chartSpec(def: MetricChart, series: SeriesPoint[], f: ChartFrame, title = def.title): VegaLiteSpec {
  const common = { title, yTitle: def.yTitle, markers: f.markers, ticksPerYear: f.ticksPerYear, colors: f.colors ?? chartColors(def) };
  if (def.stacked) return stackedAreaSpec({ ...common, series });
  const bounded = def.y === 'number' ? series : clampBands(series, [0, 1]);
  return timeSeriesSpec({ ...common, series: bounded, dashed: f.dashed, ...yOptions(def.y) });
}

/** A catalog chart drawn from one run's model table. */
export function runChartSpec(def: MetricChart, model: MetricColumns, markers: TimeMarker[], ticksPerYear: number): VegaLiteSpec {
  const series = summarizeMetrics(model, def.metrics.map(([m]) => m), Object.fromEntries(def.metrics));
  return chartSpec(def, series, { markers, ticksPerYear });
}

/** Above this many regions (e.g. provinces-30) lines are summed by region group: the palette has 8 colours. */
const MAX_REGION_LINES = 8;

/**
 * One line (and band) per value of `key` (region or group) of a region metric,
 * summed within the key. Only amounts are summed by group: a group's sum of a
 * share is no share, yet would get a share's band (summarizeMetric goes by name).
 */
export function regionSeries(regions: Columns, metric: string, key: 'region' | 'group'): SeriesPoint[] {
  const keys = regions[key] as string[];
  const tick = regions.tick as Float64Array;
  const seed = regions.seed as Float64Array;
  const value = regions[metric] as Float64Array;
  return [...new Set(keys)].flatMap((name) => {
    const sums = new Map<string, { tick: number; seed: number; v: number }>();
    keys.forEach((k, i) => {
      if (k !== name) return;
      const id = `${tick[i]}|${seed[i]}`;
      const acc = sums.get(id) ?? { tick: tick[i]!, seed: seed[i]!, v: 0 };
      acc.v += value[i]!;
      sums.set(id, acc);
    });
    const rows = [...sums.values()];
    return summarizeMetric({ tick: rows.map((r) => r.tick), seed: rows.map((r) => r.seed), [metric]: rows.map((r) => r.v) }, metric, name);
  });
}

/** Exports by region over time (by region group when there are many regions); regions keep their palette order. */
export function regionExportsSpec(regions: Columns, markers: TimeMarker[], ticksPerYear: number): VegaLiteSpec {
  const many = new Set(regions.region as string[]).size > MAX_REGION_LINES;
  const series = regionSeries(regions, 'exports', many ? 'group' : 'region');
  return timeSeriesSpec({ title: many ? 'Exports by region group' : 'Exports by region', yTitle: 'k USD per tick', series, markers, ticksPerYear });
}

/** One region's rows of a region table, as a table of its own (tick, seed and the metric columns). */
export function regionRows(regions: Columns, name: string): MetricColumns {
  const keep = (regions.region as string[]).map((r, i) => (r === name ? i : -1)).filter((i) => i >= 0);
  const out: Record<string, Float64Array> = {};
  for (const [col, values] of Object.entries(regions)) {
    if (values instanceof Float64Array) out[col] = Float64Array.from(keep, (i) => values[i]!);
  }
  return out as unknown as MetricColumns;
}

/** Region names in first-seen order (the scenario's order). */
export function regionNames(regions: Columns): string[] {
  return [...new Set(regions.region as string[])];
}
