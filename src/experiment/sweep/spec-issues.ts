/**
 * Sweep spec problems as users read them: `file:line:col: key.path: what was
 * expected, what was written; did you mean …`. Shapes come from zod; the
 * words and locations from here.
 */
import type { z } from 'zod';
import { describeValue, type ScenarioIssue } from '../../scenario/issues.js';
import { didYouMean, getPath } from '../../scenario/index.js';
import { formatPath, locateKey, locateValue, type LocNode, type PathSeg } from '../../scenario/tree.js';
import { DESIGN_KEYS, RANGE_KEYS, SPEC_KEYS } from './spec-schema.js';

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
};

/** Keys valid in the mapping at `path`, for suggestions. */
function keysAt(path: readonly PathSeg[]): readonly string[] {
  if (path.length === 0) return SPEC_KEYS;
  if (path[0] === 'design') return DESIGN_KEYS;
  if (path[0] === 'factors') return RANGE_KEYS;
  return [];
}

/** An issue located at `path` of the spec tree (at the key when `atKey`). */
export function specIssue(tree: LocNode, path: readonly PathSeg[], message: string, atKey = false): ScenarioIssue {
  return { loc: atKey ? locateKey(tree, path) : locateValue(tree, path), path: formatPath(path), message };
}

/**
 * The branch of a failed union the input was meant for: the first whose
 * errors are not a type mismatch of the whole value (a list given where a
 * range was expected, say), or undefined when every branch is.
 */
function intendedBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  return issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0));
}

function explain(tree: LocNode, input: unknown, base: PathSeg[], issue: z.core.$ZodIssue): ScenarioIssue[] {
  const path = [...base, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
  const value = getPath(input, path);
  const got = `got ${describeValue(value)}`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => specIssue(tree, [...path, k], `unknown key${didYouMean(k, keysAt(path))}`, true));
    case 'invalid_type':
      if (value === undefined) return [specIssue(tree, path, `missing; expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`, true)];
      return [specIssue(tree, path, `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, ${got}`)];
    case 'invalid_value': {
      const choices = issue.values.map(String);
      return [specIssue(tree, path, `expected one of ${choices.join(', ')}, ${got}${didYouMean(String(value), choices)}`)];
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const choices = ('options' in issue ? (issue.options ?? []) : []).map(String);
        return [specIssue(tree, path, `expected one of ${choices.join(', ')}, ${got}${didYouMean(String(value), choices)}`)];
      }
      const branch = intendedBranch(issue);
      if (branch) return branch.flatMap((e) => explain(tree, input, path, e));
      return [specIssue(tree, path, `expected a list of levels like [0.1, 0.2] or a range like {min: 0, max: 1}, ${got}`)];
    }
    case 'too_small':
    case 'too_big':
      return [specIssue(tree, path, `${issue.message}, ${got}`)];
    default:
      return [specIssue(tree, path, issue.message)];
  }
}

/** Every zod issue of a spec, located in its file. */
export function explainSpecIssues(tree: LocNode, input: unknown, issues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  return issues.flatMap((i) => explain(tree, input, [], i));
}
