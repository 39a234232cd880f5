/**
 * Scheduled events (`at: tick, set: {path: value}`): applying one to a
 * scenario with messages for its author, and checking a scenario's
 * events when it is loaded, so a bad event fails before the run, not at tick 90.
 */
import { FIXED_FOR_RUN } from '../model/events.js';
import { ScenarioSchema, type Scenario } from '../model/params.js';
import { presetRegionNames } from '../model/regions.js';
import { explainZodIssue, ScenarioError, type ScenarioIssue } from './issues.js';
import { resolveParamPath, setPath } from './paths.js';
import { formatPath, locateKey, locateValue, nodeAt, toPlain, type Loc, type LocNode, type MapNode, type PathSeg } from './tree.js';

export { FIXED_FOR_RUN };

/**
 * A problem with one `set` entry: the entry's key, the scenario path at fault,
 * the part of that path inside the entry's value, and whether a key (not a value) is wrong.
 */
interface SetProblem {
  key: string;
  path: PathSeg[];
  inside: PathSeg[];
  message: string;
  atKey: boolean;
}

type Applied = { scenario: Scenario } | { problems: SetProblem[] };

/**
 * The scenario after an event: each `set` path (`regions.*.x` for every region)
 * gets its value, then the whole scenario is validated again. Pure: `s` is not
 * changed. Throws a UserError naming each bad path or value.
 */
export function applyEvent(s: Scenario, set: Record<string, unknown>): Scenario {
  const result = tryApplyEvent(s, set);
  if ('scenario' in result) return result.scenario;
  const loc: Loc = { source: 'event' };
  throw new ScenarioError(result.problems.map((p) => ({ loc, path: formatPath(p.path), message: p.message })), 'an event');
}

/** The event applied, or every problem with it: bad paths, and bad values among the good paths. */
function tryApplyEvent(s: Scenario, set: Record<string, unknown>): Applied {
  const { expanded, problems } = expandSet(set, presetRegionNames(s.regionPreset));
  const next = structuredClone(s) as Record<string, unknown>;
  for (const [key, paths] of expanded) for (const p of paths) setPath(next, p, structuredClone(set[key]));
  const parsed = ScenarioSchema.safeParse(next);
  if (parsed.success && problems.length === 0) return { scenario: parsed.data };
  const found = parsed.success ? [] : parsed.error.issues.flatMap((i) => explainZodIssue(i, next));
  return { problems: [...problems, ...found.map((p) => ({ ...p, ...ownerOf(p.path, expanded) }))] };
}

/** Checks every `set` path and expands wildcards; events may not touch {@link FIXED_FOR_RUN}. */
function expandSet(set: Record<string, unknown>, regionNames: string[]) {
  const expanded = new Map<string, PathSeg[][]>();
  const problems: SetProblem[] = [];
  const wrongKey = (key: string, message: string) => problems.push({ key, path: [key], inside: [], atKey: true, message });
  for (const key of Object.keys(set)) {
    const fixed = FIXED_FOR_RUN.find((f) => key === f || key.startsWith(`${f}.`));
    const resolved = resolveParamPath(key, regionNames);
    if (fixed) wrongKey(key, `${fixed} is fixed for the whole run; an event cannot change it`);
    else if ('error' in resolved) wrongKey(key, resolved.error);
    else expanded.set(key, resolved.paths);
  }
  return { expanded, problems };
}

/**
 * The `set` entry a problem at a scenario path comes from: the one whose path
 * shares most of it; `inside` is what lies beyond that path, within the entry's value.
 */
function ownerOf(path: PathSeg[], expanded: Map<string, PathSeg[][]>): { key: string; inside: PathSeg[] } {
  let owner = { key: expanded.keys().next().value!, inside: [] as PathSeg[] };
  let bestShared = -1;
  for (const [key, paths] of expanded) {
    for (const p of paths) {
      const shared = sharedPrefix(p, path);
      if (shared > bestShared) [owner, bestShared] = [{ key, inside: shared === p.length ? path.slice(shared) : [] }, shared];
    }
  }
  return owner;
}

function sharedPrefix(a: readonly PathSeg[], b: readonly PathSeg[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Checks a scenario's events as they will run (in order of `at`, each on top
 * of the ones before): every path names a settable parameter, every value is
 * valid for it, and no event is scheduled after the last tick. Without a valid
 * base scenario (other errors) only the paths are checked.
 */
export function checkEvents(tree: LocNode, base: Scenario | undefined, regionNames: string[]): ScenarioIssue[] {
  const list = nodeAt(tree, ['events']);
  if (list?.kind !== 'seq') return [];
  const events = list.items.flatMap((item) => {
    const at = nodeAt(item, ['at']);
    const set = nodeAt(item, ['set']);
    return set?.kind === 'map' ? [{ at, set, tick: at?.kind === 'scalar' ? at.value : undefined }] : []; // else the schema reports it
  });
  const issues: ScenarioIssue[] = [];
  let current = base;
  const byTick = base ? [...events].sort((a, b) => Number(a.tick) - Number(b.tick)) : events;
  for (const { at, set, tick } of byTick) {
    const where = `event at tick ${String(tick)}`;
    if (base && typeof tick === 'number' && tick > base.ticks - 1) {
      issues.push({ loc: at!.loc, path: `${where}: at`, message: `tick ${tick} is after the last tick, ${base.ticks - 1} (ticks: ${base.ticks}, counted from 0)` });
    }
    const plain = toPlain(set) as Record<string, unknown>;
    const result: Applied = current ? tryApplyEvent(current, plain) : { problems: expandSet(plain, regionNames).problems };
    if ('scenario' in result) current = result.scenario;
    else issues.push(...result.problems.map((p) => locateSetProblem(p, set, where)));
  }
  return issues;
}

/** Where a `set` problem was written: the entry's key, or the value (or a key inside the value) at fault. */
function locateSetProblem(p: SetProblem, set: MapNode, where: string): ScenarioIssue {
  const entry = set.entries.get(p.key)!;
  let loc: Loc;
  if (p.atKey && p.inside.length === 0) loc = entry.keyLoc;
  else loc = p.atKey ? locateKey(entry.node, p.inside) : locateValue(entry.node, p.inside);
  // A wildcard problem is reported once, under the path as written, not once per region.
  const path = p.key.includes('*') ? [p.key, ...p.inside] : p.path;
  return { loc, path: `${where}: ${formatPath(path)}`, message: p.message };
}
