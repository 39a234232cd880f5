/**
 * Validates a located scenario tree against the schema and collects every
 * problem (schema, region names, events), each pointing at where it was written.
 */
import { REGION_PRESETS, ScenarioSchema, defaultScenario, type Scenario } from '../model/params.js';
import { presetRegionNames } from '../model/regions.js';
import { checkEvents } from './events.js';
import { explainZodIssue, ScenarioError, uniqueIssues, type ScenarioIssue } from './issues.js';
import { unknownRegion } from './paths.js';
import { formatPath, fromPlain, isPlainObject, locateKey, locateValue, nodeAt, toPlain, type LocNode } from './tree.js';

export type Checked = { scenario: Scenario; issues: [] } | { scenario?: undefined; issues: ScenarioIssue[] };

/** Every problem with a tree, or the resolved scenario (defaults applied) when there is none. */
export function checkTree(tree: LocNode): Checked {
  const input = toPlain(tree);
  const parsed = ScenarioSchema.safeParse(input);
  const issues: ScenarioIssue[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((i) => explainZodIssue(i, input)).map((p) => {
        const loc = p.atKey ? locateKey(tree, p.path) : locateValue(tree, p.path);
        return { loc, path: loc.namesPath ? '' : formatPath(p.path), message: p.message };
      });
  const preset = parsed.success ? parsed.data.regionPreset : presetOf(input);
  if (preset) {
    const names = presetRegionNames(preset);
    issues.push(...checkRegionNames(tree, names), ...checkEvents(tree, parsed.success ? parsed.data : undefined, names));
  }
  return issues.length === 0 && parsed.success ? { scenario: parsed.data, issues: [] } : { issues: uniqueIssues(issues) };
}

/**
 * The region preset a (possibly invalid) input asks for: its own when valid,
 * the default when absent, none when it names no preset (the schema reports that).
 */
export function presetOf(input: unknown): Scenario['regionPreset'] | undefined {
  const p = isPlainObject(input) ? input.regionPreset : undefined;
  if (p === undefined) return defaultScenario().regionPreset;
  return REGION_PRESETS.find((name) => name === p);
}

/** Region overrides must name regions of the preset (the schema only knows they are strings). */
function checkRegionNames(tree: LocNode, names: string[]): ScenarioIssue[] {
  const regions = nodeAt(tree, ['regions']);
  if (regions?.kind !== 'map') return [];
  return [...regions.entries]
    .filter(([name]) => !names.includes(name))
    .map(([name, entry]) => ({ loc: entry.keyLoc, path: `regions.${name}`, message: unknownRegion(name, names) }));
}

/**
 * Validates a scenario built in code (the web demo, sweeps) exactly as a file
 * would be; errors name `sourceName` instead of a line. Returns the resolved scenario.
 */
export function validateScenarioObject(obj: unknown, sourceName: string): Scenario {
  const checked = checkTree(fromPlain(obj, { source: sourceName }));
  if (checked.scenario) return checked.scenario;
  throw new ScenarioError(checked.issues, sourceName);
}
