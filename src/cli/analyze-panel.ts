import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { panelFromTable, readCsvTable } from '../analysis/panel/csv.js';
import { formatPanelFit, OUTPUT_FORMATS, type OutputFormat } from '../analysis/panel/format.js';
import { fitPanel } from '../analysis/panel/ols.js';
import { EFFECTS, type Effects } from '../analysis/panel/types.js';
import { examples } from './help.js';

export interface PanelArgs {
  data: string;
  y: string;
  x: string[];
  entity: string;
  time: string;
  effects: Effects;
  cluster?: string;
  format: OutputFormat;
}

/** `--x a,b --x c` → ['a', 'b', 'c']. */
function splitNames(value: string | string[]): string[] {
  return [value].flat().flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export function panelBuilder(y: Argv): Argv<PanelArgs> {
  return y
    .option('data', { type: 'string', demandOption: true, describe: 'CSV file with a header row and one row per entity-period observation' })
    .option('y', { type: 'string', demandOption: true, describe: 'dependent variable (column name)' })
    .option('x', { type: 'string', demandOption: true, coerce: splitNames, describe: 'regressors, comma-separated column names' })
    .option('entity', { type: 'string', demandOption: true, describe: 'column identifying the entity (firm, region, province)' })
    .option('time', { type: 'string', demandOption: true, describe: 'column identifying the period (year, tick)' })
    .option('effects', { choices: EFFECTS, default: 'entity' as Effects, describe: 'fixed effects: none (pooled OLS), entity, time or twoways' })
    .option('cluster', { type: 'string', describe: 'cluster-robust standard errors by this column (Stata small-sample correction, t with G-1 df)' })
    .option('format', { choices: OUTPUT_FORMATS, default: 'table' as OutputFormat, describe: 'output: table (terminal), json or csv' })
    .example(
      examples([
        ['$0 analyze panel --data grunfeld.csv --y inv --x value,capital --entity firm --time year', 'one-way (entity) fixed effects'],
        ['$0 analyze panel --data regions.csv --y Inus --x eci,finance --entity region --time year --effects twoways --cluster region --format json', 'two-way FE, errors clustered by region, JSON output'],
      ]),
    );
}

/** Checks the options that yargs cannot, reads the CSV, fits the model and returns the formatted output. */
export function panelCommand(args: PanelArgs): string {
  if (args.x.length === 0) throw new UserError('--x names no regressors', 'give column names separated by commas, e.g. --x value,capital');
  if (args.x.includes(args.y)) throw new UserError(`'${args.y}' is both the dependent variable (--y) and a regressor (--x)`);
  const duplicate = args.x.find((name, i) => args.x.indexOf(name) !== i);
  if (duplicate) throw new UserError(`regressor '${duplicate}' is listed twice in --x`);
  if (args.entity === args.time) throw new UserError(`--entity and --time both name column '${args.entity}'`);
  const table = readCsvTable(args.data);
  const { panel, cluster } = panelFromTable(table, args);
  const fit = fitPanel(panel, { y: args.y, x: args.x, effects: args.effects, ...(cluster ? { cluster } : {}) });
  return formatPanelFit(fit, args.format);
}

export async function panelHandler(args: PanelArgs): Promise<void> {
  process.stdout.write(`${panelCommand(args)}\n`);
}

/** `gvc-sim analyze panel`: pooled OLS or fixed-effects panel regression on a CSV file (mounted under `analyze`). */
export const analyzePanelCommand: CommandModule<object, PanelArgs> = {
  command: 'panel',
  describe: 'Panel regression (pooled OLS, entity/time/two-way fixed effects) with classical or cluster-robust errors',
  builder: panelBuilder,
  handler: panelHandler,
};

export default analyzePanelCommand;
