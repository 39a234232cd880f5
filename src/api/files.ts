/**
 * Runs that write results folders, as the CLI's do: a scenario's CSVs (and
 * Parquet) with a manifest, and a sweep spec on a worker pool into DuckDB.
 */
import { availableParallelism } from 'node:os';
import type { OutputFormat } from '../experiment/parquet.js';
import { exportSweep, loadSweepSpec, runSweep, sweepOutDir, type SweepResult } from '../experiment/sweep/index.js';

export interface SweepSpecOptions {
  /** Results folder (default results/<spec name>). */
  outDir?: string;
  /** Worker threads (default: every core). */
  workers?: number;
  /** Continue a sweep recorded in outDir. */
  resume?: boolean;
  /** Also write every table as files of this format when the sweep completes. */
  format?: OutputFormat;
}

/**
 * Runs a sweep spec (docs/experiments.md) as `gvc-sim sweep` does: resumable,
 * on worker threads, into `results.duckdb`; returns the sweep's outcome and the files exported.
 */
export async function runSweepSpec(spec: string, options: SweepSpecOptions = {}): Promise<SweepResult & { files: string[] }> {
  const plan = await loadSweepSpec(spec);
  const result = await runSweep({ plan, outDir: sweepOutDir(plan, options.outDir), workers: options.workers ?? availableParallelism(), resume: options.resume });
  const files = options.format && !result.interrupted ? await exportSweep(result.outDir, options.format) : [];
  return { ...result, files };
}
