/**
 * Parameter paths as users write them (`platform.commission`,
 * `regions.*.financeDepth`, `firm.markups.0`): parsing, checking against the
 * schema with "did you mean", wildcard expansion, and setting a value.
 */
import { childSchema, keysOf, parameterLeaves, recordEntry, scenarioJsonSchema, type JsonSchema } from './schema.js';
import { didYouMean, suggest } from './suggest.js';
import { formatPath, isPlainObject, type PathSeg } from './tree.js';

/** Splits a dotted path; numeric segments (`markups.1` or `markups[1]`) are list indices. */
export function parsePath(path: string): PathSeg[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export type ResolvedPath = { paths: PathSeg[][] } | { error: string };

/**
 * Checks a path against the schema and expands `regions.*` to every region of
 * the preset. On failure the error names the first segment that is wrong and
 * the nearest valid key (the caller names the whole path and where it came from).
 */
export function resolveParamPath(path: string, regionNames: readonly string[]): ResolvedPath {
  const segs = parsePath(path);
  if (segs.some((s) => s === '')) return { error: 'a part of the path is empty (two dots in a row?)' };
  let node: JsonSchema = scenarioJsonSchema();
  let paths: PathSeg[][] = [[]];
  for (const [i, seg] of segs.entries()) {
    const here = formatPath(segs.slice(0, i));
    const step = stepInto(node, seg, here, regionNames, segs.slice(i + 1));
    if ('error' in step) return step;
    node = step.node;
    paths = paths.flatMap((p) => step.segs.map((s) => [...p, s]));
  }
  return { paths };
}

type Step = { node: JsonSchema; segs: PathSeg[] } | { error: string };

function stepInto(node: JsonSchema, seg: PathSeg, here: string, regionNames: readonly string[], rest: PathSeg[]): Step {
  const entry = recordEntry(node);
  if (entry) {
    if (seg === '*') return { node: entry, segs: [...regionNames] };
    if (regionNames.includes(String(seg))) return { node: entry, segs: [seg] };
    return { error: unknownRegion(String(seg), regionNames) };
  }
  if (node.type === 'array') {
    const n = node.maxItems;
    if (n === undefined || n !== node.minItems) return { error: `${here} is a list of any length: set the whole list` };
    if (typeof seg !== 'number' || seg >= n) return { error: `${here} has ${n} items: use an index from 0 to ${n - 1}` };
    return { node: node.items!, segs: [seg] };
  }
  const keys = keysOf(node);
  if (keys.length === 0) return { error: `${here} is a single value; it has no key '${seg}'` };
  const child = childSchema(node, String(seg));
  if (child) return { node: child, segs: [seg] };
  const where = here === '' ? 'at the top level' : `in ${here}`;
  return { error: `unknown key '${seg}' ${where}${nearest(String(seg), keys, here, rest)}` };
}

/**
 * A sibling key close to the typo; failing that, a whole parameter path that
 * ends like the given one, for a group left out (`commission` → `platform.commission`).
 */
function nearest(seg: string, siblings: string[], here: string, rest: PathSeg[]): string {
  const sibling = suggest(seg, siblings);
  if (sibling !== undefined) return `; did you mean '${formatPath([...(here ? [here] : []), sibling, ...rest])}'?`;
  const leaves = parameterLeaves().map((l) => l.path.join('.').replace('<name>', '*'));
  const suffixes = leaves.map((p) => p.split('.').slice(-(rest.length + 1)).join('.'));
  const close = suggest([seg, ...rest].join('.'), suffixes);
  return close === undefined ? '' : `; did you mean '${leaves[suffixes.indexOf(close)]}'?`;
}

/** `unknown region 'centrl' (regions: east, central, west); did you mean 'central'?` */
export function unknownRegion(name: string, names: readonly string[]): string {
  const list = names.length <= 6 ? names.join(', ') : `${names[0]} … ${names.at(-1)}`;
  return `unknown region '${name}' (regions: ${list})${didYouMean(name, names)}`;
}

/**
 * Sets `value` at a concrete path (no wildcards) in a plain object, creating
 * the mappings on the way. Mutates `obj`; values are assigned whole (setting
 * `platform.feePolicy` to a mapping replaces the old one).
 */
export function setPath(obj: Record<string, unknown>, path: readonly PathSeg[] | string, value: unknown): void {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  let target: Record<string | number, unknown> = obj;
  for (const seg of segs.slice(0, -1)) {
    const next = target[seg];
    if (!isPlainObject(next) && !Array.isArray(next)) target[seg] = {};
    target = target[seg] as Record<string | number, unknown>;
  }
  target[segs.at(-1)!] = value;
}

/** The plain value at a concrete path, or undefined. */
export function getPath(obj: unknown, path: readonly PathSeg[] | string): unknown {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  return segs.reduce<unknown>((o, s) => (isPlainObject(o) || Array.isArray(o) ? (o as Record<string | number, unknown>)[s] : undefined), obj);
}
