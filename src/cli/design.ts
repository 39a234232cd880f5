import { writeFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { designToCsv, makeDesign, parseParamsYaml, readTextFile, type DesignMethod } from '../experiment/designs/index.js';
import { examples } from './help.js';

const METHODS = ['grid', 'lhs', 'sobol', 'morris'] as const;

interface DesignArgs {
  method: DesignMethod;
  params: string;
  n: number;
  seed: number;
  levels?: number;
  out?: string;
}

function builder(y: Argv): Argv<DesignArgs> {
  return y
    .positional('method', { choices: METHODS, demandOption: true, describe: 'grid (full factorial), lhs (Latin hypercube), sobol (Saltelli 2010) or morris (elementary effects)' })
    .option('params', { type: 'string', demandOption: true, describe: 'YAML list of parameters: name, min, max, optional log, integer, levels' })
    .option('n', { type: 'number', demandOption: true, describe: 'grid: levels per parameter; lhs: points; sobol: base samples N (N·(D+2) runs); morris: trajectories r' })
    .option('seed', { type: 'number', default: 1, describe: 'random seed for lhs and morris (same seed, same design)' })
    .option('levels', { type: 'number', describe: 'morris only: number of grid levels p, even (default 4)' })
    .option('out', { type: 'string', describe: 'write the CSV to this file instead of standard output' })
    .example(
      examples([
        ['$0 design lhs --params params.yaml --n 200 --seed 7 --out lhs.csv', '200-point Latin hypercube'],
        ['$0 design sobol --params params.yaml --n 1024 --out sobol.csv', 'Saltelli design: 1024·(D+2) runs'],
        ['$0 design morris --params params.yaml --n 20 --levels 6', 'Morris design of 20 trajectories on stdout'],
      ]),
    );
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (err) {
    throw new UserError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

async function handler(a: DesignArgs): Promise<void> {
  if (!Number.isInteger(a.n) || a.n < 1) throw new UserError(`--n must be a positive integer (got ${a.n})`);
  if (!Number.isFinite(a.seed)) throw new UserError(`--seed must be a number (got ${a.seed})`);
  if (a.levels !== undefined && a.method !== 'morris') throw new UserError('--levels applies to morris designs only', 'for a grid, --n sets the levels per parameter');
  const params = parseParamsYaml(await readTextFile(a.params, 'parameters file'), a.params);
  const design = makeDesign(a.method, params, { n: a.n, seed: a.seed, levels: a.levels });
  if (a.method === 'sobol' && !Number.isInteger(Math.log2(a.n))) console.error(`note: N = ${a.n} is not a power of two; Sobol points are best balanced for N = 2^k`);
  const csv = designToCsv(design);
  if (a.out === undefined) return void process.stdout.write(csv);
  await writeOut(a.out, csv);
  console.error(`wrote ${a.method} design: ${design.rows.length} runs × ${design.names.length} parameters to ${a.out}`);
}

/** `gvc-sim design grid|lhs|sobol|morris`: writes a sampling design as CSV (see src/experiment/designs/csv.ts for the columns). */
export const designCommand: CommandModule<object, DesignArgs> = {
  command: 'design <method>',
  describe: 'Write a sampling design (grid, Latin hypercube, Saltelli/Sobol, Morris) as CSV',
  builder,
  handler,
};

export default designCommand;
