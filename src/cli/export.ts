/** `gvc-sim export DIR --format parquet|csv`: a sweep's tables as files for R, pandas, Stata or a spreadsheet. */
import type { Argv, CommandModule } from 'yargs';
import { exportSweep, type ExportFormat } from '../experiment/sweep/index.js';
import { examples } from './help.js';

interface ExportArgs {
  dir: string;
  format: ExportFormat;
  out?: string;
}

function builder(y: Argv): Argv<ExportArgs> {
  return y
    .positional('dir', { type: 'string', demandOption: true, describe: 'sweep results folder (holds results.duckdb)' })
    .option('format', { choices: ['parquet', 'csv'] as const, default: 'parquet' as const, describe: 'file format' })
    .option('out', { type: 'string', describe: 'folder for the files (default: the results folder)' })
    .example(
      examples([
        ['$0 export results/fee-finance-lockin --format csv', 'meta.csv, design.csv, runs.csv, outputs.csv (and trajectories.csv)'],
      ]),
    ) as unknown as Argv<ExportArgs>;
}

const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export <dir>',
  describe: 'write every table of a sweep results database as Parquet or CSV files',
  builder,
  handler: async (a) => {
    for (const file of await exportSweep(a.dir, a.format, a.out)) console.log(file);
  },
};
export default exportCommand;
