/**
 * The lock-in map: final lock-in share over a grid of two levers, one short
 * run per cell, on the page's current settings. Pure, so a test can run a cell.
 */
import { MODEL_METRICS } from '../../src/model/reporters.js';
import { Simulation } from '../../src/model/simulation.js';
import type { MapAxis, RunSettings } from './protocol.js';
import { resolveRun } from './settings.js';

/** Firms per cell: enough for a stable share, few enough for 25 cells in well under a minute. */
export const MAP_FIRMS = 1000;

const LOCK_IN = MODEL_METRICS.indexOf('lockInShare');

/** The settings of cell (x, y): the page's run with both levers set. */
export function cellRun(run: RunSettings, x: MapAxis, y: MapAxis, xv: number, yv: number): RunSettings {
  return { ...run, firms: Math.min(run.firms, MAP_FIRMS), overrides: { ...run.overrides, [x.path]: xv, [y.path]: yv } };
}

/** Lock-in share averaged over the run's final year (one tick is noisy at a thousand firms). */
export function finalLockIn(run: RunSettings): number {
  const sim = new Simulation(resolveRun(run));
  const lastYear = sim.world.scenario.ticksPerYear;
  let sum = 0;
  let n = 0;
  while (!sim.done) {
    const t = sim.step();
    if (t >= sim.world.scenario.ticks - lastYear) {
      sum += sim.reporters.model[LOCK_IN]!;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}
