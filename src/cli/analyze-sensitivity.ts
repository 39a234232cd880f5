import type { Argv, CommandModule } from 'yargs';
import { morrisIndices, sobolIndicesFromDesign, type Estimate, type MorrisIndices, type SobolIndices } from '../analysis/sensitivity/index.js';
import { UserError } from '../errors.js';
import {
  parseDesignCsv,
  parseOutputsCsv,
  readTextFile,
  RESERVED_COLUMNS,
  sweepResultsReader,
  type DesignTable,
  type OutputColumn,
} from '../experiment/designs/index.js';
import { formatTable, type Cell } from '../report/table.js';

export { registerSweepResultsReader, type SweepResultsReader } from '../experiment/designs/index.js';

type Method = 'sobol' | 'morris';

interface AnalyzeArgs {
  dir?: string;
  design?: string;
  outputs?: string;
  column?: string;
  metric?: string;
  bootstrap: number;
  seed: number;
  confidence: number;
  format: 'table' | 'json';
}

function builder(method: Method) {
  const what = method === 'sobol' ? 'Sobol indices' : 'Morris μ*';
  return (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'sweep results directory to read instead of --design/--outputs (needs --metric)' })
      .option('design', { type: 'string', describe: `${method} design CSV, as written by "gvc-sim design ${method}"` })
      .option('outputs', { type: 'string', describe: 'outputs CSV: one row per design row, one column per output' })
      .option('column', { type: 'string', describe: 'analyse only this column of the outputs CSV' })
      .option('metric', { type: 'string', describe: 'with DIR: the model reporter to analyse' })
      .option('bootstrap', { type: 'number', default: 1000, describe: `bootstrap resamples for the ${what} confidence intervals (0 = none)` })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the bootstrap resampling' })
      .option('confidence', { type: 'number', default: 0.95, describe: 'confidence level of the intervals' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'terminal table or JSON' })
      .example(`$0 analyze ${method} --design ${method}.csv --outputs outputs.csv`, 'every output column')
      .example(`$0 analyze ${method} --design ${method}.csv --outputs outputs.csv --column lockInShare --format json`, 'one output, as JSON')
      .example(`$0 analyze ${method} results/my-sweep --metric lockInShare`, 'a finished sweep');
}

/** Design and output columns from a sweep directory or from --design/--outputs CSVs. */
async function loadInputs(method: Method, a: AnalyzeArgs): Promise<{ design: DesignTable; outputs: OutputColumn[] }> {
  if (a.dir !== undefined) {
    if (a.design !== undefined || a.outputs !== undefined) throw new UserError('give either a results directory or --design and --outputs, not both');
    if (a.metric === undefined) throw new UserError('with a results directory, name the output to analyse with --metric');
    const { design, outputs } = await sweepResultsReader().readDesignAndOutputs(a.dir, a.metric);
    return { design, outputs: [{ name: a.metric, values: outputs }] };
  }
  if (a.design === undefined || a.outputs === undefined)
    throw new UserError('name the design and the outputs: --design FILE.csv --outputs FILE.csv', `or a sweep results directory: gvc-sim analyze ${method} DIR --metric NAME`);
  if (a.metric !== undefined) throw new UserError('--metric goes with a results directory; with an outputs CSV use --column');
  const design = parseDesignCsv(await readTextFile(a.design, 'design file'), a.design, method);
  const exclude = [...RESERVED_COLUMNS, ...design.names];
  const outputs = parseOutputsCsv(await readTextFile(a.outputs, 'outputs file'), a.outputs, { column: a.column, exclude });
  if (outputs[0]!.values.length !== design.rows.length)
    throw new UserError(`${a.design} has ${design.rows.length} runs but ${a.outputs} has ${outputs[0]!.values.length} rows`, 'the outputs need one row per design row, in the same order');
  return { design, outputs };
}

function checkVaries(o: OutputColumn): void {
  if (o.values.every((v) => v === o.values[0])) throw new UserError(`output "${o.name}" is constant (${o.values[0]}): its sensitivity indices are undefined`);
}

const num = (x: number): Cell => (Number.isFinite(x) ? x : null);
const ci = (e: Estimate): Cell[] => [num(e.value), num(e.low), num(e.high)];

function sobolText(name: string, names: string[], r: SobolIndices): string {
  const title = `Sobol indices of "${name}" (N = ${r.n}, D = ${r.d}, ${r.bootstrap} bootstrap resamples, ${r.confidence * 100}% intervals)`;
  const rows = names.map((p, i) => [p, ...ci(r.S1[i]!), ...ci(r.ST[i]!)]);
  return `${title}\n${formatTable(['parameter', 'S1', 'S1 low', 'S1 high', 'ST', 'ST low', 'ST high'], rows)}`;
}

function morrisText(name: string, names: string[], r: MorrisIndices): string {
  const title = `Morris screening of "${name}" (r = ${r.r} trajectories, D = ${r.d}, ${r.bootstrap} bootstrap resamples, ${r.confidence * 100}% intervals for μ*)`;
  const rows = names.map((p, i) => [p, num(r.mu[i]!), ...ci(r.muStar[i]!), num(r.sigma[i]!)]);
  return `${title}\n${formatTable(['parameter', 'mu', 'mu*', 'mu* low', 'mu* high', 'sigma'], rows)}`;
}

function sobolJson(name: string, names: string[], r: SobolIndices) {
  const { S1, ST, ...meta } = r;
  const parameters = names.map((p, i) => ({ name: p, S1: S1[i]!.value, S1Low: S1[i]!.low, S1High: S1[i]!.high, ST: ST[i]!.value, STLow: ST[i]!.low, STHigh: ST[i]!.high }));
  return { output: name, method: 'sobol', ...meta, parameters };
}

function morrisJson(name: string, names: string[], r: MorrisIndices) {
  const { mu, muStar, sigma, ...meta } = r;
  const parameters = names.map((p, i) => ({ name: p, mu: mu[i], muStar: muStar[i]!.value, muStarLow: muStar[i]!.low, muStarHigh: muStar[i]!.high, sigma: sigma[i] }));
  return { output: name, method: 'morris', ...meta, parameters };
}

/** Analyses every output column and prints a table per output, or one JSON array. */
async function run(method: Method, a: AnalyzeArgs): Promise<void> {
  const { design, outputs } = await loadInputs(method, a);
  const opts = { bootstrap: a.bootstrap, seed: a.seed, confidence: a.confidence };
  const results = outputs.map((o) => {
    checkVaries(o);
    if (method === 'sobol') {
      const r = sobolIndicesFromDesign(design, o.values, opts);
      return a.format === 'json' ? sobolJson(o.name, design.names, r) : sobolText(o.name, design.names, r);
    }
    const r = morrisIndices(design, o.values, opts);
    return a.format === 'json' ? morrisJson(o.name, design.names, r) : morrisText(o.name, design.names, r);
  });
  console.log(a.format === 'json' ? JSON.stringify(results, null, 2) : results.join('\n\n'));
}

function command(method: Method, describe: string): CommandModule<object, AnalyzeArgs> {
  return { command: `${method} [dir]`, describe, builder: builder(method), handler: (a) => run(method, a) };
}

/** `analyze sobol`: first-order (Saltelli 2010) and total (Jansen 1999) Sobol indices with bootstrap intervals. */
export const analyzeSobolCommand = command('sobol', 'Sobol first-order and total indices of outputs computed on a sobol design');

/** `analyze morris`: Morris μ, μ* (Campolongo 2007) and σ of outputs computed on a morris design. */
export const analyzeMorrisCommand = command('morris', 'Morris screening (μ, μ*, σ) of outputs computed on a morris design');
