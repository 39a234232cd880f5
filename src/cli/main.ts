import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserError } from '../errors.js';
import { COMMANDS, findCommand } from './commands.js';
import { reportFailure } from './fail.js';
import { helpWidth } from './help.js';
import { badNumbers, type KnownOptions, unknownArgumentsError } from './options.js';

const argv = hideBin(process.argv);

const cli = yargs(argv)
  .scriptName('gvc-sim')
  .usage('$0 <command> [options]\n\nAgent-based simulation of export SMEs, cross-border e-commerce platforms and global value chains.')
  .strict()
  .demandCommand(1, 'Name a command: see the list above.')
  .recommendCommands()
  .wrap(helpWidth())
  .epilogue('Each command has its own help: gvc-sim <command> --help')
  .fail((msg, err, y) => {
    if (err) return reportFailure(err);
    // A mistyped option: the nearest one, not 30 lines of help.
    const unknown = unknownArgumentsError(msg, argv, knownOptions());
    if (unknown) return reportFailure(unknown);
    y.showHelp();
    console.error(`\n${msg}`);
    process.exit(2);
  });

/** The options of the command being parsed (yargs has the method; its typings omit it). */
function knownOptions(): KnownOptions {
  return (cli as unknown as { getOptions(): KnownOptions }).getOptions();
}

try {
  // Load only the command asked for; list the others by name.
  const chosen = findCommand(argv[0]);
  for (const entry of Object.values(COMMANDS)) {
    if (entry === chosen) cli.command({ ...(await entry.load()), describe: entry.describe });
    else cli.command(entry.usage, entry.describe, () => {}, () => {});
  }
  // A number option given text (`--seeds abc`) is named with what was typed, before any command sees NaN.
  cli.middleware((parsed) => {
    const bad = badNumbers(parsed, argv, knownOptions());
    if (bad) throw new UserError(bad.message, bad.hint);
  }, true);
  await cli.parseAsync();
} catch (err) {
  reportFailure(err);
}
