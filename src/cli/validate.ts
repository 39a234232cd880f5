/** `gvc-sim validate FILE...`: checks scenario files without running them. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UserError, USER_ERROR_EXIT_CODE } from '../errors.js';
import { loadScenario } from '../scenario/load.js';
import { examples } from './help.js';

interface Args {
  files: string[];
  set: string[];
}

/** Checks every file (all problems of each, not just the first); exit code 2 when any has one. */
async function handler(args: ArgumentsCamelCase<Args>): Promise<void> {
  let failed = false;
  const hintsShown = new Set<string>();
  for (const file of args.files) {
    try {
      const { scenario: s } = await loadScenario(file, { overrides: args.set });
      console.log(`ok: ${file} (${s.name}, ${s.ticks} ticks, ${s.firms} firms)`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      failed = true;
      console.error(`error: ${err.message}`);
      if (err.hint && !hintsShown.has(err.hint)) {
        console.error(`hint: ${err.hint}`);
        hintsShown.add(err.hint);
      }
    }
  }
  if (failed) process.exitCode = USER_ERROR_EXIT_CODE;
}

const command: CommandModule<object, Args> = {
  command: 'validate <files..>',
  describe: 'Check scenario files: every problem with its file, line and column',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'scenario YAML files to check' })
      .option('set', {
        type: 'string',
        array: true,
        nargs: 1,
        default: [],
        describe: 'override a parameter, path=value (repeatable; regions.*.key for every region)',
      })
      .example(
        examples([
          ['$0 validate scenarios/baseline.yaml', 'check one scenario'],
          ['$0 validate scenarios/*.yaml --set platform.commission=0.2', 'check several, with an override'],
        ]),
      ),
  handler,
};

export default command;
