/**
 * Lets `gvc-sim analyze sobol|morris DIR` read sweep databases. DuckDB is
 * loaded only when a directory is actually read, so registering costs nothing.
 */
import { registerSweepResultsReader } from '../designs/index.js';

export function registerSweepReader(): void {
  registerSweepResultsReader({
    readDesignAndOutputs: async (dir, metric) => (await import('./reader.js')).duckdbSweepReader.readDesignAndOutputs(dir, metric),
  });
}
