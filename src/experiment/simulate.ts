/**
 * One simulation run as a stream of tick records: what `run`, `sweep`,
 * `compare`, `claims`, `panel` and the benchmarks all build on.
 */
import { FeeExpressionError } from '../model/fee-expression.js';
import type { Scenario } from '../model/params.js';
import { AGENT_COLUMNS, agentRow } from '../model/reporters.js';
import { Simulation } from '../model/simulation.js';
import { FirmYears, type FirmYear } from './firm-years.js';

export interface TickRecord {
  tick: number;
  seed: number;
  /** Model reporters, in MODEL_METRICS order. Reused between ticks: copy what you keep. */
  model: Float64Array;
  /** Per region, REGION_METRICS order (reused between ticks). */
  regions: readonly Float64Array[];
  /** Per market, MARKET_METRICS order (reused between ticks). */
  markets: readonly Float64Array[];
  /** On snapshot ticks: visits every firm's row (AGENT_COLUMNS order) through one reused buffer. */
  eachAgent?: (visit: (row: Float64Array) => void) => void;
}

export interface SimulateOptions {
  /** Snapshot every firm every K ticks (0: never); the last tick is always included when K > 0. */
  agentsEvery?: number;
  checkInvariants?: boolean;
  /**
   * Receives every firm-year (experiment/firm-years.ts) as its year ends (a leaver’s as it leaves), before
   * that tick's record is yielded. Given, the run also records sales by market,
   * which costs a pass over every firm each tick; the run itself is unchanged.
   */
  onFirmYear?: (row: FirmYear) => void;
}

/** Runs `scenario` with `seed`, yielding one record per recorded tick. */
export function* simulate(scenario: Scenario, seed: number, opts: SimulateOptions = {}): Generator<TickRecord> {
  const sim = withTick('burn-in', () => new Simulation(scenario, { seed, checkInvariants: opts.checkInvariants ?? false, recordMarketSales: opts.onFirmYear !== undefined }));
  const years = opts.onFirmYear ? new FirmYears(sim.world, opts.onFirmYear) : undefined;
  const every = opts.agentsEvery ?? 0;
  while (!sim.done) {
    const tick = withTick(sim.tick, () => sim.step());
    years?.observe(tick);
    const snapshot = every > 0 && (tick % every === 0 || tick === scenario.ticks - 1);
    yield {
      tick,
      seed,
      model: sim.reporters.model,
      regions: sim.reporters.regions,
      markets: sim.reporters.markets,
      eachAgent: snapshot ? (visit) => visitAgents(sim, visit) : undefined,
    };
  }
}

/** Runs `body`; a fee expression that gives no finite number stops the run naming the tick (a user's error: exit 2). */
function withTick<T>(tick: number | 'burn-in', body: () => T): T {
  try {
    return body();
  } catch (err) {
    throw err instanceof FeeExpressionError ? err.atTick(tick) : err;
  }
}

function visitAgents(sim: Simulation, visit: (row: Float64Array) => void): void {
  const row = new Float64Array(AGENT_COLUMNS.length);
  for (let i = 0; i < sim.world.firms.capacity; i++) {
    agentRow(sim.world, i, row);
    visit(row);
  }
}
