/** What the time-series charts show: which reporters, under which names and colours. */
import { STAGE_NAMES } from '../../../src/model/params.js';
import { PALETTE } from '../../../src/report/style.js';
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

/** Orange for intermediaries and the indirect channel, blue for the platform, green for direct / SMEs, throughout. */
export const SERIES_CHARTS: readonly SeriesChart[] = [
  {
    id: 'stages', title: 'Where firms sit on the smile curve', note: 'share of all firms at each functional stage', yTitle: 'share of firms', kind: 'stack',
    series: [
      { metric: 'stageShare0', label: STAGE_NAMES[0], color: '#D55E00' },
      { metric: 'stageShare1', label: STAGE_NAMES[1], color: '#E69F00' },
      { metric: 'stageShare2', label: STAGE_NAMES[2], color: '#56B4E9' },
      { metric: 'stageShare3', label: STAGE_NAMES[3], color: '#0072B2' },
    ],
  },
  {
    id: 'channels', title: 'How exporters reach buyers', note: 'share of exporters using each channel (a firm may use several)', yTitle: 'share of exporters', kind: 'line',
    series: [
      { metric: 'indirectShare', label: 'indirect (trader)', color: PALETTE[1]! },
      { metric: 'directOfflineShare', label: 'direct offline', color: PALETTE[2]! },
      { metric: 'platformSellerShare', label: 'platform', color: PALETTE[0]! },
    ],
  },
  {
    id: 'value', title: 'Who captures the export value', note: 'share of what foreign buyers pay', yTitle: 'share of export value', kind: 'line',
    series: [
      { metric: 'smeValueShare', label: 'SMEs', color: PALETTE[2]! },
      { metric: 'intermediaryValueShare', label: 'intermediaries', color: PALETTE[1]! },
      { metric: 'platformValueShare', label: 'platform', color: PALETTE[0]! },
    ],
  },
  {
    id: 'lockin', title: 'Low-end lock-in', note: 'firms that began exporting in assembly 5+ years ago and are still there', yTitle: 'share of that cohort', kind: 'line',
    series: [{ metric: 'lockInShare', label: 'locked in', color: PALETTE[3]! }],
  },
];

/** A chart's data points for some ticks: one per series per tick, in years. */
export function seriesRows(chart: SeriesChart, rows: TickRow[], ticksPerYear: number) {
  return rows.flatMap((r) =>
    chart.series.map((s, order) => ({ year: r.tick / ticksPerYear, series: s.label, value: r.values[s.metric] ?? 0, order })),
  );
}
