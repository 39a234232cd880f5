/** The lock-in map's grid: its size, the population per cell, and the settings of one cell. */
import type { MapAxis, RunSettings } from './protocol.js';

export const GRID = 5;

/** Firms per cell: enough for a steady share, few enough for 25 runs in well under a minute (about 15 s on a 2-core machine). */
export const MAP_FIRMS = 2000;

/** The settings of one cell: the page's run with both levers set, at most MAP_FIRMS firms. */
export function cellRun(run: RunSettings, x: MapAxis, y: MapAxis, xv: number, yv: number): RunSettings {
  return { ...run, firms: Math.min(run.firms, MAP_FIRMS), overrides: { ...run.overrides, [x.path]: xv, [y.path]: yv } };
}
