/** `gvc-sim params`: the parameter reference, generated from the schema. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parameterReference, type ReferenceFormat } from '../scenario/reference.js';
import { examples } from './help.js';

interface Args {
  format: ReferenceFormat;
  filter: string;
}

const command: CommandModule<object, Args> = {
  command: 'params',
  describe: 'List every scenario parameter with its default, range, unit and meaning',
  builder: (y: Argv) =>
    y
      .option('format', { choices: ['md', 'json'] as const, default: 'md' as const, describe: 'markdown tables or a JSON list' })
      .option('filter', { type: 'string', default: '', describe: 'only parameters whose path starts with this, e.g. platform.traffic' })
      .example(
        examples([
          ['$0 params --filter platform.governance', 'the governance parameters'],
          ['$0 params --format md > docs/parameters.md', 'regenerate the reference (npm run docs)'],
        ]),
      ),
  handler: (args: ArgumentsCamelCase<Args>) => {
    process.stdout.write(parameterReference(args.format, args.filter));
  },
};

export default command;
