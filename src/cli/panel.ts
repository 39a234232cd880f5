import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { checkPanelStudy, runPanelStudy, type PanelStudy, type PanelStudyOptions } from '../analysis/panel/study.js';
import { formatStudy, panelCsv, STUDY_FORMATS, type StudyFormat } from '../analysis/panel/study-format.js';
import { writeFileAtomic } from '../output/atomic.js';
import { prepareOutputDir } from '../output/results-dir.js';
import { loadScenario } from '../scenario/index.js';
import { examples } from './help.js';

export const DEFAULT_PANEL_SCENARIO = 'scenarios/provinces-30.yaml';

export interface PanelStudyArgs {
  scenario?: string;
  seeds: number;
  'seed-base'?: number;
  firms?: number;
  format: StudyFormat;
  out?: string;
  force: boolean;
}

function builder(y: Argv): Argv<PanelStudyArgs> {
  return y
    .positional('scenario', { type: 'string', describe: `scenario YAML file (default ${DEFAULT_PANEL_SCENARIO})` })
    .options({
      seeds: { type: 'number', default: 5, describe: 'number of seeds; estimates are pooled across them' },
      'seed-base': { type: 'number', describe: 'first seed: seed-base, seed-base+1, … (default: the scenario’s seed)' },
      firms: { type: 'number', describe: 'override the firm population (fewer firms run faster)' },
      format: { choices: STUDY_FORMATS, default: 'table' as StudyFormat, describe: 'what to print: table (terminal), md or json' },
      out: { type: 'string', describe: 'output folder (default results/panel-<scenario name>, numbered if taken)' },
      force: { type: 'boolean', default: false, describe: 'write into a non-empty --out folder' },
    })
    .example(
      examples([
        ['$0 panel', 'the provinces-30 scenario, 5 seeds; tables printed, panel.csv and tables in results/panel-provinces-30/'],
        ['$0 panel scenarios/provinces-30.yaml --seeds 2 --firms 6000 --format md', 'a quicker, smaller study'],
      ]),
    ) as unknown as Argv<PanelStudyArgs>;
}

/** The files a study writes, each atomically (temporary name, then rename). */
export function writeStudyFiles(dir: string, study: PanelStudy): string[] {
  const files = { 'panel.csv': panelCsv(study), 'tables.md': `${formatStudy(study, 'md')}\n`, 'tables.json': `${formatStudy(study, 'json')}\n` };
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(dir, name), content);
  return Object.keys(files);
}

/** Loads the scenario, runs the study, writes its files and returns what to print. */
export async function panelStudyCommand(a: PanelStudyArgs, progress: (line: string) => void = () => {}): Promise<{ output: string; outDir: string; study: PanelStudy }> {
  if (a.firms !== undefined && (!Number.isInteger(a.firms) || a.firms < 1)) throw new UserError(`--firms must be a whole number ≥ 1, got ${a.firms}`);
  const overrides = a.firms !== undefined ? [`firms=${a.firms}`] : [];
  const { scenario } = await loadScenario(a.scenario ?? DEFAULT_PANEL_SCENARIO, { overrides });
  const opts: PanelStudyOptions = {
    seeds: a.seeds,
    seedBase: a['seed-base'],
    onSeed: (k, seed) => progress(`seed ${seed} done (${k + 1}/${a.seeds})`),
  };
  checkPanelStudy(scenario, opts);
  const outDir = prepareOutputDir({ name: `panel-${scenario.name}`, out: a.out, force: a.force });
  const study = runPanelStudy(scenario, opts);
  writeStudyFiles(outDir, study);
  return { output: formatStudy(study, a.format), outDir, study };
}

async function handler(a: PanelStudyArgs): Promise<void> {
  const { output, outDir, study } = await panelStudyCommand(a, (line) => console.error(line));
  console.log(output);
  console.error(`${study.seeds.length} seed(s) in ${study.wallSeconds.toFixed(1)} s; panel.csv, tables.md and tables.json in ${outDir}/`);
}

/** `gvc-sim panel [scenario]`: the paper's panel regressions on a simulated province panel. */
const panel: CommandModule<object, PanelStudyArgs> = {
  command: 'panel [scenario]',
  describe: 'simulate a province panel over several seeds and estimate the paper’s Tables 4, 6, 7 and 8 on it',
  builder,
  handler,
};
export default panel;
