/**
 * The lock-in map's cells as the heatmap draws them. Each cell carries its own
 * fill, scaled to the largest share found so far: lock-in shares can all be a
 * few percent, and a fixed 0–100% scale would paint them all the same pale.
 */
import { scheme } from 'vega';

const PENDING = '#e5e7eb';
const ramp = scheme('orangered') as (t: number) => string;

export interface MapCell {
  x: number;
  y: number;
  xLabel: string;
  yLabel: string;
  value: number | null;
  text: string;
  fill: string;
  dark: boolean;
}

export function pendingCell(x: number, y: number, xLabel: string, yLabel: string): MapCell {
  return { x, y, xLabel, yLabel, value: null, text: '…', fill: PENDING, dark: false };
}

/** Recolours every finished cell against the largest value so far. */
export function shadeCells(cells: MapCell[]): void {
  const max = Math.max(0.01, ...cells.map((c) => c.value ?? 0));
  for (const c of cells) {
    if (c.value === null) continue;
    const t = 0.08 + (0.92 * c.value) / max;
    c.text = `${(c.value * 100).toFixed(1)}%`;
    c.fill = ramp(t);
    c.dark = t > 0.6;
  }
}
