import type { CommandModule } from 'yargs';
import params from './params.js';
import run from './run.js';
import validate from './validate.js';

/** Every CLI command, one file each under src/cli/. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [run, validate, params];
