/**
 * A simulation run: the world, its phases in DESIGN.md §2 order, burn-in, and
 * the reporters. Knows nothing of files or the command line.
 */
import { checkInvariants } from '../engine/invariants.js';
import { phase, Scheduler, type Phase } from '../engine/scheduler.js';
import { exitAndEntry, populate, shiftMarketFit } from './demography.js';
import { entryAndChannels } from './entry.js';
import { applyEvents } from './events.js';
import { compileFeeExpression, usesFeeExpressions } from './fee-expression.js';
import { finance } from './finance.js';
import { opportunism } from './governance.js';
import { MODEL_INVARIANTS } from './invariants.js';
import { splitBudgets } from './buyers.js';
import { matching } from './matching.js';
import type { Scenario } from './params.js';
import { platformRules } from './platform.js';
import { Reporters } from './reporters.js';
import { settlement } from './settlement.js';
import { upgrading } from './upgrading.js';
import { createWorld, emptyLedger, type World } from './world.js';

/**
 * Clears this tick's flows; receipts stay until matching so entry can read last tick's.
 * The ledger is reset in place: a fresh object each tick starts with integer
 * fields that V8 widens to doubles within the tick, deoptimizing every phase
 * that books money, every tick.
 */
function beginTick(w: World): void {
  const f = w.firms;
  Object.assign(w.ledger, emptyLedger(w.regions.length));
  f.profit.fill(0);
  f.investment.fill(0);
  f.rdSpend.fill(0);
  f.adSpend.fill(0);
}

/** Clears per-tick sales just before matching fills them again. */
function clearSales(w: World): void {
  const f = w.firms;
  f.exportReceipts.fill(0);
  f.platformReceipts.fill(0);
  f.platformOrders.fill(0);
  f.directReceipts.fill(0);
  f.indirectReceipts.fill(0);
  f.exportValue.fill(0);
}

export const PHASES: readonly Phase<World>[] = [
  phase('begin', beginTick),
  phase('events', applyEvents),
  phase('platform', platformRules),
  phase('entry', entryAndChannels),
  phase('opportunism', opportunism),
  phase('matching', (w) => {
    clearSales(w);
    matching(w);
  }),
  phase('settlement', settlement),
  phase('finance', finance),
  phase('upgrading', upgrading),
  phase('demography', (w) => {
    exitAndEntry(w);
    shiftMarketFit(w);
  }),
];

export interface SimulationOptions {
  seed?: number;
  /** Check model invariants after every phase (tests turn this on). */
  checkInvariants?: boolean;
  /** Keep each firm's sales by market of the tick in `world.marketSalesNow` (for a firm panel). */
  recordMarketSales?: boolean;
  /** The phases of a tick, in order (default PHASES): the public API adds a user's own phases here. */
  phases?: readonly Phase<World>[];
}

export class Simulation {
  readonly world: World;
  readonly reporters: Reporters;
  private readonly scheduler: Scheduler<World>;
  private readonly check: boolean;

  /** Builds the world and runs the burn-in; the next `step()` is tick 0. */
  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    if (usesFeeExpressions(scenario)) compileFeeExpression('base'); // fails early, with advice, if the engine is not loaded
    this.world = createWorld(structuredClone(scenario), options.seed ?? scenario.seed);
    this.check = options.checkInvariants ?? false;
    this.scheduler = new Scheduler(options.phases ?? PHASES);
    if (options.recordMarketSales) this.world.marketSalesNow = new Float64Array(this.world.firms.capacity * this.world.markets.length);
    this.reporters = new Reporters(this.world);
    populate(this.world);
    // Buyers' budgets exist before the first tick, so firms can weigh exporting from the start.
    splitBudgets(this.world);
    while (this.world.tick < 0) this.advance();
  }

  get tick(): number {
    return this.world.tick;
  }

  get done(): boolean {
    return this.world.tick >= this.world.scenario.ticks;
  }

  /** Runs one tick and collects its reporters (read them from `reporters`). Returns the tick just run. */
  step(): number {
    const t = this.world.tick;
    this.advance();
    return t;
  }

  private advance(): void {
    const w = this.world;
    this.scheduler.step(w, this.check ? (name, world) => checkInvariants(world, name, MODEL_INVARIANTS) : undefined);
    this.reporters.collect(w);
    w.tick++;
  }
}
