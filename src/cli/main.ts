import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { COMMANDS, findCommand } from './commands.js';
import { reportFailure } from './fail.js';

const argv = hideBin(process.argv);

const cli = yargs(argv)
  .scriptName('gvc-sim')
  .usage('$0 <command> [options]\n\nAgent-based simulation of export SMEs, cross-border e-commerce platforms and global value chains.')
  .strict()
  .demandCommand(1, 'Name a command: see the list above.')
  .recommendCommands()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .epilogue('Each command has its own help: gvc-sim <command> --help')
  .fail((msg, err, y) => {
    if (err) return reportFailure(err);
    y.showHelp();
    console.error(`\n${msg}`);
    process.exit(2);
  });

try {
  // Load only the command asked for; list the others by name.
  const chosen = findCommand(argv[0]);
  for (const entry of Object.values(COMMANDS)) {
    if (entry === chosen) cli.command({ ...(await entry.load()), describe: entry.describe });
    else cli.command(entry.usage, entry.describe, () => {}, () => {});
  }
  await cli.parseAsync();
} catch (err) {
  reportFailure(err);
}
