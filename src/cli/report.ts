/** `gvc-sim report DIR`: rebuilds report.html of a run folder, or compare.html of a compare folder. */
import type { Argv, CommandModule } from 'yargs';
import { isCompareFolder, writeCompareReport } from '../report/compare-report.js';
import { requireFolder } from '../report/results-files.js';
import { writeRunReport } from '../report/run-report.js';
import { examples } from './help.js';

interface ReportArgs {
  dir: string;
}

/** Writes the folder's report and returns its path. */
export async function reportCommand(a: ReportArgs): Promise<string> {
  requireFolder(a.dir);
  return isCompareFolder(a.dir) ? writeCompareReport(a.dir) : writeRunReport(a.dir);
}

const report: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: 'rebuild the HTML report of a results folder (report.html, or compare.html for a comparison)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'folder written by `gvc-sim run` or `gvc-sim compare`' })
      .example(
        examples([
          ['$0 report results/baseline', 'rewrite results/baseline/report.html'],
        ]),
      ) as unknown as Argv<ReportArgs>,
  handler: async (a) => console.log(`wrote ${await reportCommand(a)}`),
};
export default report;
