/**
 * One demo run: the model's Simulation plus what the page needs from it.
 * Lever moves during a run go through the model's own event phase, as a
 * scenario event at the next tick, so they are validated and take effect
 * exactly as a timed `events:` entry in a scenario file would.
 */
import { Simulation } from '../../src/model/simulation.js';
import { applyEvent } from '../../src/scenario/events.js';
import { sampleFirms } from './firm-sample.js';
import { pickShown } from './metrics.js';
import type { FirmSample, RunSettings, TickRow } from './protocol.js';
import { resolveRun } from './settings.js';

export class DemoSession {
  private readonly sim: Simulation;

  constructor(run: RunSettings) {
    this.sim = new Simulation(resolveRun(run));
  }

  /** The next tick to run. */
  get tick(): number {
    return this.sim.tick;
  }

  get ticks(): number {
    return this.sim.world.scenario.ticks;
  }

  get done(): boolean {
    return this.sim.done;
  }

  /** Changes parameters from the next tick on; throws (and changes nothing) when a value is invalid. */
  apply(set: Record<string, number>): void {
    applyEvent(this.sim.world.scenario, set);
    this.sim.world.scenario.events.push({ at: this.sim.tick, set });
  }

  step(): TickRow {
    const tick = this.sim.step();
    return { tick, values: pickShown(this.sim.reporters.model) };
  }

  sample(): FirmSample {
    return sampleFirms(this.sim.world);
  }
}
