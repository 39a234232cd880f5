/** Sweeps: spec files, the resumable, shardable runner, its DuckDB results, merging and export. */
export { loadSweepSpec } from './spec-load.js';
export { REDUCTIONS, type SweepSpec, type Reduction } from './spec-schema.js';
export { totalRuns, runRef, type SweepPlan, type RunRef, type OutputSpec } from './plan.js';
export { runSeed } from './seeds.js';
export { resolveShard, parseShard, formatShard, inShard, WHOLE, type Shard } from './shard.js';
export { runSweep, sweepOutDir, type SweepOptions, type SweepResult } from './engine.js';
export { DB_FILE, type RunRecord } from './store.js';
export { mergeSweeps, type MergeResult, type ShardSummary } from './merge.js';
export { exportSweep, type ExportFormat } from './export.js';
export { sweepSummary, type SummaryTable } from './summary.js';
export { registerSweepReader } from './register-reader.js';
