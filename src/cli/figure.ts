/** `gvc-sim figure DIR --metric M[,M2…]`: one chart of metrics over time, as SVG or PNG. */
import type { Argv, CommandModule } from 'yargs';
import { FIGURE_FORMATS, writeFigure } from '../report/figure.js';
import { examples } from './help.js';

interface FigureArgs {
  dir: string;
  metric: string[];
  format?: string;
  out?: string;
  title?: string;
}

/** Writes the figure and returns its path. */
export function figureCommand(a: FigureArgs): Promise<string> {
  return writeFigure({ dir: a.dir, metrics: a.metric, format: a.format, out: a.out, title: a.title });
}

const figure: CommandModule<object, FigureArgs> = {
  command: 'figure <dir>',
  describe: 'export one chart (metrics over time, CI band across seeds) from a results folder as SVG or PNG',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'folder written by `gvc-sim run` or `gvc-sim compare`' })
      .options({
        metric: { type: 'string', array: true, demandOption: true, describe: 'model.csv column(s), comma-separated or repeated; regions.<column> for one line per region' },
        format: { type: 'string', choices: FIGURE_FORMATS, describe: 'svg or png (default: from --out, else svg)' },
        out: { type: 'string', describe: 'file to write (default <dir>/figure-<metrics>.<format>)' },
        title: { type: 'string', describe: 'chart title (default: scenario and metric)' },
      })
      .example(
        examples([
          ['$0 figure results/baseline --metric lockInShare --format png', 'lock-in over time as PNG'],
          ['$0 figure results/baseline --metric smeValueShare,platformValueShare', 'two metrics in one chart'],
          ['$0 figure results/baseline --metric regions.exports --out exports.svg', 'one line per region'],
        ]),
      ) as unknown as Argv<FigureArgs>,
  handler: async (a) => console.log(`wrote ${await figureCommand(a)}`),
};
export default figure;
