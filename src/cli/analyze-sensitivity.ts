import type { Argv, CommandModule } from 'yargs';
import {
  DEFAULT_TOLERANCE,
  morrisIndices,
  morrisNoise,
  sobolIndicesFromDesign,
  sobolNoise,
  type Estimate,
  type MorrisIndices,
  type NoiseReport,
  type SobolIndices,
} from '../analysis/sensitivity/index.js';
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
import { formatNumber, formatTable, type Cell } from '../report/table.js';
import { examples } from './help.js';

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
  tolerance: number;
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
      .option('tolerance', {
        type: 'number',
        default: DEFAULT_TOLERANCE,
        describe: method === 'sobol' ? 'flag indices whose interval is wider than this (or that fall outside [0, 1])' : 'flag μ* whose interval is wider than this share of the largest μ*',
      })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'terminal table or JSON' })
      .example(
        examples([
          [`$0 analyze ${method} --design ${method}.csv --outputs outputs.csv`, 'every output column'],
          [`$0 analyze ${method} --design ${method}.csv --outputs outputs.csv --column lockInShare --format json`, 'one output, as JSON'],
          [`$0 analyze ${method} results/my-sweep --metric lockInShare`, 'a finished sweep'],
        ]),
      );
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

/** Noisy indices named in the warning; the table marks them all. */
const SHOWN = 6;

/** Marks a row with an index that is noise at this sample size. */
const NOISE_MARK = '!';

const noisyMark = (noise: NoiseReport, parameter: string) => (noise.noisy.some((x) => x.parameter === parameter) ? NOISE_MARK : '');

const fmt = (x: number) => formatNumber(x, 4);

/**
 * The warning under a table with noisy indices: which, why, and about how
 * many more samples would narrow the widest interval to the tolerance.
 */
export function noiseText(method: Method, noise: NoiseReport, d: number): string {
  if (noise.noisy.length === 0) return '';
  const each = noise.noisy.map((x) => {
    const why = [x.outside ? 'outside [0, 1]' : '', x.wide ? `interval ${fmt(x.width)} wide` : ''].filter((w) => w).join(', ');
    return `${x.index} of ${x.parameter} = ${fmt(x.value)} (${why})`;
  });
  const total = method === 'sobol' ? 2 * d : d;
  const unit = method === 'sobol' ? 'base samples N' : 'trajectories r';
  const runs = (n: number) => (method === 'sobol' ? n * (d + 2) : n * (d + 1));
  const more = noise.samplesNeeded
    ? ` Intervals narrow about as 1/√${method === 'sobol' ? 'N' : 'r'}: about ${noise.samplesNeeded} ${unit} (${runs(noise.samplesNeeded)} runs; now ${noise.samples}, ${runs(noise.samples)} runs) would bring the widest within the tolerance.`
    : ' More samples (or replications per point) would bring the estimates into [0, 1].';
  const tol = method === 'sobol' ? `${fmt(noise.tolerance)} (--tolerance)` : `${fmt(noise.tolerance)} (--tolerance × the largest μ*)`;
  return [
    `warning: ${noise.noisy.length} of ${total} indices are noise at this sample size (${NOISE_MARK} in the table): their interval is wider than ${tol}${method === 'sobol' ? ' or the estimate lies outside [0, 1]' : ''}; do not rank parameters by them.`,
    `  ${each.slice(0, SHOWN).join('; ')}${each.length > SHOWN ? `; and ${each.length - SHOWN} more (--format json lists them all)` : ''}.`,
    ` ${more}`,
  ].join('\n');
}

function sobolText(name: string, names: string[], r: SobolIndices, noise: NoiseReport): string {
  const title = `Sobol indices of "${name}" (N = ${r.n}, D = ${r.d}, ${r.bootstrap} bootstrap resamples, ${r.confidence * 100}% intervals)`;
  const rows = names.map((p, i) => [p, ...ci(r.S1[i]!), ...ci(r.ST[i]!), noisyMark(noise, p)]);
  const warning = noiseText('sobol', noise, r.d);
  return `${title}\n${formatTable(['parameter', 'S1', 'S1 low', 'S1 high', 'ST', 'ST low', 'ST high', ''], rows)}${warning ? `\n\n${warning}` : ''}`;
}

function morrisText(name: string, names: string[], r: MorrisIndices, noise: NoiseReport): string {
  const title = `Morris screening of "${name}" (r = ${r.r} trajectories, D = ${r.d}, ${r.bootstrap} bootstrap resamples, ${r.confidence * 100}% intervals for μ*)`;
  const rows = names.map((p, i) => [p, num(r.mu[i]!), ...ci(r.muStar[i]!), num(r.sigma[i]!), noisyMark(noise, p)]);
  const warning = noiseText('morris', noise, r.d);
  return `${title}\n${formatTable(['parameter', 'mu', 'mu*', 'mu* low', 'mu* high', 'sigma', ''], rows)}${warning ? `\n\n${warning}` : ''}`;
}

function sobolJson(name: string, names: string[], r: SobolIndices, noise: NoiseReport) {
  const { S1, ST, ...meta } = r;
  const parameters = names.map((p, i) => ({ name: p, S1: S1[i]!.value, S1Low: S1[i]!.low, S1High: S1[i]!.high, ST: ST[i]!.value, STLow: ST[i]!.low, STHigh: ST[i]!.high }));
  return { output: name, method: 'sobol', ...meta, parameters, noise };
}

function morrisJson(name: string, names: string[], r: MorrisIndices, noise: NoiseReport) {
  const { mu, muStar, sigma, ...meta } = r;
  const parameters = names.map((p, i) => ({ name: p, mu: mu[i], muStar: muStar[i]!.value, muStarLow: muStar[i]!.low, muStarHigh: muStar[i]!.high, sigma: sigma[i] }));
  return { output: name, method: 'morris', ...meta, parameters, noise };
}

/** Analyses every output column and prints a table per output, or one JSON array. */
async function run(method: Method, a: AnalyzeArgs): Promise<void> {
  const { design, outputs } = await loadInputs(method, a);
  const opts = { bootstrap: a.bootstrap, seed: a.seed, confidence: a.confidence };
  const tolerance = a.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0)) throw new UserError(`--tolerance must be a number above 0, got ${a.tolerance}`);
  const results = outputs.map((o) => {
    checkVaries(o);
    if (method === 'sobol') {
      const r = sobolIndicesFromDesign(design, o.values, opts);
      const noise = sobolNoise(design.names, r, tolerance);
      return a.format === 'json' ? sobolJson(o.name, design.names, r, noise) : sobolText(o.name, design.names, r, noise);
    }
    const r = morrisIndices(design, o.values, opts);
    const noise = morrisNoise(design.names, r, tolerance);
    return a.format === 'json' ? morrisJson(o.name, design.names, r, noise) : morrisText(o.name, design.names, r, noise);
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
