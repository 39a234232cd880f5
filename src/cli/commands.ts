/**
 * Every CLI command, one file each under src/cli/. Only the command being run
 * is loaded (the model and chart libraries take time to load); the rest are
 * listed by name and description for `gvc-sim --help`.
 */
import type { CommandModule } from 'yargs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandModule<any, any>;

export interface CommandEntry {
  /** As yargs shows it: name and positionals. */
  usage: string;
  describe: string;
  load: () => Promise<AnyCommand>;
}

const load = (m: Promise<{ default: AnyCommand }>) => m.then((x) => x.default);

export const COMMANDS: Record<string, CommandEntry> = {
  run: {
    usage: 'run <scenario>',
    describe: 'run a scenario over one or more seeds; write CSVs, a manifest and a report under results/',
    load: () => load(import('./run.js')),
  },
  validate: {
    usage: 'validate <files..>',
    describe: 'check scenario files and report every problem with its file, line and column',
    load: () => load(import('./validate.js')),
  },
  claims: {
    usage: 'claims',
    describe: 'run the claim catalog: judge each claim of the source papers on paired seeds',
    load: () => load(import('./claims.js')),
  },
  margins: {
    usage: 'margins [scenario]',
    describe: 'measure a scenario’s trade margins on its firm-years (destinations, export intensity, entry by market size) against the calibration targets',
    load: () => load(import('./margins.js')),
  },
  compare: {
    usage: 'compare <a> <b>',
    describe: 'run two scenarios on the same seeds; final-year differences B − A with paired 95% CIs, and compare.html',
    load: () => load(import('./compare.js')),
  },
  report: {
    usage: 'report <dir>',
    describe: 'rebuild the HTML report of a results folder (report.html, or compare.html for a comparison)',
    load: () => load(import('./report.js')),
  },
  figure: {
    usage: 'figure <dir>',
    describe: 'export one chart (metrics over time, CI band across seeds) from a results folder as SVG or PNG',
    load: () => load(import('./figure.js')),
  },
  sweep: {
    usage: 'sweep <spec>',
    describe: 'run a sweep spec (design × replications) on a worker pool into a resumable DuckDB results folder',
    load: () => load(import('./sweep.js')),
  },
  merge: {
    usage: 'merge <dirs..>',
    describe: 'merge the results folders of a sharded sweep into one database',
    load: () => load(import('./merge.js')),
  },
  export: {
    usage: 'export <dir>',
    describe: 'write every table of a sweep results database as Parquet or CSV files',
    load: () => load(import('./export.js')),
  },
  panel: {
    usage: 'panel [scenario]',
    describe: 'simulate a province panel over several seeds and estimate the empirical paper’s Tables 4, 6, 7 and 8 on it',
    load: () => load(import('./panel.js')),
  },
  analyze: {
    usage: 'analyze <analysis>',
    describe: 'panel regressions, Sobol indices or Morris screening on CSV files or a sweep folder',
    load: () => load(import('./analyze.js')),
  },
  discover: {
    usage: 'discover <dir>',
    describe: 'scenario discovery (PRIM) on a sweep: which factor ranges lead to a metric below or above a threshold',
    load: () => load(import('./discover.js')),
  },
  design: {
    usage: 'design <method>',
    describe: 'write an experimental design (grid, lhs, sobol, morris) over parameter ranges as CSV',
    load: () => load(import('./design.js')),
  },
  demo: {
    usage: 'demo',
    describe: 'build and serve the classroom demo (sliders, presets, live charts) on 127.0.0.1',
    load: () => load(import('./demo.js')),
  },
  params: {
    usage: 'params',
    describe: 'print the parameter reference (defaults, ranges, units) as Markdown or JSON',
    load: () => load(import('./params.js')),
  },
};

/** The entry for a command name, if there is one. */
export function findCommand(name: string | undefined): CommandEntry | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
