/**
 * `gvc-sim discover DIR --metric M --below X` (or `--above X`): scenario
 * discovery with PRIM on a finished sweep. Each successful run is a case;
 * PRIM finds the factor ranges where the runs with M below (above) X
 * concentrate. Prints the peeling trajectory and one box's limits with
 * quasi-p-values, and writes an HTML page with the coverage–density trade-off.
 */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_MIN_DENSITY, discover, type Direction } from '../analysis/discovery/discover.js';
import { discoveryJson, discoveryText } from '../analysis/discovery/format.js';
import { PRIM_DEFAULTS, PRIM_OBJECTIVES, type PrimObjective } from '../analysis/discovery/prim.js';
import { UserError } from '../errors.js';
import { examples } from './help.js';

interface DiscoverArgs {
  dir: string;
  metric: string;
  below?: number;
  above?: number;
  year?: number;
  box?: number;
  'min-density': number;
  'peel-alpha': number;
  'paste-alpha': number;
  'mass-min': number;
  objective: PrimObjective;
  out?: string;
  format: 'table' | 'json';
}

function builder(y: Argv): Argv<DiscoverArgs> {
  return y
    .positional('dir', { type: 'string', demandOption: true, describe: 'results folder of a finished sweep (gvc-sim sweep SPEC)' })
    .option('metric', { type: 'string', demandOption: true, describe: 'the output that defines a case of interest (one the sweep recorded)' })
    .option('below', { type: 'number', describe: 'a run is a case of interest when the metric is below this value' })
    .option('above', { type: 'number', describe: 'a run is a case of interest when the metric is above this value' })
    .option('year', { type: 'number', describe: 'judge the metric’s mean over this year (1 = the first) instead of the final year; needs it stored as a trajectory' })
    .option('box', { type: 'number', describe: 'show this box of the peeling trajectory (default: the first to reach --min-density)' })
    .option('min-density', { type: 'number', default: DEFAULT_MIN_DENSITY, describe: 'density (share of its runs that are cases of interest) the default box must reach' })
    .option('peel-alpha', { type: 'number', default: PRIM_DEFAULTS.peelAlpha, describe: 'share of the box’s runs peeled off per step' })
    .option('paste-alpha', { type: 'number', default: PRIM_DEFAULTS.pasteAlpha, describe: 'share of the runs beyond a limit pasted back per step' })
    .option('mass-min', { type: 'number', default: PRIM_DEFAULTS.massMin, describe: 'smallest share of all runs a box may hold' })
    .option('objective', { choices: PRIM_OBJECTIVES, default: PRIM_DEFAULTS.objective, describe: 'how peels are rated (EMA Workbench names; lenient1: density gain per run removed)' })
    .option('out', { type: 'string', describe: 'HTML page to write (default: DIR/discover-METRIC-below|above-VALUE.html)' })
    .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'terminal text or JSON' })
    .example(
      examples([
        ['$0 discover results/policy-levers --metric lockInShare --below 0.45', 'which lever ranges keep lock-in below 0.45?'],
        ['$0 discover results/policy-levers --metric lockInShare --below 0.45 --box 46', 'show another box of the trajectory'],
        ['$0 discover results/policy-levers --metric exporterShare --above 0.3 --format json', 'machine-readable'],
      ]),
    ) as unknown as Argv<DiscoverArgs>;
}

/** The direction and threshold from --below / --above: exactly one. */
function question(a: DiscoverArgs): { direction: Direction; threshold: number } {
  if ((a.below === undefined) === (a.above === undefined)) throw new UserError('give exactly one of --below VALUE or --above VALUE: the runs of interest have the metric below or above it');
  const [direction, threshold] = a.below !== undefined ? (['below', a.below] as const) : (['above', a.above!] as const);
  if (!Number.isFinite(threshold)) throw new UserError(`--${direction} needs a number`);
  return { direction, threshold };
}

export async function runDiscover(a: DiscoverArgs): Promise<string> {
  const q = question(a);
  if (a.year !== undefined && !Number.isFinite(a.year)) throw new UserError('--year needs a whole number');
  if (a.box !== undefined && !Number.isFinite(a.box)) throw new UserError('--box needs a whole number');
  // DuckDB loads only when a folder is read.
  const { readRunOutcomes } = await import('../experiment/sweep/run-outcomes.js');
  const runs = await readRunOutcomes(a.dir, a.metric, { year: a.year });
  if (runs.runIds.length === 0) throw new UserError(`${a.dir} holds no successful runs${runs.failed > 0 ? ` (${runs.failed} failed)` : ''}: there is nothing to analyse`);
  const d = discover(runs, { metric: a.metric, ...q }, {
    peelAlpha: a['peel-alpha'],
    pasteAlpha: a['paste-alpha'],
    massMin: a['mass-min'],
    objective: a.objective,
    minDensity: a['min-density'],
    box: a.box,
  });
  const where = { dir: a.dir, sweep: runs.sweep, source: runs.source, failed: runs.failed };
  const year = a.year !== undefined ? `-year${a.year}` : '';
  const file = a.out ?? join(a.dir, `discover-${a.metric}-${q.direction}-${q.threshold}${year}.html`);
  const { writeDiscoveryReport } = await import('../report/discovery-report.js');
  const report = await writeDiscoveryReport(file, d, where);
  if (a.format === 'json') return JSON.stringify(discoveryJson(d, { ...where, report }), null, 2);
  return `${discoveryText(d, where)}\n\nreport: ${report}`;
}

const discoverCommand: CommandModule<object, DiscoverArgs> = {
  command: 'discover <dir>',
  describe: 'scenario discovery (PRIM) on a sweep: which factor ranges lead to a metric below or above a threshold',
  builder,
  handler: async (a) => console.log(await runDiscover(a)),
};
export default discoverCommand;
