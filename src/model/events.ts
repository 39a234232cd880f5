/**
 * Scheduled scenario events: at a tick, set parameter paths to new values,
 * then rebuild whatever the model derives from them. The scenario layer
 * checks every event when it loads a scenario (scenario/events.ts, with
 * messages that point into the file); here events are applied as written:
 * `regions.*.x` sets x in every region of the preset, a numeric segment
 * (`firm.markups.1`) is a list index, and the result is validated again.
 */
import { UserError } from '../errors.js';
import { buildMarkets } from './markets.js';
import { ScenarioSchema, type Scenario } from './params.js';
import { refreshWeights } from './platform.js';
import { presetRegionNames, resolveRegions } from './regions.js';
import type { World } from './world-state.js';

/**
 * Parameters that shape the run itself (its length, seed, regions, markets and
 * schedule): the world is built from them at tick 0, so an event cannot change them.
 */
export const FIXED_FOR_RUN = ['name', 'description', 'seed', 'ticks', 'ticksPerYear', 'burnInTicks', 'firms', 'regionPreset', 'markets.count', 'events'];

export function applyEvents(w: World): void {
  for (const event of w.scenario.events) {
    if (event.at !== w.tick) continue;
    w.scenario = withSettings(w.scenario, event.set);
    const paths = Object.keys(event.set);
    if (paths.some((p) => p.startsWith('regions.'))) w.regions = resolveRegions(w.scenario);
    if (paths.some((p) => p.startsWith('markets.'))) w.markets = buildMarkets(w.scenario.markets);
    if (paths.some((p) => p.startsWith('platform.traffic.'))) refreshWeights(w);
  }
}

/**
 * The scenario after an event's `set` (parameter path → value), validated
 * again. Pure: `s` is not changed. Throws a UserError for a path fixed for the
 * run or a value the schema rejects (a loaded scenario's events were checked already).
 */
export function withSettings(s: Scenario, set: Record<string, unknown>): Scenario {
  const next = structuredClone(s) as Record<string, unknown>;
  const regions = presetRegionNames(s.regionPreset);
  for (const [key, value] of Object.entries(set)) {
    const fixed = FIXED_FOR_RUN.find((f) => key === f || key.startsWith(`${f}.`));
    if (fixed) throw new UserError(`an event sets ${key}, but ${fixed} is fixed for the whole run`);
    for (const path of expandPath(key, regions)) setAt(next, path, structuredClone(value));
  }
  const parsed = ScenarioSchema.safeParse(next);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new UserError(`an event leaves the scenario invalid: ${issues.join('; ')}`, 'check the scenario with `gvc-sim validate`');
}

type Segment = string | number;

/** `regions.*.x` → one path per region; `a.b.1` and `a.b[1]` → ['a', 'b', 1]. */
function expandPath(key: string, regions: readonly string[]): Segment[][] {
  const segs = key
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let paths: Segment[][] = [[]];
  for (const seg of segs) paths = paths.flatMap((p) => (seg === '*' ? regions.map((r) => [...p, r]) : [[...p, seg]]));
  return paths;
}

/** Sets `value` at `path` in a plain object, creating the mappings on the way. */
function setAt(obj: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let target = obj as Record<Segment, unknown>;
  for (const seg of path.slice(0, -1)) {
    const next = target[seg];
    if (next === null || typeof next !== 'object') target[seg] = {};
    target = target[seg] as Record<Segment, unknown>;
  }
  target[path.at(-1)!] = value;
}
