/** One cell of the lock-in map: a run to the end, scored by its final-year lock-in share. */
import { MODEL_METRICS } from '../../src/model/reporters.js';
import { Simulation } from '../../src/model/simulation.js';
import type { RunSettings } from './protocol.js';
import { resolveRun } from './settings.js';

const LOCK_IN = MODEL_METRICS.indexOf('lockInShare');

/** Lock-in share averaged over the run's final year (one tick is noisy at a map cell's population). */
export function finalLockIn(run: RunSettings): number {
  const sim = new Simulation(resolveRun(run));
  const { ticks, ticksPerYear } = sim.world.scenario;
  let sum = 0;
  let n = 0;
  while (!sim.done) {
    if (sim.step() >= ticks - ticksPerYear) {
      sum += sim.reporters.model[LOCK_IN]!;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}
