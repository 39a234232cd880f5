/** Small worlds for model tests: a few hundred firms, short runs. */
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../src/model/params.js';
import { Simulation } from '../../src/model/simulation.js';

/** The default scenario at test size, with overrides (a partial scenario, deep-merged by zod defaults). */
export function smallScenario(input: ScenarioInput = {}): Scenario {
  return ScenarioSchema.parse({ firms: 400, ticks: 24, burnInTicks: 12, ...input });
}

/** A simulation past burn-in with invariant checks on. */
export function smallSimulation(input: ScenarioInput = {}, seed = 1): Simulation {
  return new Simulation(smallScenario(input), { seed, checkInvariants: true });
}

/** Runs to the end; returns the model reporters of every tick. */
export function runAll(sim: Simulation): Float64Array[] {
  const rows: Float64Array[] = [];
  while (!sim.done) {
    sim.step();
    rows.push(Float64Array.from(sim.reporters.model));
  }
  return rows;
}
