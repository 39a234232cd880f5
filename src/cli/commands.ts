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
