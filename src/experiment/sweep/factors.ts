/**
 * Factors: the parameters a sweep varies. Each has a path as the user wrote it
 * (`regions.*.financeDepth`), the concrete paths it sets (one per region for
 * a wildcard) and its sampling spec for the design. Values are set on the
 * scenario's merged input (before defaults), which is then validated like a
 * file, so a factor behaves exactly like `--set`.
 */
import type { Scenario } from '../../model/params.js';
import { getPath, setPath, validateScenarioObject } from '../../scenario/index.js';
import type { PathSeg } from '../../scenario/tree.js';
import type { ParamSpec } from '../designs/index.js';

export interface Factor {
  /** As written in the spec; also its column name in the design and runs tables. */
  name: string;
  /** Concrete paths it sets (no wildcards). */
  paths: PathSeg[][];
  param: ParamSpec;
}

/** The scenario every design point starts from. */
export interface BaseScenario {
  /** Merged input of the base files with the spec's `scale` and `set` applied, before defaults. */
  raw: Record<string, unknown>;
  /** `raw` validated: every parameter resolved. */
  scenario: Scenario;
}

/** One value to set at some concrete paths. */
export interface Assignment {
  paths: PathSeg[][];
  value: unknown;
}

/**
 * Sets `value` at `path` of `obj`. A fixed-length list the input does not
 * mention (`firm.markups` when setting `firm.markups.1`) is first copied from
 * the resolved scenario, so its other items keep their values.
 */
function setIn(obj: Record<string, unknown>, resolved: unknown, path: PathSeg[], value: unknown): void {
  for (let k = 1; k < path.length; k++) {
    const prefix = path.slice(0, k);
    const full = getPath(resolved, prefix);
    if (getPath(obj, prefix) === undefined && Array.isArray(full)) setPath(obj, prefix, structuredClone(full));
  }
  setPath(obj, path, value);
}

/** A copy of `raw` with the assignments applied in order. */
export function assign(raw: Record<string, unknown>, resolved: unknown, assignments: readonly Assignment[]): Record<string, unknown> {
  const obj = structuredClone(raw);
  for (const a of assignments) for (const p of a.paths) setIn(obj, resolved, p, a.value);
  return obj;
}

/** The factors' values as assignments, in factor order. */
function factorAssignments(factors: readonly Factor[], values: readonly number[]): Assignment[] {
  return factors.map((f, j) => ({ paths: f.paths, value: values[j] }));
}

/** The validated scenario of one design point; throws a ScenarioError if the values make it invalid. */
export function pointScenario(base: BaseScenario, factors: readonly Factor[], values: readonly number[], source: string): Scenario {
  return validateScenarioObject(assign(base.raw, base.scenario, factorAssignments(factors, values)), source);
}
