/** `gvc-sim compare A.yaml B.yaml`: both scenarios on the same seeds; B − A per metric with paired CIs, and compare.html. */
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { compareScenarios, sideLabel, type CompareSide, type Comparison } from '../experiment/compare.js';
import { SUMMARY_METRICS } from '../experiment/summary.js';
import { prepareOutputDir } from '../output/results-dir.js';
import { compareHeader, formatDifferences, noDifference } from '../report/compare-table.js';
import { loadScenario } from '../scenario/index.js';
import { createProgress } from './progress.js';
import { examples } from './help.js';

const FORMATS = ['table', 'md', 'json'] as const;

export interface CompareArgs {
  a: string;
  b: string;
  seeds: number;
  seed?: number;
  ticks?: number;
  firms?: number;
  set: string[];
  'set-a': string[];
  'set-b': string[];
  out?: string;
  force: boolean;
  format: (typeof FORMATS)[number];
  report: boolean;
}

export interface CompareOutcome {
  outDir: string;
  comparison: Comparison;
  /** What the command prints to stdout, in the chosen format. */
  text: string;
}

async function loadSide(file: string, common: string[], own: string[]): Promise<{ side: CompareSide; label: string }> {
  const overrides = [...common, ...own];
  const loaded = await loadScenario(file, { overrides });
  const side = { scenario: loaded.scenario, files: loaded.files, overrides };
  return { side, label: sideLabel(side, own) };
}

function commonOverrides(a: CompareArgs): string[] {
  return [...a.set, ...(a.ticks !== undefined ? [`ticks=${a.ticks}`] : []), ...(a.firms !== undefined ? [`firms=${a.firms}`] : [])];
}

/** Final years are compared tick for tick, so both runs must have the same length and year. */
function checkSameClock(a: CompareSide, b: CompareSide): void {
  const clock = (s: CompareSide['scenario']) => `${s.ticks} ticks of ${s.ticksPerYear} per year`;
  if (clock(a.scenario) !== clock(b.scenario)) {
    throw new UserError(`A runs ${clock(a.scenario)} but B runs ${clock(b.scenario)}`, 'compare runs of the same length: pass --ticks N (and ticksPerYear via --set) for both');
  }
}

/**
 * The printed result: the key national metrics, then every region and market
 * metric that differs between A and B, as a table (or Markdown); or the whole
 * comparison as JSON.
 */
export function render(c: Comparison, format: CompareArgs['format']): string {
  if (format === 'json') return JSON.stringify(c, null, 2);
  const keys = new Set<string>(['exportValue', ...SUMMARY_METRICS]);
  const national = c.metrics.filter((r) => (!r.level || r.level === 'model') && keys.has(r.metric));
  const units = c.metrics.filter((r) => r.level === 'region' || r.level === 'market');
  const shown = units.filter((r) => !noDifference(r));
  const omitted = units.length - shown.length;
  const note = omitted ? `\n${omitted} region and market row(s) where A and B agree on every seed are left out; differences.csv has every row.` : '';
  return `${compareHeader(c)}\n\n${formatDifferences([...national, ...shown], c.seeds.length, format)}${note}`;
}

/** Runs the comparison, writes its folder (and compare.html unless --no-report); never exits the process. */
export async function compareCommand(a: CompareArgs, hooks: { onProgress?: (done: number, total: number) => void; shouldStop?: () => boolean } = {}): Promise<CompareOutcome> {
  if (!Number.isInteger(a.seeds) || a.seeds < 1) throw new UserError(`--seeds must be a whole number ≥ 1, got ${a.seeds}`);
  const common = commonOverrides(a);
  const A = await loadSide(a.a, common, a['set-a']);
  const B = await loadSide(a.b, common, a['set-b']);
  checkSameClock(A.side, B.side);
  const first = a.seed ?? A.side.scenario.seed;
  const seeds = Array.from({ length: a.seeds }, (_, k) => first + k);
  const outDir = prepareOutputDir({ name: `compare-${A.side.scenario.name}-vs-${B.side.scenario.name}`, out: a.out, force: a.force });
  const command = process.argv.slice(2).join(' ');
  const comparison = await compareScenarios({ a: A.side, b: B.side, seeds, outDir, command, ...hooks }, [A.label, B.label], common);
  if (comparison.status === 'complete' && a.report) {
    // Loaded only when needed: the chart libraries take a while to load.
    const { writeCompareReport } = await import('../report/compare-report.js');
    await writeCompareReport(outDir);
  }
  return { outDir, comparison, text: render(comparison, a.format) };
}

async function handler(a: CompareArgs): Promise<void> {
  const progress = createProgress('compare', process.stderr.isTTY === true);
  let stop = false;
  const onSigint = () => {
    stop = true;
  };
  process.once('SIGINT', onSigint);
  const { outDir, comparison: c, text } = await compareCommand(a, { onProgress: (d, t) => progress.update(d, t), shouldStop: () => stop });
  process.off('SIGINT', onSigint);
  progress.stop();
  if (c.status !== 'complete') {
    console.error(`interrupted: the runs so far are in ${outDir}; nothing was compared`);
    process.exit(130);
  }
  const done = `compared ${c.a.label} (A) with ${c.b.label} (B) on ${c.seeds.length} seed(s) in ${c.wallSeconds.toFixed(1)} s → ${outDir}/`;
  if (a.format === 'json') console.error(done);
  else console.log(`${done}\n`);
  console.log(text);
}

const compare: CommandModule<object, CompareArgs> = {
  command: 'compare <a> <b>',
  describe: 'run two scenarios on the same seeds; final-year differences B − A with paired 95% CIs, and compare.html',
  builder: (y: Argv) =>
    y
      .positional('a', { type: 'string', demandOption: true, describe: 'scenario A (the reference), YAML' })
      .positional('b', { type: 'string', demandOption: true, describe: 'scenario B (the variant), YAML' })
      .options({
        seeds: { type: 'number', default: 5, describe: 'number of seeds, the same for A and B: seed, seed+1, …' },
        seed: { type: 'number', describe: 'first seed (default: scenario A’s seed)' },
        ticks: { type: 'number', describe: 'override the run length of both' },
        firms: { type: 'number', describe: 'override the firm population of both' },
        set: { type: 'string', array: true, default: [], describe: 'override a parameter in both: --set k=v (repeatable)' },
        'set-a': { type: 'string', array: true, default: [], describe: 'override a parameter in A only (repeatable)' },
        'set-b': { type: 'string', array: true, default: [], describe: 'override a parameter in B only (repeatable)' },
        out: { type: 'string', describe: 'output folder (default results/compare-<a>-vs-<b>, numbered if taken)' },
        force: { type: 'boolean', default: false, describe: 'write into a non-empty --out folder' },
        format: { type: 'string', choices: FORMATS, default: 'table', describe: 'printed result: aligned table, Markdown or JSON' },
        report: { type: 'boolean', default: true, describe: 'write compare.html (disable with --no-report)' },
      })
      .example(
        examples([
          ['$0 compare scenarios/baseline.yaml scenarios/no-platform.yaml', 'the platform’s effect, 5 seeds'],
          ['$0 compare scenarios/baseline.yaml scenarios/baseline.yaml --set-b platform.commission=0.05', 'a what-if without a new file'],
        ]),
      ) as unknown as Argv<CompareArgs>,
  handler,
};
export default compare;
