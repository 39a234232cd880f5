/** What the time-series charts show: which reporters, under which names and colours. */
import { STAGE_NAMES } from '../../../src/model/params.js';
import { METRIC_COLORS, tickToYears } from '../../../src/report/palette.js';
import type { ShownMetric } from '../metrics.js';
import type { TickRow } from '../protocol.js';

export interface SeriesChart {
  id: string;
  title: string;
  note: string;
  yTitle: string;
  /** `stack`: shares of one whole, stacked; `line`: separate shares. */
  kind: 'stack' | 'line';
  series: { metric: ShownMetric; label: string; color: string }[];
}

/** Colours are the metrics' own (src/report/palette.ts), as in the reports and `gvc-sim figure`. */
export const SERIES_CHARTS: readonly SeriesChart[] = [
  {
    id: 'stages', title: 'Where firms sit on the smile curve', note: 'share of all firms at each functional stage', yTitle: 'share of firms', kind: 'stack',
    series: [
      { metric: 'stageShare0', label: STAGE_NAMES[0], color: METRIC_COLORS.stageShare0! },
      { metric: 'stageShare1', label: STAGE_NAMES[1], color: METRIC_COLORS.stageShare1! },
      { metric: 'stageShare2', label: STAGE_NAMES[2], color: METRIC_COLORS.stageShare2! },
      { metric: 'stageShare3', label: STAGE_NAMES[3], color: METRIC_COLORS.stageShare3! },
    ],
  },
  {
    id: 'channels', title: 'How exporters reach buyers', note: 'share of exporters using each channel (a firm may use several)', yTitle: 'share of exporters', kind: 'line',
    series: [
      { metric: 'indirectShare', label: 'indirect (trader)', color: METRIC_COLORS.indirectShare! },
      { metric: 'directOfflineShare', label: 'direct offline', color: METRIC_COLORS.directOfflineShare! },
      { metric: 'platformSellerShare', label: 'platform', color: METRIC_COLORS.platformSellerShare! },
    ],
  },
  {
    id: 'value', title: 'Who captures the export value', note: 'share of what foreign buyers pay', yTitle: 'share of export value', kind: 'line',
    series: [
      { metric: 'smeValueShare', label: 'SMEs', color: METRIC_COLORS.smeValueShare! },
      { metric: 'intermediaryValueShare', label: 'intermediaries', color: METRIC_COLORS.intermediaryValueShare! },
      { metric: 'platformValueShare', label: 'platform', color: METRIC_COLORS.platformValueShare! },
    ],
  },
  {
    id: 'lockin', title: 'Low-end lock-in', note: 'firms that began exporting in assembly 5+ years ago and are still there', yTitle: 'share of that cohort', kind: 'line',
    series: [{ metric: 'lockInShare', label: 'locked in', color: METRIC_COLORS.lockInShare! }],
  },
];

/** A chart's data points for some ticks: one per series per tick, in years. */
export function seriesRows(chart: SeriesChart, rows: TickRow[], ticksPerYear: number) {
  return rows.flatMap((r) =>
    chart.series.map((s, order) => ({ year: tickToYears(r.tick, ticksPerYear), series: s.label, value: r.values[s.metric] ?? 0, order })),
  );
}
