import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { UserError } from '../../errors.js';
import { suggestionHint } from '../../scenario/suggest.js';
import { paramProblems } from './scale.js';
import type { ParamSpec } from './types.js';

const PARAM_KEYS = ['name', 'min', 'max', 'log', 'integer', 'levels'];

const paramSchema = z.strictObject({
  name: z.string().min(1),
  min: z.number(),
  max: z.number(),
  log: z.boolean().optional(),
  integer: z.boolean().optional(),
  levels: z.array(z.number()).min(1).optional(),
});

type Path = (string | number)[];

/** Locates a YAML path as "file:line" (falls back to the nearest located ancestor, then the bare file). */
function where(file: string, doc: Document, lines: LineCounter, path: Path): string {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return `${file}:${lines.linePos(node.range[0]).line}`;
  }
  return file;
}

/** "parameter 2 ("fee")" for messages. */
function entryLabel(list: unknown[], index: number): string {
  const name = (list[index] as { name?: unknown } | null)?.name;
  return `parameter ${index + 1}${typeof name === 'string' ? ` ("${name}")` : ''}`;
}

function schemaError(file: string, doc: Document, lines: LineCounter, base: Path, list: unknown[], issue: z.core.$ZodIssue): UserError {
  const [index, key] = issue.path as [number?, string?];
  if (index === undefined) return new UserError(`${where(file, doc, lines, base)}: ${issue.message}`);
  const label = entryLabel(list, index);
  if (issue.code === 'unrecognized_keys') {
    const k = issue.keys[0]!;
    return new UserError(`${where(file, doc, lines, [...base, index, k])}: ${label}: unknown key "${k}"`, suggestionHint(k, PARAM_KEYS));
  }
  const keyText = key === undefined ? '' : `, key "${key}"`;
  return new UserError(`${where(file, doc, lines, [...base, ...issue.path.map((p) => p as string | number)])}: ${label}${keyText}: ${issue.message}`);
}

function checkSemantics(file: string, doc: Document, lines: LineCounter, base: Path, params: ParamSpec[]): void {
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const problem = paramProblems(p)[0];
    if (problem) throw new UserError(`${where(file, doc, lines, [...base, i, problem.key])}: ${entryLabel(params, i)}, key "${problem.key}": ${problem.message}`);
    if (seen.has(p.name)) throw new UserError(`${where(file, doc, lines, [...base, i, 'name'])}: ${entryLabel(params, i)}: duplicate name`);
    seen.add(p.name);
  });
}

/**
 * Parses a parameters YAML file: a list (or a `params:` list) of
 * `{ name, min, max, log?, integer?, levels? }`. Errors name the file, line,
 * entry and key.
 */
export function parseParamsYaml(text: string, file: string): ParamSpec[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) throw new UserError(`${file}:${syntax.linePos?.[0].line ?? '?'}: ${syntax.message.split('\n')[0]}`);
  const data: unknown = doc.toJS();
  const base: Path = Array.isArray(data) ? [] : ['params'];
  const list = Array.isArray(data) ? data : (data as { params?: unknown } | null)?.params;
  if (!Array.isArray(list) || list.length === 0)
    throw new UserError(`${file}: expected a non-empty list of parameters, or a "params:" key holding one`, 'each entry: { name, min, max, log?, integer? }');
  const parsed = z.array(paramSchema).safeParse(list);
  if (!parsed.success) throw schemaError(file, doc, lines, base, list, parsed.error.issues[0]!);
  checkSemantics(file, doc, lines, base, parsed.data);
  return parsed.data;
}
