/**
 * Vega-Lite spec builders for report charts. Model-agnostic: they take
 * labelled points, not simulation state. Render with `render.ts`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './series.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, INK, PALETTE, SEQUENTIAL_SCHEME } from './style.js';

export type VegaLiteSpec = TopLevelSpec;

/** A moment to mark on a time chart (e.g. a scenario event) as a dashed vertical rule with a short label. */
export type TimeMarker = { tick: number; label: string };

export type TimeSeriesOptions = {
  title: string;
  yTitle: string;
  series: SeriesPoint[];
  xTitle?: string;
  yDomain?: [number, number];
  /** d3 format for y labels, e.g. '.0%' for shares. */
  yFormat?: string;
  markers?: TimeMarker[];
};

export type StackedAreaOptions = { title: string; yTitle: string; series: SeriesPoint[]; xTitle?: string; markers?: TimeMarker[] };

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

/**
 * Dashed rules with labels at the top of the plot, for the markers inside the
 * series' tick range (one outside would stretch the x axis).
 */
function markerLayers(markers: TimeMarker[], series: { tick: number }[]) {
  const ticks = series.map((p) => p.tick);
  const inside = markers.filter((m) => m.tick >= Math.min(...ticks) && m.tick <= Math.max(...ticks));
  if (inside.length === 0) return [];
  const data = { values: inside };
  const x = { field: 'tick', type: 'quantitative' as const };
  return [
    { data, mark: { type: 'rule' as const, color: INK, opacity: 0.6, strokeDash: [4, 3] }, encoding: { x } },
    {
      data,
      mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, dy: 2, fontSize: 10, color: INK },
      encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' as const } },
    },
  ];
}

/** One line per label over ticks, with a shaded CI band where points carry lo/hi. */
export function timeSeriesSpec(options: TimeSeriesOptions): VegaLiteSpec {
  const { title, yTitle, series, xTitle = 'tick (month)', yDomain, yFormat, markers = [] } = options;
  const labels = labelsOf(series);
  const x = tickAxis(xTitle);
  const color = colorByLabel(labels, 'stroke');
  const scale = yDomain ? { domain: yDomain, zero: false } : { zero: false };
  const axis = yFormat ? { format: yFormat } : {};
  // Lines are not clipped: a share at exactly 100% would lose half its stroke to the plot edge.
  const line = {
    mark: { type: 'line' as const, strokeWidth: 2 },
    encoding: { x, y: { field: 'mean', type: 'quantitative' as const, title: yTitle, scale, axis }, color },
  };
  // The band colours via `fill` with an independent legend, so its faint swatches neither merge
  // into the line legend nor (through Vega-Lite's legend merging) switch that legend off.
  const band = {
    mark: { type: 'area' as const, opacity: 0.18, clip: true },
    encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: yTitle }, y2: { field: 'hi' }, fill: { ...color, legend: null } },
  };
  const marks = markerLayers(markers, series);
  const hasBand = series.some((p) => p.lo !== undefined && p.hi !== undefined);
  if (!hasBand) return { ...frame(title), data: { values: series }, layer: [line, ...marks] };
  return { ...frame(title), data: { values: series }, layer: [band, line, ...marks], resolve: { legend: { fill: 'independent' } } };
}

/** Shares stacked to 100% over ticks (stage shares, value capture); the first label sits at the bottom. */
export function stackedAreaSpec({ title, yTitle, series, xTitle = 'tick (month)', markers = [] }: StackedAreaOptions): VegaLiteSpec {
  const labels = labelsOf(series);
  const values = series.map((p) => ({ tick: p.tick, label: p.label, value: p.mean, order: labels.indexOf(p.label) }));
  const area = {
    mark: { type: 'area' as const, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: tickAxis(xTitle),
      y: { field: 'value', type: 'quantitative' as const, stack: 'normalize' as const, title: yTitle, axis: { format: '.0%' } },
      color: colorByLabel(labels, 'square'),
      order: { field: 'order', type: 'quantitative' as const },
    },
  };
  return { ...frame(title), data: { values }, layer: [area, ...markerLayers(markers, series)] };
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
