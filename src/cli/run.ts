import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { checkFirmPanel } from '../experiment/firm-panel.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../experiment/parquet.js';
import { runScenario } from '../experiment/run.js';
import { summarize, SUMMARY_METRICS, type SummaryRow } from '../experiment/summary.js';
import { writeFileAtomic } from '../output/atomic.js';
import { prepareOutputDir } from '../output/results-dir.js';
import { formatTable } from '../report/table.js';
import { loadScenario } from '../scenario/index.js';
import { createLogger, logOptions } from './logging.js';
import { createProgress } from './progress.js';
import { examples } from './help.js';

interface RunArgs {
  scenario: string;
  seed?: number;
  seeds: number;
  ticks?: number;
  firms?: number;
  set: string[];
  out?: string;
  force: boolean;
  'agents-every': number;
  'firm-panel': boolean;
  format: OutputFormat;
  report: boolean;
  check: boolean;
  'log-level': string;
  'log-file'?: string;
}

function builder(y: Argv): Argv<RunArgs> {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
    .options({
      seed: { type: 'number', describe: 'first seed (default: the scenario’s seed)' },
      seeds: { type: 'number', default: 1, describe: 'number of seeds: seed, seed+1, …' },
      ticks: { type: 'number', describe: 'override the run length in ticks' },
      firms: { type: 'number', describe: 'override the firm population' },
      set: { type: 'string', array: true, default: [], describe: 'override a parameter: --set platform.commission=0.15 (repeatable)' },
      out: { type: 'string', describe: 'output folder (default results/<scenario name>, numbered if taken)' },
      force: { type: 'boolean', default: false, describe: 'write into a non-empty --out folder' },
      'agents-every': { type: 'number', default: 0, describe: 'write agents.csv snapshots every K ticks (0: none)' },
      'firm-panel': { type: 'boolean', default: false, describe: 'write firm-years.parquet and firm-markets.parquet: every firm\'s year and its sales by market (whole years only)' },
      format: { choices: OUTPUT_FORMATS, default: 'csv' as const, describe: 'parquet: also write each CSV as Parquet beside it, for pandas, polars and R (docs/interop.md)' },
      report: { type: 'boolean', default: true, describe: 'write report.html (disable with --no-report)' },
      check: { type: 'boolean', default: false, describe: 'check model invariants every phase (slower)' },
      ...logOptions,
    })
    .example(
      examples([
        ['$0 run scenarios/baseline.yaml', 'run the baseline once; results in results/baseline/'],
        ['$0 run scenarios/lock-in.yaml --seeds 10 --set platform.commission=0.2', 'ten seeds of a what-if'],
        ['$0 run scenarios/baseline.yaml --format parquet', 'model.parquet, regions.parquet and markets.parquet beside the CSVs'],
        ['$0 run scenarios/baseline.yaml --seeds 5 --firm-panel', 'also a firm × year panel as Parquet, for trade facts (docs/metrics.md)'],
      ]),
    ) as unknown as Argv<RunArgs>;
}

function checkCounts(a: RunArgs): void {
  for (const [name, v, min] of [['seeds', a.seeds, 1], ['agents-every', a['agents-every'], 0]] as const) {
    if (!Number.isInteger(v) || v < min) throw new UserError(`--${name} must be a whole number ≥ ${min}, got ${v}`);
  }
}

function printSummary(rows: SummaryRow[], seeds: number): void {
  const shown = rows.filter((r) => (SUMMARY_METRICS as readonly string[]).includes(r.metric));
  const header = seeds > 1 ? ['metric (final-year mean)', 'mean', '95% CI low', '95% CI high'] : ['metric (final-year mean)', 'value'];
  const body = shown.map((r) => (seeds > 1 ? [r.metric, r.mean, r.lo ?? null, r.hi ?? null] : [r.metric, r.mean]));
  console.log(formatTable(header, body));
}

async function handler(a: RunArgs): Promise<void> {
  checkCounts(a);
  const log = createLogger({ logLevel: a['log-level'], logFile: a['log-file'] });
  const overrides = [...a.set, ...(a.ticks !== undefined ? [`ticks=${a.ticks}`] : []), ...(a.firms !== undefined ? [`firms=${a.firms}`] : [])];
  const loaded = await loadScenario(a.scenario, { overrides });
  const s = loaded.scenario;
  if (a['firm-panel']) checkFirmPanel(s);
  const first = a.seed ?? s.seed;
  const seeds = Array.from({ length: a.seeds }, (_, k) => first + k);
  const outDir = prepareOutputDir({ name: s.name, out: a.out, force: a.force });
  log.info({ scenario: s.name, seeds, outDir }, 'run started');
  const progress = createProgress(`${s.name}`, process.stderr.isTTY === true && a.seeds > 1);
  let stop = false;
  const onSigint = () => {
    stop = true;
  };
  process.once('SIGINT', onSigint);
  const result = await runScenario({
    scenario: s,
    seeds,
    outDir,
    agentsEvery: a['agents-every'],
    firmPanel: a['firm-panel'],
    format: a.format,
    scenarioFiles: loaded.files,
    overrides,
    command: process.argv.slice(2).join(' '),
    onProgress: (done, total) => progress.update(done, total),
    shouldStop: () => stop,
  });
  process.off('SIGINT', onSigint);
  progress.stop();
  if (result.interrupted) {
    console.error(`interrupted: finished seeds are in ${outDir}; the unfinished files end in .partial`);
    process.exit(130);
  }
  const summary = summarize(result.finalYear);
  writeFileAtomic(`${outDir}/summary.json`, JSON.stringify(summary, null, 2));
  if (a.report) {
    // Loaded only when needed: the chart libraries take a while to load.
    const { writeRunReport } = await import('../report/run-report.js');
    await writeRunReport(outDir);
  }
  log.info({ wallSeconds: result.wallSeconds }, 'run finished');
  console.log(`${s.name}: ${seeds.length} seed(s) × ${s.ticks} ticks × ${s.firms} firms in ${result.wallSeconds.toFixed(2)} s → ${outDir}/`);
  printSummary(summary, seeds.length);
}

const run: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'run a scenario over one or more seeds; write CSVs, a manifest and a report under results/',
  builder,
  handler,
};
export default run;
