/**
 * How `--help` lays out text: its width, and examples a reader can copy.
 * yargs sets an example's command and description side by side and wraps the
 * command at half the width, so a long command breaks in the middle and its
 * tail lands under the description. Here each example is a shell comment with
 * the description, then the command on lines of its own, broken (where it has
 * to be) before an option with a shell continuation ` \`: what is shown pastes
 * into a shell as it is. (yargs trims leading spaces, so continuations are not
 * indented; the comment lines set the examples apart.)
 */

/** The script name yargs puts in place of `$0`. */
export const SCRIPT_NAME = 'gvc-sim';

/** Help width: the terminal's, or `$COLUMNS` when the output is not a terminal, at most 110 columns. */
export function helpWidth(columns = process.stdout.columns, env = process.env.COLUMNS): number {
  const fromEnv = Number(env);
  const width = columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 100);
  return Math.min(110, width);
}

// yargs indents an example by two columns and keeps two free on the right.
const EXAMPLE_MARGIN = 4;
const CONTINUATION = ' \\';

/** Words packed greedily into lines of at most `width` characters; a word longer than that keeps its own line. */
function pack(words: string[], width: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let length = 0;
  for (const word of words) {
    if (line.length > 0 && length + 1 + word.length > width) {
      lines.push(line);
      line = [];
      length = 0;
    }
    length += (line.length ? 1 : 0) + word.length;
    line.push(word);
  }
  if (line.length) lines.push(line);
  return lines;
}

// A command breaks before an option or a redirection, never between an option and its value.
const startsArgument = (word: string) => word.startsWith('-') || word === '>' || word === '|';

/** The words of a command grouped into what must stay on one line: the command with its positionals, each option with its values. */
function argumentGroups(words: string[]): string[] {
  const groups: string[] = [];
  for (const word of words) {
    if (groups.length === 0 || startsArgument(word)) groups.push(word);
    else groups[groups.length - 1] += ` ${word}`;
  }
  return groups;
}

/** One command as shell lines of at most `width` characters where it can be broken. */
export function commandLines(command: string, width: number): string[] {
  const words = command.replace(/\$0/g, SCRIPT_NAME).split(' ').filter(Boolean);
  const lines = pack(argumentGroups(words), width - CONTINUATION.length);
  return lines.map((ws, k) => ws.join(' ') + (k < lines.length - 1 ? CONTINUATION : ''));
}

/** An example as help text: its description as `# …` comment lines, then the command. */
export function exampleText(command: string, description: string, width: number): string {
  const comment = pack(description.split(' ').filter(Boolean), width - 2).map((ws) => `# ${ws.join(' ')}`);
  return [...comment, ...commandLines(command, width)].join('\n');
}

/**
 * A command's examples for yargs' `.example()`: each with an empty description,
 * which yargs prints at full width, as `exampleText` lays it out.
 */
export function examples(list: ReadonlyArray<readonly [command: string, description: string]>, width = helpWidth()): [string, string][] {
  return list.map(([command, description]) => [exampleText(command, description, width - EXAMPLE_MARGIN), '']);
}
