/** The worker pool that runs a sweep's simulations (piscina, one thread per worker). */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RunOutcome, RunTask } from './worker.js';

/**
 * The compiled worker module. Next to this one in dist/; when this module
 * runs from the TypeScript sources (tests), dist/'s copy, since worker
 * threads load plain JavaScript.
 */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const src = `${sep}src${sep}`;
  const at = here.lastIndexOf(src);
  const compiled = fileURLToPath(import.meta.url).endsWith('.ts') && at >= 0 ? `${here.slice(0, at)}${sep}dist${sep}${here.slice(at + src.length)}` : here;
  return join(compiled, 'worker.js');
}

export type RunPool = Piscina<RunTask, RunOutcome>;

/** A pool of exactly `workers` threads, kept alive for the whole sweep. */
export function createRunPool(workers: number): RunPool {
  return new Piscina<RunTask, RunOutcome>({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
}
