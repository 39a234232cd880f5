/** The worker pool that runs a sweep's simulations (piscina, one thread per worker). */
import { Piscina } from 'piscina';
import { compiledSibling } from '../../engine/worker-path.js';
import type { RunOutcome, RunTask } from './worker.js';

export type RunPool = Piscina<RunTask, RunOutcome>;

/** A pool of exactly `workers` threads, kept alive for the whole sweep. */
export function createRunPool(workers: number): RunPool {
  return new Piscina<RunTask, RunOutcome>({ filename: compiledSibling(import.meta.url, 'worker.js'), minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
}
