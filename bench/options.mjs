// What the bench scripts share for their options: a bad option stops with one
// line naming it, never a stack trace, and --help prints the script's opening
// comment, which is its usage.
import { readFileSync } from 'node:fs';

/**
 * Helpers for the script at `scriptUrl` (its `import.meta.url`), whose errors
 * start with `name`: `fail(message)` stops with exit code 2, `help()` prints
 * the usage and exits, `valueAfter(argv, k)` is the value of the option at
 * argv[k] or a clear error when it is missing.
 */
export function scriptOptions(name, scriptUrl) {
  const fail = (message) => {
    console.error(`${name}: ${message} (see --help)`);
    process.exit(2);
  };
  const help = () => {
    const lines = readFileSync(new URL(scriptUrl), 'utf8').split('\n').slice(1);
    console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  };
  const valueAfter = (argv, k) => (k + 1 < argv.length && !argv[k + 1].startsWith('--') ? argv[k + 1] : fail(`${argv[k]} needs a value`));
  return { fail, help, valueAfter };
}
