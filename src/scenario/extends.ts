/**
 * `extends: other.yaml`: a scenario written on top of another. The chain is
 * followed to its root and merged from the root down, child winning:
 * mappings merge key by key at any depth, lists and values are replaced
 * whole, except the top-level `events`, which are concatenated (parent's
 * first) so a what-if adds its events to the baseline's.
 */
import path from 'node:path';
import { UserError } from '../errors.js';
import { describeValue } from './issues.js';
import { readYamlFile } from './yaml-file.js';
import { formatLoc, toPlain, type Loc, type LocNode } from './tree.js';

export interface Chain {
  /** The merged tree (without `extends` keys). */
  tree: LocNode;
  /** Absolute paths: the given file first, then the file it extends, and so on. */
  files: string[];
}

/** Reads a scenario file and everything it extends. */
export function loadChain(file: string): Promise<Chain> {
  return loadLink(path.resolve(file), [], undefined);
}

async function loadLink(abs: string, below: string[], from: Loc | undefined): Promise<Chain> {
  if (below.includes(abs)) {
    const cycle = [...below.slice(below.indexOf(abs)), abs].map(shown).join(' → ');
    throw new UserError(`${formatLoc(from!)}: extends: cycle ${cycle}`, 'a scenario cannot extend itself, directly or through others');
  }
  const tree = await readLink(abs, from);
  const ext = tree.kind === 'map' ? tree.entries.get('extends') : undefined;
  if (!ext || tree.kind !== 'map') return { tree, files: [abs] };
  if (ext.node.kind !== 'scalar' || typeof ext.node.value !== 'string') {
    throw new UserError(`${formatLoc(ext.node.loc)}: extends: expected a file name, got ${describeValue(toPlain(ext.node))}`);
  }
  tree.entries.delete('extends');
  const parent = await loadLink(path.resolve(path.dirname(abs), ext.node.value), [...below, abs], ext.node.loc);
  return { tree: mergeScenarios(parent.tree, tree), files: [abs, ...parent.files] };
}

async function readLink(abs: string, from: Loc | undefined): Promise<LocNode> {
  try {
    return await readYamlFile(abs, shown(abs));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    const what = code === 'ENOENT' ? 'not found' : `cannot be read (${code})`;
    if (!from) throw new UserError(`scenario file ${shown(abs)} ${what}`);
    throw new UserError(`${formatLoc(from)}: extends: file ${shown(abs)} ${what}`, 'extends paths are relative to the file that contains them');
  }
}

/** A file's name for messages: relative to the working folder when inside it. */
function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

/** Merges a child scenario over its parent; top-level `events` lists are concatenated, parent first. */
export function mergeScenarios(parent: LocNode, child: LocNode): LocNode {
  const merged = deepMerge(parent, child);
  const [pe, ce] = [parent, child].map((t) => (t.kind === 'map' ? t.entries.get('events') : undefined));
  if (merged.kind === 'map' && pe?.node.kind === 'seq' && ce?.node.kind === 'seq') {
    merged.entries.set('events', { keyLoc: ce.keyLoc, node: { kind: 'seq', items: [...pe.node.items, ...ce.node.items], loc: ce.node.loc } });
  }
  return merged;
}

/** Mappings merge key by key, child winning; anything else in the child replaces the parent's value. */
function deepMerge(parent: LocNode, child: LocNode): LocNode {
  if (parent.kind !== 'map' || child.kind !== 'map') return child;
  const entries = new Map(parent.entries);
  for (const [key, entry] of child.entries) {
    const before = entries.get(key);
    entries.set(key, before ? { keyLoc: entry.keyLoc, node: deepMerge(before.node, entry.node) } : entry);
  }
  return { kind: 'map', entries, loc: child.loc };
}
