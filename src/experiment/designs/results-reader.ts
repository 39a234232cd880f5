import { UserError } from '../../errors.js';
import type { DesignTable } from './types.js';

/**
 * Reads a finished sweep back as a design and one output per run, so that
 * `analyze sobol|morris DIR --metric NAME` can analyse it. The sweep storage
 * registers an implementation with `registerSweepResultsReader`.
 */
export interface SweepResultsReader {
  readDesignAndOutputs(dir: string, metric: string): Promise<{ design: DesignTable; outputs: number[] }>;
}

let registered: SweepResultsReader | undefined;

/** Installs the reader used for the directory form of `analyze` (the last registration wins). */
export function registerSweepResultsReader(reader: SweepResultsReader): void {
  registered = reader;
}

/** The registered reader; a UserError while no sweep storage is available. */
export function sweepResultsReader(): SweepResultsReader {
  if (!registered)
    throw new UserError('reading sweep results from a directory is not available yet', 'pass --design FILE.csv --outputs FILE.csv instead');
  return registered;
}
