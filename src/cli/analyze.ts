import type { Argv, CommandModule } from 'yargs';
import analyzePanel from './analyze-panel.js';
import { registerSweepReader } from '../experiment/sweep/register-reader.js';
import { analyzeMorrisCommand, analyzeSobolCommand } from './analyze-sensitivity.js';

// `analyze sobol|morris DIR` reads a sweep folder (DuckDB loads only when one is read).
registerSweepReader();

/** `gvc-sim analyze panel|sobol|morris`: estimators usable on any CSV or on a sweep folder. */
const analyze: CommandModule = {
  command: 'analyze <analysis>',
  describe: 'panel regressions, Sobol indices or Morris screening on CSV files or a sweep folder',
  builder: (y: Argv) =>
    y
      .command(analyzePanel as CommandModule)
      .command(analyzeSobolCommand as unknown as CommandModule)
      .command(analyzeMorrisCommand as unknown as CommandModule)
      .demandCommand(1, 'Name an analysis: panel, sobol or morris.'),
  handler: () => {},
};
export default analyze;
