/**
 * A scenario as a tree of located nodes: every value remembers where it was
 * written (file, line, column, or a `--set` option), so validation errors can
 * point at the exact line even after `extends` merges and overrides.
 */

/** Where a value was written. `line`/`col` are 1-based; absent for values not from a file (--set, code). */
export interface Loc {
  source: string;
  line?: number;
  col?: number;
  /** The source already names the parameter (`--set regions.*.wage=2`), so a message need not repeat its path. */
  namesPath?: boolean;
}

export type LocNode =
  | { kind: 'scalar'; value: unknown; loc: Loc }
  | { kind: 'map'; entries: Map<string, Entry>; loc: Loc }
  | { kind: 'seq'; items: LocNode[]; loc: Loc };

export type MapNode = Extract<LocNode, { kind: 'map' }>;

/** A mapping entry: the key's own location (for "unknown key" errors) and its value. */
export interface Entry {
  keyLoc: Loc;
  node: LocNode;
}

export type PathSeg = string | number;

/** `file:12:5`, or just the source when there is no line (a --set option, a scenario built in code). */
export function formatLoc(loc: Loc): string {
  return loc.line === undefined ? loc.source : `${loc.source}:${loc.line}:${loc.col ?? 1}`;
}

/** A path as users write it: `platform.traffic.rule`, `firm.markups[1]`, `events[0].set`. */
export function formatPath(path: readonly PathSeg[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Builds a tree from a plain value (a --set value, a scenario built in code); every node gets `loc`. */
export function fromPlain(value: unknown, loc: Loc): LocNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((v) => fromPlain(v, loc)), loc };
  if (isPlainObject(value)) {
    const entries = new Map<string, Entry>();
    for (const [k, v] of Object.entries(value)) entries.set(k, { keyLoc: loc, node: fromPlain(v, loc) });
    return { kind: 'map', entries, loc };
  }
  return { kind: 'scalar', value, loc };
}

/** The plain value a tree stands for (what the schema validates). */
export function toPlain(node: LocNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries([...node.entries].map(([k, e]) => [k, toPlain(e.node)]));
  }
}

/** The node at a path, or undefined when the path leaves the tree. */
export function nodeAt(root: LocNode, path: readonly PathSeg[]): LocNode | undefined {
  let node: LocNode | undefined = root;
  for (const seg of path) {
    node = node && child(node, seg);
    if (!node) return undefined;
  }
  return node;
}

/**
 * The best location for a problem at `path`: the key itself when it exists
 * (where a user looks for a misspelt or unwanted key), else the value, else
 * the deepest enclosing node that exists (the mapping a missing key belongs in).
 */
export function locateKey(root: LocNode, path: readonly PathSeg[]): Loc {
  let node: LocNode = root;
  let loc = root.loc;
  for (const seg of path) {
    const entry = node.kind === 'map' ? node.entries.get(String(seg)) : undefined;
    const next = child(node, seg);
    if (!next) return loc;
    loc = entry ? entry.keyLoc : next.loc;
    node = next;
  }
  return loc;
}

/** The location of the value at `path`, or of the deepest enclosing node that exists. */
export function locateValue(root: LocNode, path: readonly PathSeg[]): Loc {
  let node: LocNode = root;
  for (const seg of path) {
    const next = child(node, seg);
    if (!next) return node.loc;
    node = next;
  }
  return node.loc;
}

function child(node: LocNode, seg: PathSeg): LocNode | undefined {
  if (node.kind === 'map') return node.entries.get(String(seg))?.node;
  if (node.kind === 'seq' && typeof seg === 'number') return node.items[seg];
  return undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
