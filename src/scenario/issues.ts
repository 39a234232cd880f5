/**
 * Validation problems as users read them: `file:line:col: path: what is
 * wrong`, with what was expected (from the schema) and what was written.
 */
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { getPath } from './paths.js';
import { UNBOUNDED, keysOf, schemaAt, type JsonSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import { formatLoc, type Loc, type PathSeg } from './tree.js';

/** One problem with a scenario, located where the offending value was written. */
export interface ScenarioIssue {
  loc: Loc;
  /** The parameter path as the user wrote it (may be empty for whole-file problems). */
  path: string;
  message: string;
}

const PARAMS_HINT = 'run `gvc-sim params` for every parameter with its default, range and unit';

/** `file:12:5: platform.commission: expected …` */
export function formatIssue(i: ScenarioIssue): string {
  return `${formatLoc(i.loc)}: ${i.path ? `${i.path}: ` : ''}${i.message}`;
}

/** Drops repeats: a wildcard's one bad value is one problem, not one per region. */
export function uniqueIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  return [...new Map(issues.map((i) => [formatIssue(i), i])).values()];
}

/** Issues in reading order: by file, then line, then column; values without a line (--set) last. */
function sortIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  const key = (i: ScenarioIssue) => [i.loc.line === undefined ? 1 : 0, i.loc.source, i.loc.line ?? 0, i.loc.col ?? 0] as const;
  return [...issues].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1].localeCompare(kb[1]) || ka[2] - kb[2] || ka[3] - kb[3];
  });
}

/** Every problem found in a scenario at once; a UserError, so the CLI prints it without a stack trace. */
export class ScenarioError extends UserError {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[], what: string, hint = PARAMS_HINT) {
    const sorted = sortIssues(issues);
    const lines = sorted.map(formatIssue);
    super(lines.length === 1 ? lines[0]! : `${lines.length} problems in ${what}:\n${lines.map((l) => `  ${l}`).join('\n')}`, hint);
    this.name = 'ScenarioError';
    this.issues = sorted;
  }
}

/** A problem found by the schema, at a path of the validated object. `atKey`: point at the key, not its value. */
export interface Problem {
  path: PathSeg[];
  message: string;
  atKey: boolean;
}

/**
 * What a zod issue means for the user. `input` is the object that was
 * validated, so the message can quote the value written; an unknown-keys
 * issue becomes one problem per key, each with its nearest valid key.
 */
export function explainZodIssue(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  // A check across parameters (a policy entry's market against markets.count) words its own message.
  if (issue.code === 'custom') return [{ path, message: issue.message, atKey: false }];
  if (issue.code === 'unrecognized_keys') {
    const known = keysOf(schemaAt(path) ?? {});
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown key${didYouMean(k, known)}`, atKey: true }));
  }
  const schema = schemaAt(path);
  const value = getPath(input, path);
  if (!schema) return [{ path, message: issue.message, atKey: false }];
  if (value === undefined) return [{ path, message: `missing; expected ${describeExpected(schema)}`, atKey: false }];
  const choices = alternatives(schema).flatMap((s) => choicesOf(s) ?? []);
  const hint = typeof value === 'string' ? didYouMean(value, choices.map(String)) : '';
  return [{ path, message: `expected ${describeExpected(schema)}, got ${describeValue(value)}${hint}`, atKey: false }];
}

/** What a schema accepts, in words: `a number between 0 and 0.9`, `one of fixed, market-power`. */
export function describeExpected(schema: JsonSchema): string {
  const alts = alternatives(schema);
  const choices = alts.map(choicesOf);
  if (choices.every((c) => c !== undefined)) {
    const all = choices.flat().map(String);
    return all.length === 1 ? `'${all[0]}'` : `one of ${all.join(', ')}`;
  }
  const words = [...new Set(alts.map((s) => describeOne(s)))];
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** A written value, briefly: `'pay2rank'`, `1.5`, `a list of 3 items`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function alternatives(s: JsonSchema): JsonSchema[] {
  const alts = s.anyOf ?? s.oneOf;
  return alts ? alts.flatMap(alternatives) : [s];
}

function choicesOf(s: JsonSchema): unknown[] | undefined {
  return s.enum ?? (s.const !== undefined ? [s.const] : undefined);
}

function describeOne(s: JsonSchema, plural = false): string {
  const choices = choicesOf(s);
  if (choices) return `one of ${choices.join(', ')}`;
  switch (s.type) {
    case 'number':
    case 'integer':
      return bounded(s, plural);
    case 'boolean':
      return 'true or false';
    case 'string':
      return s.minLength ? 'non-empty text' : 'text';
    case 'null':
      return 'null';
    case 'array': {
      const item = s.items?.type === 'number' || s.items?.type === 'integer' ? describeOne(s.items, true) : s.items?.properties ? `{${Object.keys(s.items.properties).join(', ')}}` : 'values';
      return s.minItems !== undefined && s.minItems === s.maxItems ? `a list of ${s.minItems} ${item}` : `a list of ${item}`;
    }
    case 'object':
      return 'a mapping';
    default:
      return 'a value';
  }
}

function bounded(s: JsonSchema, plural: boolean): string {
  const noun = s.type === 'integer' ? (plural ? 'integers' : 'an integer') : plural ? 'numbers' : 'a number';
  const max = s.maximum !== undefined && s.maximum < UNBOUNDED ? s.maximum : undefined;
  if (s.minimum !== undefined && max !== undefined) return `${noun} between ${s.minimum} and ${max}`;
  if (s.minimum !== undefined) return `${noun} ≥ ${s.minimum}`;
  return max !== undefined ? `${noun} ≤ ${max}` : noun;
}
