/**
 * From the page's settings to a resolved scenario, the way a scenario file
 * becomes one: the preset validated by the model's own schema, then the moved
 * levers applied as an event would apply them (wildcards, validation and all).
 */
import type { Scenario } from '../../src/model/params.js';
import { validateScenarioObject } from '../../src/scenario/check.js';
import { applyEvent } from '../../src/scenario/events.js';
import type { RunSettings } from './protocol.js';

export function resolveRun(run: RunSettings): Scenario {
  const base = validateScenarioObject({ ...run.preset, firms: run.firms, seed: run.seed }, `preset ${run.presetLabel}`);
  return Object.keys(run.overrides).length > 0 ? applyEvent(base, run.overrides) : base;
}
