/**
 * One simulation for a script: the model's phases plus the user's own, the
 * model's reporters plus the user's own, stepped tick by tick. The world is
 * open to read and to change (`model.world`), as each phase changes it.
 */
import { UserError } from '../errors.js';
import { phase as enginePhase, type Phase } from '../engine/scheduler.js';
import type { Scenario } from '../model/params.js';
import { MARKET_METRICS, MODEL_METRICS, REGION_METRICS, type ModelMetric } from '../model/reporters.js';
import { PHASES, Simulation } from '../model/simulation.js';
import type { World } from '../model/world.js';

/** The names of the model's phases in the order a tick runs them (DESIGN.md §2). */
export const PHASE_NAMES: readonly string[] = PHASES.map((p) => p.name);

/**
 * A phase of your own: a function over the world, run every tick (burn-in
 * included) right after the model's phase `after`, or right before `before`
 * (one of PHASE_NAMES, or the name of another custom phase given earlier).
 * With neither it runs last.
 */
export interface CustomPhase {
  name: string;
  run(world: World): void;
  after?: string;
  before?: string;
}

/** The phase that reads the custom reporters, after every other phase of the tick (a name no custom phase may take). */
const REPORTERS_PHASE = 'custom-reporters';

/** A reporter of your own: a number read off the world at the end of every tick, beside the model's reporters. */
export type Reporter = (world: World) => number;

export interface ModelOptions {
  /** Seed of the run (default: the scenario's). */
  seed?: number;
  /** Phases to add to the model's, in the order given. */
  phases?: readonly CustomPhase[];
  /** Reporters to add to the model's, by name (a name must not be a model metric). */
  reporters?: Readonly<Record<string, Reporter>>;
  /** Check the model's invariants after every phase (slower; tests turn it on). */
  checkInvariants?: boolean;
}

/** The model's phases with the custom ones put in place. */
export function withPhases(custom: readonly CustomPhase[]): Phase<World>[] {
  const list: Phase<World>[] = [...PHASES];
  for (const c of custom) {
    if (c.name === REPORTERS_PHASE || list.some((p) => p.name === c.name)) throw new UserError(`a phase named '${c.name}' exists already`, `phase names: ${list.map((p) => p.name).join(', ')}`);
    if (c.after !== undefined && c.before !== undefined) throw new UserError(`phase '${c.name}': give after or before, not both`);
    const anchor = c.after ?? c.before;
    const at = anchor === undefined ? list.length : list.findIndex((p) => p.name === anchor);
    if (at < 0) throw new UserError(`phase '${c.name}': there is no phase '${anchor}'`, `phase names: ${list.map((p) => p.name).join(', ')}`);
    list.splice(c.after !== undefined ? at + 1 : at, 0, enginePhase(c.name, c.run));
  }
  return list;
}

export class Model {
  readonly simulation: Simulation;
  readonly seed: number;
  /** Names of the custom reporters, in the order given. */
  readonly customNames: readonly string[];
  private readonly custom: readonly Reporter[];
  private readonly customValues: Float64Array;

  /** Builds the world and runs the burn-in (custom phases included); the next `step()` is tick 0. */
  constructor(
    readonly scenario: Scenario,
    options: ModelOptions = {},
  ) {
    const reporters = Object.entries(options.reporters ?? {});
    for (const [name] of reporters) {
      if ((MODEL_METRICS as readonly string[]).includes(name)) throw new UserError(`reporter '${name}' has the name of a model metric; choose another`);
    }
    this.customNames = reporters.map(([name]) => name);
    this.custom = reporters.map(([, r]) => r);
    this.customValues = new Float64Array(reporters.length);
    this.seed = options.seed ?? scenario.seed;
    // Custom reporters are read by a last phase: they see the world the model's reporters see, at the same tick.
    const values = this.customValues;
    const custom = this.custom;
    const read = enginePhase<World>(REPORTERS_PHASE, (w) => custom.forEach((r, k) => (values[k] = r(w))));
    const phases = [...withPhases(options.phases ?? []), ...(custom.length > 0 ? [read] : [])];
    this.simulation = new Simulation(scenario, { seed: this.seed, checkInvariants: options.checkInvariants, phases });
  }

  /** The world the phases change: scenario in force, firms (typed arrays), regions, markets, platform, this tick's ledger. */
  get world(): World {
    return this.simulation.world;
  }

  /** The next tick to run. */
  get tick(): number {
    return this.simulation.tick;
  }

  /** True once every tick of the scenario has run. */
  get done(): boolean {
    return this.simulation.done;
  }

  /** Runs one tick and collects every reporter; returns the tick just run. */
  step(): number {
    return this.simulation.step();
  }

  /** Runs `ticks` more ticks, or to the end; returns the model reporters after each, one row per tick. */
  run(ticks = Infinity): ModelRow[] {
    const out: ModelRow[] = [];
    for (let k = 0; k < ticks && !this.done; k++) {
      const tick = this.step();
      out.push({ tick, seed: this.seed, ...this.reporters() });
    }
    return out;
  }

  /** The model reporters (docs/metrics.md) and the custom ones, as of the last tick run. */
  reporters(): Record<ModelMetric, number> & Record<string, number> {
    const row: Record<string, number> = {};
    MODEL_METRICS.forEach((m, j) => (row[m] = this.simulation.reporters.model[j]!));
    this.customNames.forEach((name, k) => (row[name] = this.customValues[k]!));
    return row as Record<ModelMetric, number> & Record<string, number>;
  }

  /** The region reporters as of the last tick run, one object per region (with its name and group). */
  regions(): Array<Record<string, number | string>> {
    return this.world.regions.map((r, k) => ({ region: r.name, group: r.group, ...named(REGION_METRICS, this.simulation.reporters.regions[k]!) }));
  }

  /** The market reporters as of the last tick run, one object per market (with its name). */
  markets(): Array<Record<string, number | string>> {
    return this.world.markets.map((m, k) => ({ market: m.name, ...named(MARKET_METRICS, this.simulation.reporters.markets[k]!) }));
  }
}

/** One row of model reporters: tick, seed, every model metric and every custom reporter. */
export type ModelRow = { tick: number; seed: number } & Record<string, number>;

function named(names: readonly string[], values: Float64Array): Record<string, number> {
  return Object.fromEntries(names.map((n, j) => [n, values[j]!]));
}

/** A simulation of `scenario` with the options' seed, phases and reporters, burn-in done. */
export function createModel(scenario: Scenario, options: ModelOptions = {}): Model {
  return new Model(scenario, options);
}
