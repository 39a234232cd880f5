/**
 * Events change parameters mid-run: applying one is pure and validated, and a
 * scenario's events are checked at load time in the order they will run.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { withSettings } from '../src/model/events.js';
import { defaultScenario } from '../src/model/params.js';
import { validateScenarioObject } from '../src/scenario/check.js';
import { applyEvent } from '../src/scenario/events.js';
import { setPath } from '../src/scenario/paths.js';

describe('applyEvent', () => {
  it('returns a new scenario with the value set and leaves the old one alone', () => {
    const before = defaultScenario();
    const after = applyEvent(before, { 'platform.commission': 0.25, 'regions.central.pilotZone': true });
    expect(after.platform.commission).toBe(0.25);
    expect(after.regions.central?.pilotZone).toBe(true);
    expect(before).toEqual(defaultScenario());
  });

  it('sets a wildcard key in every region of the preset', () => {
    const after = applyEvent(defaultScenario(), { 'regions.*.financeDepth': 0.9 });
    expect(Object.values(after.regions).map((r) => r.financeDepth)).toEqual([0.9, 0.9, 0.9]);
  });

  it('rejects a value out of range, naming the path', () => {
    expect(() => applyEvent(defaultScenario(), { 'platform.governance.oversight': 1.2 })).toThrow(
      'platform.governance.oversight: expected a number between 0 and 1, got 1.2',
    );
  });

  it('rejects an unknown path with the nearest one', () => {
    expect(() => applyEvent(defaultScenario(), { 'platform.governance.oversite': 0.5 })).toThrow("did you mean 'platform.governance.oversight'?");
  });

  it('refuses to change what the run is built from', () => {
    expect(() => applyEvent(defaultScenario(), { ticks: 60 })).toThrow(UserError);
    expect(() => applyEvent(defaultScenario(), { 'markets.count': 4 })).toThrow('fixed for the whole run');
  });
});

describe('the model applies an event as the scenario layer checked it', () => {
  const sets: Record<string, unknown>[] = [
    { 'platform.commission': 0.25, 'regions.central.pilotZone': true },
    { 'regions.*.financeDepth': 0.9, 'firm.markups.1': 0.4 },
    { 'firm.markups[2]': 0.6, 'platform.traffic.weights': { quality: 1, ad: 0 } },
    { 'regions.*.pilotZone': 12, 'platform.stage': 2 },
  ];
  it.each(sets)('%o gives the same scenario both ways', (set) => {
    const base = defaultScenario();
    expect(withSettings(base, set)).toEqual(applyEvent(base, set));
    expect(base).toEqual(defaultScenario());
  });

  it('refuses what the run is built from and invalid values', () => {
    expect(() => withSettings(defaultScenario(), { 'markets.count': 4 })).toThrow('fixed for the whole run');
    expect(() => withSettings(defaultScenario(), { 'platform.governance.oversight': 1.2 })).toThrow(UserError);
  });
});

describe('setPath', () => {
  it('creates the mappings on the way and sets list items by index', () => {
    const o: Record<string, unknown> = { firm: { markups: [1, 2, 3, 4] } };
    setPath(o, 'regions.west.wage', 2);
    setPath(o, 'firm.markups.2', 9);
    expect(o).toEqual({ regions: { west: { wage: 2 } }, firm: { markups: [1, 2, 9, 4] } });
  });
});

describe('events in a scenario', () => {
  const marketPower = { 'platform.feePolicy': { kind: 'market-power' } };

  it('are checked in order of their tick, each on top of the ones before', () => {
    // Written out of order: the cap only exists once the policy is market-power (tick 24).
    const events = [
      { at: 36, set: { 'platform.feePolicy.max': 0.2 } },
      { at: 24, set: marketPower },
    ];
    expect(validateScenarioObject({ events }, 'test').platform.feePolicy).toEqual({ kind: 'fixed' });
  });

  it('fail when a key belongs to a policy not yet in force', () => {
    const events = [
      { at: 12, set: { 'platform.feePolicy.max': 0.2 } },
      { at: 24, set: marketPower },
    ];
    expect(() => validateScenarioObject({ events }, 'test')).toThrow('event at tick 12: platform.feePolicy.max: unknown key');
  });

  it('fail past the last tick, counting from 0', () => {
    expect(validateScenarioObject({ ticks: 24, events: [{ at: 23, set: marketPower }] }, 'test').events).toHaveLength(1);
    expect(() => validateScenarioObject({ ticks: 24, events: [{ at: 24, set: marketPower }] }, 'test')).toThrow('after the last tick, 23');
  });

  it('report a bad path even when the rest of the scenario has errors', () => {
    const run = () => validateScenarioObject({ ticks: 0, events: [{ at: 1, set: { 'platform.comission': 0.2 } }] }, 'test');
    expect(run).toThrow(/2 problems[\s\S]*ticks: expected[\s\S]*platform\.comission: unknown key/);
  });
});
