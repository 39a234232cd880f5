/**
 * `--set path=value` overrides, applied on top of the merged scenario files.
 * The value is read as YAML (`0.2`, `true`, `[1, 2]`, `pay-to-rank`,
 * `{kind: market-power}`); `regions.*.key` sets the key in every region of the preset.
 */
import { parse } from 'yaml';
import { presetRegionNames } from '../model/regions.js';
import { presetOf } from './check.js';
import type { ScenarioIssue } from './issues.js';
import { resolveParamPath } from './paths.js';
import { schemaAt } from './schema.js';
import { fromPlain, nodeAt, toPlain, type Loc, type LocNode, type PathSeg } from './tree.js';

/**
 * Applies overrides in order (a later one wins; one setting `regionPreset`
 * changes what `*` expands to for those after it). Mutates `tree`; returns the
 * problems with overrides that could not be applied.
 */
export function applyOverrides(tree: LocNode, overrides: readonly string[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const text of overrides) {
    const loc: Loc = { source: `--set ${text}`, namesPath: true };
    const eq = text.indexOf('=');
    const path = text.slice(0, eq).trim();
    if (eq <= 0 || path === '') {
      issues.push({ loc, path: '', message: 'expected path=value, e.g. --set platform.commission=0.2' });
      continue;
    }
    const value = readValue(text.slice(eq + 1));
    const preset = presetOf(toPlain(tree));
    const resolved = resolveParamPath(path, preset ? presetRegionNames(preset) : []);
    if ('error' in value) issues.push({ loc, path, message: value.error });
    else if ('error' in resolved) issues.push({ loc, path, message: resolved.error });
    else for (const p of resolved.paths) putNode(tree, p, fromPlain(value.value, loc), loc);
  }
  return issues;
}

function readValue(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parse(text, { prettyErrors: false }) };
  } catch (err) {
    return { error: `the value is not valid YAML: ${(err as Error).message}` };
  }
}

/**
 * Puts a node at a concrete path, creating mappings on the way; a fixed-length
 * list that is missing (`firm.markups.1` when the file sets no markups)
 * starts from the schema default so the other items keep their values.
 */
function putNode(root: LocNode, path: PathSeg[], node: LocNode, loc: Loc): void {
  let container = root;
  for (const [i, seg] of path.slice(0, -1).entries()) {
    const wantList = typeof path[i + 1] === 'number';
    let next = nodeAt(container, [seg]);
    if (next?.kind !== (wantList ? 'seq' : 'map')) {
      next = wantList ? fromPlain(schemaAt(path.slice(0, i + 1))?.default ?? [], loc) : fromPlain({}, loc);
      assign(container, seg, next, loc);
    }
    container = next;
  }
  assign(container, path.at(-1)!, node, loc);
}

function assign(container: LocNode, seg: PathSeg, node: LocNode, loc: Loc): void {
  if (container.kind === 'map') container.entries.set(String(seg), { keyLoc: loc, node });
  else if (container.kind === 'seq' && typeof seg === 'number') container.items[seg] = node;
}
