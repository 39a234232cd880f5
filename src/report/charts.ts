/**
 * Vega-Lite spec builders for report charts. Model-agnostic: they take
 * labelled points, not simulation state. Render with `render.ts`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './series.js';
import { textWidth } from './text-width.js';
import { seriesColors, TIME_AXIS_TITLE, tickToYears } from './palette.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, INK, SEQUENTIAL_SCHEME } from './style.js';

export type VegaLiteSpec = TopLevelSpec;

/** A moment to mark on a time chart (e.g. a scenario event) as a dashed vertical rule with a short label. */
export type TimeMarker = { tick: number; label: string };

/** What every time chart shares: the x axis is in years since the start (ticks / ticksPerYear). */
type TimeOptions = {
  title: string;
  yTitle: string;
  series: SeriesPoint[];
  /** Ticks per year of the run (default 12, one tick a month). */
  ticksPerYear?: number;
  xTitle?: string;
  markers?: TimeMarker[];
  /** Colour by series label (see palette.ts); labels without one take the next free palette colour. */
  colors?: Record<string, string>;
};

export type TimeSeriesOptions = TimeOptions & {
  yDomain?: [number, number];
  /** d3 format for y labels, e.g. '%' for shares (precision then follows the tick step). */
  yFormat?: string;
  /** Labels drawn dashed (e.g. the reference side of a comparison). */
  dashed?: string[];
};

export type StackedAreaOptions = TimeOptions;

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
function colorByLabel(labels: string[], symbolType: string, colors: Record<string, string> = {}) {
  const chosen = seriesColors(labels, (l) => colors[l]);
  return {
    field: 'label',
    type: 'nominal' as const,
    scale: { domain: labels, range: labels.map((l) => chosen[l]!) },
    legend: labels.length > 1 ? { title: null, orient: 'top' as const, direction: 'horizontal' as const, symbolType } : null,
  };
}

/** Years since the start; whole years are labelled unless the run is shorter than about two years. */
function yearAxis(xTitle: string) {
  return { field: 'year', type: 'quantitative' as const, title: xTitle, scale: { nice: false }, axis: { format: '~r', tickMinStep: 0.25 } };
}

/** The points with their tick as years since the start. */
function inYears<T extends { tick: number }>(points: T[], ticksPerYear: number): (T & { year: number })[] {
  return points.map((p) => ({ ...p, year: tickToYears(p.tick, ticksPerYear) }));
}

/** Title lines no wider than the chart (the y axis adds about this much to the plot's width). */
const TITLE_WIDTH = CHART_WIDTH + 40;

/** Splits a title at spaces into lines that fit the chart, so a long one wraps instead of running off the edge. */
export function wrapTitle(title: string, fontSize = 14, width = TITLE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, true) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/** Chart-wide fields shared by every builder. */
function frame(title: string) {
  const lines = wrapTitle(title);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: lines.length > 1 ? { text: lines } : title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
  };
}

/**
 * Dashed rules with labels at the top of the plot, for the markers inside the
 * series' tick range (one outside would stretch the x axis).
 */
function markerLayers(markers: TimeMarker[], series: { tick: number }[], ticksPerYear: number) {
  const ticks = series.map((p) => p.tick);
  const inside = markers.filter((m) => m.tick >= Math.min(...ticks) && m.tick <= Math.max(...ticks));
  if (inside.length === 0) return [];
  const data = { values: inYears(inside, ticksPerYear) };
  const x = { field: 'year', type: 'quantitative' as const };
  return [
    { data, mark: { type: 'rule' as const, color: INK, opacity: 0.6, strokeDash: [4, 3] }, encoding: { x } },
    {
      data,
      mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, dy: 2, fontSize: 10, color: INK },
      encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' as const } },
    },
  ];
}

/** One line per label over years, with a shaded CI band where points carry lo/hi. */
export function timeSeriesSpec(options: TimeSeriesOptions): VegaLiteSpec {
  const { title, yTitle, series, ticksPerYear = 12, xTitle = TIME_AXIS_TITLE, yDomain, yFormat, markers = [], colors, dashed = [] } = options;
  const labels = labelsOf(series);
  const x = yearAxis(xTitle);
  const color = colorByLabel(labels, 'stroke', colors);
  // Dashes by label share the colour legend (same field and domain), so a dashed line shows dashed there too.
  const strokeDash = dashed.length
    ? { strokeDash: { field: 'label', type: 'nominal' as const, scale: { domain: labels, range: labels.map((l) => (dashed.includes(l) ? [6, 3] : [1, 0])) } } }
    : {};
  const scale = yDomain ? { domain: yDomain, zero: false } : { zero: false };
  const axis = yFormat ? { format: yFormat } : {};
  // Lines are not clipped: a share at exactly 100% would lose half its stroke to the plot edge.
  const line = {
    mark: { type: 'line' as const, strokeWidth: 2 },
    encoding: { x, y: { field: 'mean', type: 'quantitative' as const, title: yTitle, scale, axis }, color, ...strokeDash },
  };
  // The band colours via `fill` with an independent legend, so its faint swatches neither merge
  // into the line legend nor (through Vega-Lite's legend merging) switch that legend off.
  const band = {
    mark: { type: 'area' as const, opacity: 0.18, clip: true },
    encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: yTitle }, y2: { field: 'hi' }, fill: { ...color, legend: null } },
  };
  const marks = markerLayers(markers, series, ticksPerYear);
  const values = inYears(series, ticksPerYear);
  const hasBand = series.some((p) => p.lo !== undefined && p.hi !== undefined);
  if (!hasBand) return { ...frame(title), data: { values }, layer: [line, ...marks] };
  return { ...frame(title), data: { values }, layer: [band, line, ...marks], resolve: { legend: { fill: 'independent' } } };
}

/** Shares stacked to 100% over years (stage shares, value capture); the first label sits at the bottom. */
export function stackedAreaSpec({ title, yTitle, series, ticksPerYear = 12, xTitle = TIME_AXIS_TITLE, markers = [], colors }: StackedAreaOptions): VegaLiteSpec {
  const labels = labelsOf(series);
  const values = inYears(series, ticksPerYear).map((p) => ({ year: p.year, label: p.label, value: p.mean, order: labels.indexOf(p.label) }));
  const area = {
    mark: { type: 'area' as const, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: yearAxis(xTitle),
      y: { field: 'value', type: 'quantitative' as const, stack: 'normalize' as const, title: yTitle, axis: { format: '.0%' } },
      color: colorByLabel(labels, 'square', colors),
      order: { field: 'order', type: 'quantitative' as const },
    },
  };
  return { ...frame(title), data: { values }, layer: [area, ...markerLayers(markers, series, ticksPerYear)] };
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
