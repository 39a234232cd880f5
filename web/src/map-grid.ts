/** The lock-in map's grid: its size, the population per cell, the settings of one cell, and what the map was computed for. */
import { formatLever, LEVERS } from './levers.js';
import type { MapAxis, RunSettings } from './protocol.js';

export const GRID = 5;

/** Firms per cell: enough for a steady share, few enough for 25 runs in well under a minute (about 15 s on a 2-core machine). */
export const MAP_FIRMS = 2000;

/** The settings of one cell: the page's run with both levers set, at most MAP_FIRMS firms. */
export function cellRun(run: RunSettings, x: MapAxis, y: MapAxis, xv: number, yv: number): RunSettings {
  return { ...run, firms: Math.min(run.firms, MAP_FIRMS), overrides: { ...run.overrides, [x.path]: xv, [y.path]: yv } };
}

/**
 * What a map was computed for, as its caption says it: the preset, the levers
 * moved away from it (other than the map's own two), the seed and the
 * population. The map stays on screen while the lecturer moves on, so it must
 * say which settings its cells belong to.
 */
export function mapCaption(run: RunSettings, x: MapAxis, y: MapAxis): string {
  const moved = Object.entries(run.overrides)
    .filter(([path]) => path !== x.path && path !== y.path)
    .map(([path, value]) => {
      const lever = LEVERS.find((l) => l.path === path);
      return lever ? `${lever.label} ${formatLever(lever, value)}` : `${path} ${value}`;
    });
  const levers = moved.length > 0 ? `, with ${moved.join(', ')}` : '';
  return `${run.presetLabel} preset${levers}; seed ${run.seed}, ${Math.min(run.firms, MAP_FIRMS).toLocaleString('en')} firms per cell`;
}
