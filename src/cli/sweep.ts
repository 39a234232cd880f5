/**
 * `gvc-sim sweep SPEC`: runs a sweep spec on a worker pool into a resumable
 * DuckDB results folder. Parses options, wires progress, logs and Ctrl-C, and
 * leaves the work to src/experiment/sweep.
 */
import { availableParallelism } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { handleInterrupts, signalExitCode } from '../experiment/sweep/interrupts.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../experiment/parquet.js';
import { exportSweep, formatShard, loadSweepSpec, resolveShard, runSweep, sweepOutDir, sweepSummary, type Shard, type SweepPlan, type SweepResult } from '../experiment/sweep/index.js';
import { formatTable } from '../report/table.js';
import { createLogger, logOptions } from './logging.js';
import { createProgress } from './progress.js';
import { examples } from './help.js';

interface SweepArgs {
  spec: string;
  workers?: number;
  shard?: string;
  resume: boolean;
  out?: string;
  format?: OutputFormat;
  'log-level'?: string;
  'log-file'?: string;
}

function builder(y: Argv): Argv<SweepArgs> {
  return y
    .positional('spec', { type: 'string', demandOption: true, describe: 'sweep spec YAML (see docs/experiments.md)' })
    .options({
      workers: { type: 'number', describe: `worker threads (default: available cores, here ${availableParallelism()})` },
      shard: { type: 'string', describe: 'run slice I of N (1-based), e.g. 2/8; default: from a Slurm array or Kubernetes Indexed Job, else all' },
      resume: { type: 'boolean', default: false, describe: 'continue the sweep in the output folder, running only unrecorded runs' },
      out: { type: 'string', describe: 'output folder (default results/<spec name>; shards write to shard-I-of-N inside it)' },
      format: { choices: OUTPUT_FORMATS, describe: 'also write every table of the results database as files of this format when the sweep completes (parquet: for pandas, polars and R, docs/interop.md)' },
      ...logOptions,
      'log-level': { ...logOptions['log-level'], default: undefined, describe: 'how much to log (default: warn under a progress bar, else info: progress every 5%)' },
    })
    .example(
      examples([
        ['$0 sweep scenarios/sweeps/fee-finance-lockin.yaml', 'run a sweep on every core'],
        ['$0 sweep spec.yaml --format parquet', 'and design.parquet, runs.parquet, outputs.parquet … beside results.duckdb'],
        ['$0 sweep spec.yaml --resume', 'continue after an interruption'],
        ['$0 sweep spec.yaml --shard 3/8 --out results/big', 'one of eight cluster shards'],
      ]),
    ) as unknown as Argv<SweepArgs>;
}

function workerCount(a: SweepArgs): number {
  const n = a.workers ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--workers must be a whole number ≥ 1, got ${n}`);
  return n;
}

/** The command that continues an interrupted sweep. */
function resumeCommand(a: SweepArgs, shard: Shard): string {
  return ['gvc-sim sweep', a.spec, '--resume', ...(a.out ? ['--out', a.out] : []), ...(shard.count > 1 ? ['--shard', formatShard(shard)] : [])].join(' ');
}

async function printSummary(plan: SweepPlan, r: SweepResult, workers: number, exported: boolean): Promise<void> {
  const resumed = r.skipped > 0 ? ` (${r.skipped} already recorded)` : '';
  console.log(`${plan.name}: ${r.ran} runs recorded${resumed}, ${r.ran - r.failed} ok, ${r.failed} failed, in ${(r.wallMs / 1000).toFixed(1)} s with ${workers} worker${workers === 1 ? '' : 's'} → ${r.dbFile}`);
  const s = await sweepSummary(r.outDir);
  console.log(`\n${s.title}\n${formatTable(s.header, s.rows)}\n`);
  const metric = plan.outputs.find((o) => o.reduction !== 'trajectory')?.metric ?? 'METRIC';
  const method = plan.design.method;
  if (method === 'sobol' || method === 'morris') console.log(`next: gvc-sim analyze ${method} ${r.outDir} --metric ${metric}`);
  if (!exported) console.log(`export the tables: gvc-sim export ${r.outDir} --format parquet`);
}

async function handler(a: SweepArgs): Promise<void> {
  const workers = workerCount(a);
  const plan = await loadSweepSpec(a.spec);
  const shard = resolveShard(a.shard);
  const outDir = sweepOutDir(plan, a.out, shard);
  // On a terminal the progress bar shows progress; elsewhere (cluster jobs, pipes) the log does.
  const bar = process.stderr.isTTY === true;
  const log = createLogger({ logLevel: a['log-level'] ?? (bar && !a['log-file'] ? 'warn' : 'info'), logFile: a['log-file'] });
  const progress = createProgress(plan.name, bar);
  const interrupts = handleInterrupts((step, signal) =>
    console.error(step === 'stop' ? `\n${signal}: stopping; waiting for the runs under way (press Ctrl-C again to abandon them)` : `\n${signal}: abandoning the runs under way`),
  );
  let every = 1;
  const result = await runSweep({
    plan, outDir, workers, shard, resume: a.resume, stop: interrupts.stop, abandon: interrupts.abandon,
    onStart: (e) => {
      every = Math.max(1, Math.round(e.total / 20));
      log.info({ spec: a.spec, outDir, shard: formatShard(shard), workers, ...e }, 'sweep started');
    },
    onRun: ({ record, done, total, failed }) => {
      progress.update(done, total);
      const { id, point, replication, seed } = record.run;
      log.debug({ run: id, point, replication, seed, status: record.status, wallMs: Math.round(record.wallMs) }, 'run recorded');
      if (record.status === 'failed') log.warn({ run: id, point, error: record.error }, 'run failed');
      if (!bar && (done % every === 0 || done === total)) log.info({ done, total, failed }, 'progress');
    },
  }).finally(() => {
    progress.stop();
    interrupts.dispose();
  });
  log.info({ ran: result.ran, failed: result.failed, wallMs: Math.round(result.wallMs), interrupted: result.interrupted }, 'sweep finished');
  const signal = interrupts.received();
  if (result.interrupted) {
    console.error(`interrupted: ${result.skipped + result.ran} of ${result.total} runs are recorded in ${result.dbFile}`);
    console.error(`resume with: ${resumeCommand(a, shard)}`);
    process.exit(signal ? signalExitCode(signal) : 1);
  }
  if (result.failed > 0) console.error(`warning: ${result.failed} runs failed (their errors are in the runs table); first errors:\n  ${result.errors.join('\n  ')}`);
  const files = a.format ? await exportSweep(result.outDir, a.format) : [];
  await printSummary(plan, result, workers, files.length > 0);
  for (const f of files) console.log(f);
}

const sweep: CommandModule<object, SweepArgs> = {
  command: 'sweep <spec>',
  describe: 'run a sweep spec (design × replications) on a worker pool into a resumable DuckDB results folder',
  builder,
  handler,
};
export default sweep;
