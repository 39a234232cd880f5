/**
 * Vega-Lite specs of the demo's charts, sized and lettered for a projector.
 * Each reads a named data set the page feeds as the run goes (`rows`,
 * `firms`, `cells`), so a chart is compiled once and only its data changes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHANNEL_COLORS, TIME_AXIS_TITLE } from '../../../src/report/palette.js';
import { INK } from '../../../src/report/style.js';
import { STAGE_NAMES } from '../../../src/model/params.js';
import type { SeriesChart } from './series.js';

/** Every firm-view and channel colour means the same channel (intermediaries share the indirect colour): see palette.ts. */
export { CHANNEL_COLORS };

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

const CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 13, titleFontSize: 13, titleFontWeight: 'normal' as const, labelColor: '#374151', titleColor: INK, gridColor: '#eceef1', domainColor: '#9ca3af', tickColor: '#9ca3af' },
};

const HEIGHT = 170;

/** Time axis in years since the start over the whole run (as in the reports), so the run visibly fills the chart. */
function yearAxis(years: number) {
  return { field: 'year', type: 'quantitative' as const, title: TIME_AXIS_TITLE, scale: { domain: [0, years], nice: false }, axis: { tickMinStep: 1, format: 'd' } };
}

function shareAxis(title: string) {
  return { field: 'value', type: 'quantitative' as const, title, scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } };
}

/** One of the time-series charts (lines, or stacked areas for shares that add up to 1). */
export function seriesSpec(chart: SeriesChart, years: number): TopLevelSpec {
  const labels = chart.series.map((s) => s.label);
  // The legend is HTML beside the title (see dashboard.ts): it wraps on narrow screens, Vega's would be cut off.
  const color = { field: 'series', type: 'nominal' as const, scale: { domain: labels, range: chart.series.map((s) => s.color) }, legend: null };
  const x = yearAxis(years);
  const mark = chart.kind === 'stack'
    ? { type: 'area' as const, line: false, stroke: 'white', strokeWidth: 0.5 }
    : { type: 'line' as const, strokeWidth: 3, clip: true };
  const y = chart.kind === 'stack' ? { ...shareAxis(chart.yTitle), stack: 'zero' as const } : shareAxis(chart.yTitle);
  return {
    config: CONFIG,
    width: 'container',
    height: HEIGHT,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: 'rows' },
    mark,
    encoding: { x, y, color, order: { field: 'order', type: 'quantitative' } },
  };
}

/** Firms as dots: productivity (log) against stage (jittered), coloured by channel, locked-in firms outlined. */
export function firmSpec(): TopLevelSpec {
  const names = Object.keys(CHANNEL_COLORS);
  return {
    config: CONFIG,
    width: 'container',
    height: 300,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: 'firms' },
    mark: { type: 'point', filled: true, size: 22, opacity: 0.75, strokeWidth: 1.2 },
    encoding: {
      x: { field: 'productivity', type: 'quantitative', title: 'productivity (log scale)', scale: { type: 'log', domainMin: 1 } },
      y: {
        field: 'y',
        type: 'quantitative',
        title: null,
        scale: { domain: [-0.5, 3.5], nice: false },
        axis: { values: [0, 1, 2, 3], grid: false, labelExpr: `${JSON.stringify(STAGE_NAMES)}[datum.value]`, labelFontSize: 14, labelPadding: 6 },
      },
      color: { field: 'channel', type: 'nominal', title: null, scale: { domain: names, range: names.map((n) => CHANNEL_COLORS[n as keyof typeof CHANNEL_COLORS]) }, legend: null },
      stroke: { condition: { test: 'datum.locked', value: '#111827' }, value: null },
      order: { field: 'locked', type: 'quantitative' },
    },
  };
}

/** The lock-in map: one cell per lever pair, final-year lock-in share printed in it; cells carry their own fill (see map-cells.ts). */
export function mapSpec(xTitle: string, yTitle: string): TopLevelSpec {
  const x = { field: 'xLabel', type: 'ordinal' as const, title: xTitle, sort: { field: 'x' }, axis: { labelAngle: 0 } };
  const y = { field: 'yLabel', type: 'ordinal' as const, title: yTitle, sort: { field: 'y', order: 'descending' as const } };
  return {
    config: CONFIG,
    width: 'container',
    height: 260,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: 'cells' },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 2 }, encoding: { x, y, fill: { field: 'fill', type: 'nominal', scale: null, legend: null } } },
      {
        mark: { type: 'text', fontSize: 15, fontWeight: 'bold' },
        encoding: { x, y, text: { field: 'text', type: 'nominal' }, color: { condition: { test: 'datum.dark', value: 'white' }, value: INK } },
      },
    ],
  };
}
