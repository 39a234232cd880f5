/**
 * Every command's `--help` examples read at 80 columns and at wider terminals:
 * each example's description is a `# …` line of its own and its command is
 * never broken in the middle — a command that does not fit is continued with
 * ` \` before an option, so what is shown pastes into a shell as it is.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.js';
import { commandLines, exampleText, helpWidth } from '../src/cli/help.js';

const ANALYSES = ['panel', 'sobol', 'morris'];
const HELP_PAGES = [...Object.keys(COMMANDS).filter((c) => c !== 'analyze').map((c) => [c]), ...ANALYSES.map((a) => ['analyze', a])];

function help(words: string[], columns: number): string {
  const r = spawnSync(process.execPath, [resolve('bin/gvc-sim'), ...words, '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: String(columns) } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The lines of the help's Examples section, without yargs' two-column indent. */
function exampleLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Examples:');
  expect(start, 'the help has an Examples section').toBeGreaterThanOrEqual(0);
  const body = lines.slice(start + 1);
  const end = body.findIndex((l) => l.trim() === '');
  return (end < 0 ? body : body.slice(0, end)).map((l) => l.replace(/^ {2}/, ''));
}

/** Problems with an Examples section: lines too wide, commands that do not start a line, tails without a continuation before them. */
function layoutProblems(lines: string[], words: string[], columns: number): string[] {
  const problems: string[] = [];
  let continued = false;
  for (const line of lines) {
    if (line.length + 2 > columns) problems.push(`wider than ${columns}: ${line}`);
    if (line.startsWith('# ')) {
      if (continued) problems.push(`comment inside a command: ${line}`);
    } else if (!continued && !line.startsWith(`gvc-sim ${words.join(' ')}`)) problems.push(`broken mid-command: ${line}`);
    continued = line.endsWith(' \\');
  }
  if (continued) problems.push('the last command ends with a continuation');
  return problems;
}

describe('--help examples', () => {
  it.each([80, 110])('at %i columns, no example line is broken mid-command or too wide', (columns) => {
    for (const words of HELP_PAGES) {
      const lines = exampleLines(help(words, columns));
      expect(lines.filter((l) => l.startsWith('# ')).length, `${words.join(' ')} has examples`).toBeGreaterThan(0);
      expect(layoutProblems(lines, words, columns), words.join(' ')).toEqual([]);
    }
  });

  it('the check sees what yargs did before: a command tail under its description', () => {
    const yargsStyle = ['gvc-sim run scenarios/lock-in.yaml --seeds 10       ten seeds of a what-if', '--set platform.commission=0.2'];
    expect(layoutProblems(yargsStyle, ['run'], 80)).toEqual(['broken mid-command: --set platform.commission=0.2']);
  });

  it('a command broken over lines is the same command, each line within the width where an option fits', () => {
    const word = fc.stringMatching(/^[a-z0-9./=,*]{1,12}$/);
    const argument = fc.tuple(fc.stringMatching(/^--[a-z]{1,8}$/), fc.array(word, { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 2 }), fc.array(argument, { maxLength: 8 }), fc.integer({ min: 40, max: 110 }), (positionals, options, width) => {
        const command = ['$0', 'run', ...positionals, ...options.flatMap(([o, vs]) => [o, ...vs])].join(' ');
        const lines = commandLines(command, width);
        expect(lines.map((l) => l.replace(/ \\$/, '')).join(' ')).toBe(command.replace('$0', 'gvc-sim'));
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        for (const l of lines.slice(1)) expect(l.startsWith('--')).toBe(true);
      }),
    );
  });

  it('puts the description on its own comment lines above the command', () => {
    expect(exampleText('$0 claims --only L1', 'the lock-in lecture claim', 76)).toBe('# the lock-in lecture claim\ngvc-sim claims --only L1');
  });

  it('takes the terminal width, or $COLUMNS when not on a terminal, at most 110', () => {
    expect(helpWidth(90, '80')).toBe(90);
    expect(helpWidth(undefined, '80')).toBe(80);
    expect(helpWidth(undefined, 'wide')).toBe(100);
    expect(helpWidth(200, undefined)).toBe(110);
  });
});
