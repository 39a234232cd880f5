/**
 * gvc-sim as a library (docs/api.md): scenario → simulation → reporters →
 * replications and sweeps, with phases and reporters of your own.
 *
 *   import { scenario, createModel, replicate, sweep } from 'gvc-sim';
 *
 * Everything exported here is the public API; deeper modules may change.
 */

// Scenarios
export { scenario, withParameters, type Settings } from './api/batch.js';
export { defaultScenario, ScenarioSchema, type Scenario, type ScenarioInput } from './model/params.js';
export { FIXED_FOR_RUN } from './model/events.js';

// One simulation, stepped: phases and reporters of your own
export { createModel, Model, PHASE_NAMES, withPhases, type CustomPhase, type ModelOptions, type ModelRow, type Reporter } from './api/model.js';
export type { World, Ledger, MarketState, PlatformState, RegionState, TradeTables } from './model/world.js';
export { Channel, NEVER, type Firms } from './model/firms.js';
export { AGENT_COLUMNS, MARKET_METRICS, MODEL_METRICS, REGION_METRICS, type ModelMetric } from './model/reporters.js';
export { createRng, type Rng } from './engine/rng.js';
export { InvariantViolation } from './engine/invariants.js';

// Replications and sweeps in this process
export {
  finalYearStart, grid, replicate, runOnce, sweep,
  type MetricSummary, type ReplicateOptions, type Replications, type RunSummary, type SweepOptions, type SweepRow,
} from './api/batch.js';
export { meanCi, type MeanCi } from './analysis/replications.js';

// Results folders, as the command line writes them
export { runScenario, type RunOptions, type RunResult } from './experiment/run.js';
export { runSweepSpec, type SweepSpecOptions } from './api/files.js';
export { exportSweep, type SweepResult } from './experiment/sweep/index.js';
export { COLUMNS_KEY, safeColumnName, type OutputFormat } from './experiment/parquet.js';

// Errors a user can cause carry a message written for them
export { UserError } from './errors.js';
export { ScenarioError, type ScenarioIssue } from './scenario/index.js';
