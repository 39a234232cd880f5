/**
 * Vega-Lite charts of a PRIM run (scenario discovery): the coverage–density
 * trade-off along the peeling trajectory, and one box's limits on the range
 * of each input it restricts. Model-agnostic: they take plain numbers.
 */
import type { VegaLiteSpec } from './charts.js';
import { CHART_CONFIG, CHART_WIDTH, INK, PALETTE } from './style.js';

const MUTED = '#4b5563';

export type TradeoffPoint = { box: number; coverage: number; density: number; restricted: number };

/** One restricted input of a box: its limits, the data's range, and the label to show (name and quasi-p). */
export type LimitRow = { label: string; lower: number; upper: number; min: number; max: number } | { label: string; categories: string[]; all: string[] };

function frame(title: string, height: number) {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, width: CHART_WIDTH, height, config: CHART_CONFIG };
}

/**
 * Coverage against density, one point per box on the trajectory (joined in
 * order), coloured by how many inputs the box restricts; the chosen box is
 * ringed and labelled.
 */
export function tradeoffSpec(points: TradeoffPoint[], chosen: number, minDensity?: number): VegaLiteSpec {
  const x = { field: 'coverage', type: 'quantitative' as const, title: 'coverage (share of all cases of interest in the box)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const y = { field: 'density', type: 'quantitative' as const, title: 'density (share of the box’s runs)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const maxRestricted = Math.max(1, ...points.map((p) => p.restricted));
  const levels = Array.from({ length: maxRestricted + 1 }, (_, k) => k);
  const pick = points.filter((p) => p.box === chosen);
  const layers: object[] = [
    { mark: { type: 'line' as const, color: '#9ca3af', strokeWidth: 1 }, encoding: { x, y, order: { field: 'box', type: 'quantitative' as const } } },
    {
      mark: { type: 'point' as const, filled: true, size: 40, opacity: 0.9 },
      encoding: {
        x,
        y,
        color: { field: 'restricted', type: 'ordinal' as const, title: 'restricted inputs', scale: { domain: levels, scheme: 'viridis' }, legend: { orient: 'right' as const } },
        tooltip: [{ field: 'box' }, { field: 'coverage', format: '.3f' }, { field: 'density', format: '.3f' }, { field: 'restricted' }],
      },
    },
    { data: { values: pick }, mark: { type: 'point' as const, size: 220, strokeWidth: 2, color: PALETTE[3] }, encoding: { x, y } },
    {
      data: { values: pick.map((p) => ({ ...p, text: `box ${p.box}` })) },
      mark: { type: 'text' as const, align: 'left' as const, dx: 10, dy: -10, fontSize: 11, fontWeight: 'bold' as const, color: PALETTE[3] },
      encoding: { x, y, text: { field: 'text', type: 'nominal' as const } },
    },
  ];
  if (minDensity !== undefined)
    layers.unshift({ data: { values: [{ density: minDensity }] }, mark: { type: 'rule' as const, color: INK, opacity: 0.5, strokeDash: [4, 3] }, encoding: { y } });
  return { ...frame('Coverage and density along the peeling trajectory', 300), data: { values: points }, layer: layers } as VegaLiteSpec;
}

/** Coverage, density and mass against the box's position on the trajectory. */
export function trajectorySpec(points: (TradeoffPoint & { mass: number })[]): VegaLiteSpec {
  const values = points.flatMap((p) => (['coverage', 'density', 'mass'] as const).map((k) => ({ box: p.box, label: k, value: p[k] })));
  return {
    ...frame('Peeling trajectory', 220),
    data: { values },
    mark: { type: 'line', strokeWidth: 2, point: { size: 16 } },
    encoding: {
      x: { field: 'box', type: 'quantitative', title: 'box (0: every run)', axis: { format: 'd', tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: 'share', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'label', type: 'nominal', title: null, scale: { domain: ['coverage', 'density', 'mass'], range: PALETTE.slice(0, 3) }, legend: { orient: 'top', direction: 'horizontal' } },
    },
  } as VegaLiteSpec;
}

const fmt = (v: number) => Number(v.toPrecision(3)).toString();

/**
 * One row per restricted input: its whole range in grey (0 to 1 of the data's
 * min…max), the box's part in colour, the limits printed at its ends.
 * Categorical inputs print the categories the box keeps.
 */
export function boxLimitsSpec(title: string, rows: LimitRow[]): VegaLiteSpec {
  const bars = rows.map((r) => {
    if ('categories' in r) return { label: r.label, lo: 0, hi: 1, from: '', to: '', kept: `keeps ${r.categories.join(', ')} (of ${r.all.join(', ')})`, min: '', max: '' };
    const span = r.max - r.min || 1;
    const lo = (r.lower - r.min) / span;
    const hi = (r.upper - r.min) / span;
    return { label: r.label, lo, hi, from: r.lower !== r.min ? fmt(r.lower) : '', to: r.upper !== r.max ? fmt(r.upper) : '', kept: '', min: fmt(r.min), max: fmt(r.max) };
  });
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: rows.map((r) => r.label), axis: { labelLimit: 360 } };
  const x = { type: 'quantitative' as const, title: 'position in the sweep’s range of each input (0 = its minimum, 1 = its maximum)', scale: { domain: [0, 1] } };
  // Box limits above the bar, the data's range below it.
  const label = (field: string, at: string, align: 'left' | 'right' | 'center', dy: number, color: string) => ({
    mark: { type: 'text' as const, align, dy, fontSize: 10, color },
    encoding: { x: { field: at, ...x }, y, text: { field, type: 'nominal' as const } },
  });
  return {
    ...frame(title, Math.max(48, 48 * rows.length)),
    data: { values: bars.map((b) => ({ ...b, zero: 0, half: 0.5, one: 1 })) },
    layer: [
      { mark: { type: 'bar' as const, color: '#e5e7eb', height: 12 }, encoding: { x: { field: 'zero', ...x }, x2: { field: 'one' }, y } },
      { mark: { type: 'bar' as const, color: PALETTE[0], height: 12 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, y } },
      label('from', 'lo', 'center', -13, PALETTE[0]!),
      label('to', 'hi', 'center', -13, PALETTE[0]!),
      label('kept', 'half', 'center', -13, INK),
      label('min', 'zero', 'left', 14, MUTED),
      label('max', 'one', 'right', 14, MUTED),
    ],
  } as VegaLiteSpec;
}
