/**
 * Options typed wrong on the command line, in words: an unknown option gets
 * the nearest known one ("did you mean --seeds?"), a number option given
 * text names the text rather than NaN.
 */
import { UserError } from '../errors.js';
import { suggest } from '../scenario/suggest.js';

/** What the CLI knows of its options (the part of yargs' getOptions() used here). */
export interface KnownOptions {
  key: Record<string, unknown>;
  alias?: Record<string, string[]>;
  number?: string[];
}

const flag = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/** The names yargs reports in "Unknown argument(s): a, b", or undefined for other messages. */
function unknownNames(msg: string): string[] | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(msg);
  if (!m) return undefined;
  const names = m[1]!.split(', ').map((s) => s.trim());
  // yargs reports `--set-c` twice, as set-c and setC.
  const camel = (n: string) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return names.filter((n) => !names.some((other) => other !== n && camel(other) === n));
}

/** Every option name a command accepts, with its aliases, without yargs' own camelCase copies. */
function optionNames(o: KnownOptions): string[] {
  const names = new Set<string>(Object.keys(o.key));
  for (const [k, aliases] of Object.entries(o.alias ?? {})) for (const a of [k, ...aliases]) names.add(a);
  return [...names].filter((n) => n !== '$0' && n !== '_');
}

/**
 * A UserError for yargs' "Unknown argument" failure: each unknown option with
 * the nearest known one, or undefined when `msg` is another failure.
 */
export function unknownArgumentsError(msg: string, argv: readonly string[], o: KnownOptions): UserError | undefined {
  const names = unknownNames(msg);
  if (!names) return undefined;
  const known = optionNames(o);
  const typed = (n: string) => argv.some((a) => a === flag(n) || a.startsWith(`${flag(n)}=`) || a === `--no-${n}`);
  const parts = names.map((n) => {
    if (!typed(n)) return `unexpected argument '${n}'`;
    const near = suggest(n, known);
    return `unknown option ${flag(n)}${near ? `; did you mean ${flag(near)}?` : ''}`;
  });
  const command = argv.filter((a) => !a.startsWith('-')).slice(0, 1).join(' ');
  return new UserError(parts.join('; '), `gvc-sim ${command ? `${command} ` : ''}--help lists every option`);
}

/** The text typed after `--name` (or in `--name=text`), for the message. */
function typedValues(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  argv.forEach((a, k) => {
    if (a === flag(name) && k + 1 < argv.length) out.push(argv[k + 1]!);
    else if (a.startsWith(`${flag(name)}=`)) out.push(a.slice(flag(name).length + 1));
  });
  return out;
}

/** The first number option whose value is not a number, as a message and hint; undefined when all are numbers. */
export function badNumbers(parsed: Record<string, unknown>, argv: readonly string[], o: KnownOptions): { message: string; hint: string } | undefined {
  for (const name of o.number ?? []) {
    const v = parsed[name];
    const values = Array.isArray(v) ? v : [v];
    if (!values.some((x) => typeof x === 'number' && Number.isNaN(x))) continue;
    const text = typedValues(argv, name).find((t) => Number.isNaN(Number(t)));
    return {
      message: `${flag(name)} takes a number, got ${text === undefined ? 'no number' : `'${text}'`}`,
      hint: `e.g. ${flag(name)} 5; gvc-sim <command> --help lists every option`,
    };
  }
  return undefined;
}
