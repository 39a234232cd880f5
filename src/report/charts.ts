/**
 * Vega-Lite spec builders for report charts. Model-agnostic: they take
 * labelled points, not simulation state. Render with `render.ts`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './series.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, PALETTE, SEQUENTIAL_SCHEME } from './style.js';

export type VegaLiteSpec = TopLevelSpec;

export type TimeSeriesOptions = {
  title: string;
  yTitle: string;
  series: SeriesPoint[];
  xTitle?: string;
  yDomain?: [number, number];
  /** d3 format for y labels, e.g. '.0%' for shares. */
  yFormat?: string;
};

export type StackedAreaOptions = { title: string; yTitle: string; series: SeriesPoint[]; xTitle?: string };

export type Bar = { label: string; mean: number; lo?: number; hi?: number };
export type BarOptions = { title: string; yTitle: string; bars: Bar[]; xTitle?: string };

export type HeatCell = { x: number | string; y: number | string; value: number };
export type HeatmapOptions = {
  title: string;
  xTitle: string;
  yTitle: string;
  valueTitle: string;
  cells: HeatCell[];
  valueDomain?: [number, number];
  /** d3 format of the value printed in each cell. */
  valueFormat?: string;
};

/** Above this many cells the printed values would not fit their rectangles. */
const MAX_LABELLED_CELLS = 100;

/** Distinct labels in first-seen order, so colours follow the caller's order, not the alphabet. */
function labelsOf(points: { label: string }[]): string[] {
  return [...new Set(points.map((p) => p.label))];
}

/** Colour by label with a fixed domain; the legend is dropped for a single series (the title names it). */
function colorByLabel(labels: string[], symbolType: string) {
  return {
    field: 'label',
    type: 'nominal' as const,
    scale: { domain: labels, range: PALETTE },
    legend: labels.length > 1 ? { title: null, orient: 'top' as const, direction: 'horizontal' as const, symbolType } : null,
  };
}

function tickAxis(xTitle: string) {
  return { field: 'tick', type: 'quantitative' as const, title: xTitle, scale: { nice: false }, axis: { format: 'd', tickMinStep: 1 } };
}

/** Chart-wide fields shared by every builder. */
function frame(title: string) {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, width: CHART_WIDTH, height: CHART_HEIGHT, config: CHART_CONFIG };
}

/** One line per label over ticks, with a shaded CI band where points carry lo/hi. */
export function timeSeriesSpec({ title, yTitle, series, xTitle = 'tick (month)', yDomain, yFormat }: TimeSeriesOptions): VegaLiteSpec {
  const labels = labelsOf(series);
  const x = tickAxis(xTitle);
  const color = colorByLabel(labels, 'stroke');
  const scale = yDomain ? { domain: yDomain, zero: false } : { zero: false };
  const axis = yFormat ? { format: yFormat } : {};
  const line = {
    mark: { type: 'line' as const, strokeWidth: 2, clip: true },
    encoding: { x, y: { field: 'mean', type: 'quantitative' as const, title: yTitle, scale, axis }, color },
  };
  // The band colours via `fill` with an independent legend, so its faint swatches neither merge
  // into the line legend nor (through Vega-Lite's legend merging) switch that legend off.
  const band = {
    mark: { type: 'area' as const, opacity: 0.18, clip: true },
    encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: yTitle }, y2: { field: 'hi' }, fill: { ...color, legend: null } },
  };
  const hasBand = series.some((p) => p.lo !== undefined && p.hi !== undefined);
  if (!hasBand) return { ...frame(title), data: { values: series }, layer: [line] };
  return { ...frame(title), data: { values: series }, layer: [band, line], resolve: { legend: { fill: 'independent' } } };
}

/** Shares stacked to 100% over ticks (stage shares, value capture); the first label sits at the bottom. */
export function stackedAreaSpec({ title, yTitle, series, xTitle = 'tick (month)' }: StackedAreaOptions): VegaLiteSpec {
  const labels = labelsOf(series);
  const values = series.map((p) => ({ tick: p.tick, label: p.label, value: p.mean, order: labels.indexOf(p.label) }));
  return {
    ...frame(title),
    data: { values },
    mark: { type: 'area', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: tickAxis(xTitle),
      y: { field: 'value', type: 'quantitative', stack: 'normalize', title: yTitle, axis: { format: '.0%' } },
      color: colorByLabel(labels, 'square'),
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

/** Categorical means as bars, with CI error bars where lo/hi are given. */
export function barSpec({ title, yTitle, bars, xTitle = '' }: BarOptions): VegaLiteSpec {
  const labels = labelsOf(bars);
  const x = { field: 'label', type: 'nominal' as const, title: xTitle || null, sort: labels, axis: { labelAngle: 0 } };
  const bar = {
    mark: { type: 'bar' as const, width: { band: 0.6 } },
    encoding: { x, y: { field: 'mean', type: 'quantitative' as const, title: yTitle }, fill: { ...colorByLabel(labels, 'square'), legend: null } },
  };
  const errors = {
    mark: { type: 'errorbar' as const, ticks: { width: 14 }, color: '#1f2937', thickness: 1.5 },
    encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: yTitle }, y2: { field: 'hi' } },
  };
  const hasErrors = bars.some((b) => b.lo !== undefined && b.hi !== undefined);
  return { ...frame(title), data: { values: bars }, layer: hasErrors ? [bar, errors] : [bar] };
}

/** A value over a two-parameter grid (e.g. a lock-in map), y increasing upwards; small grids print their values. */
export function heatmapSpec(options: HeatmapOptions): VegaLiteSpec {
  const { title, xTitle, yTitle, valueTitle, cells, valueDomain, valueFormat = '.2~f' } = options;
  const x = { field: 'x', type: 'ordinal' as const, title: xTitle, axis: { labelAngle: 0 } };
  const y = { field: 'y', type: 'ordinal' as const, title: yTitle, sort: 'descending' as const };
  const scale = valueDomain ? { scheme: SEQUENTIAL_SCHEME, domain: valueDomain } : { scheme: SEQUENTIAL_SCHEME };
  const rect = {
    mark: { type: 'rect' as const, stroke: 'white', strokeWidth: 1 },
    encoding: { x, y, color: { field: 'value', type: 'quantitative' as const, title: valueTitle, scale } },
  };
  const [lo, hi] = valueDomain ?? [Math.min(...cells.map((c) => c.value)), Math.max(...cells.map((c) => c.value))];
  // Viridis runs dark to light: white text on the lower half, dark text on the upper.
  const text = {
    mark: { type: 'text' as const, fontSize: 10 },
    encoding: {
      x,
      y,
      text: { field: 'value', type: 'quantitative' as const, format: valueFormat },
      color: { condition: { test: `datum.value < ${(lo + hi) / 2}`, value: 'white' }, value: '#1f2937' },
    },
  };
  return { ...frame(title), data: { values: cells }, layer: cells.length <= MAX_LABELLED_CELLS ? [rect, text] : [rect] };
}
