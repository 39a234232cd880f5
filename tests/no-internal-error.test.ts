/**
 * Property: whatever a user writes into a scenario or a sweep spec, gvc-sim
 * answers with an error written for them (or runs), never "internal error".
 * Scenarios and specs are mutated at random: any parameter (or a misspelt
 * one) set to a value in or out of range, of the wrong type, a fee policy
 * with a hostile expression, events at odd ticks; a scenario that loads is
 * then run for a few ticks. Each error is printed as the CLI prints it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { reportFailure } from '../src/cli/fail.js';
import { simulate } from '../src/experiment/simulate.js';
import { loadSweepSpec } from '../src/experiment/sweep/index.js';
import { MODEL_METRICS } from '../src/model/reporters.js';
import { loadScenario } from '../src/scenario/load.js';
import { parameterRows } from '../src/scenario/reference.js';

const tmp = mkdtempSync(join(tmpdir(), 'gvc-mutate-'));
const BASELINE = resolve('scenarios/baseline.yaml');
const LOCK_IN = resolve('scenarios/lock-in.yaml');

afterEach(() => vi.restoreAllMocks());

/** What the CLI would print for `err` (reportFailure, with exit and stderr caught). */
function printed(err: unknown): string {
  let text = '';
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (text += `${a.map(String).join(' ')}\n`));
  vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw Object.assign(new Error('exit'), { exitCode: code });
  }) as never);
  try {
    reportFailure(err);
  } catch {
    // process.exit, caught
  }
  vi.restoreAllMocks();
  return text;
}

const ROWS = parameterRows().map((r) => ({ ...r, path: r.path.replace('<name>', 'central') }));
const PATHS = ROWS.map((r) => r.path);

/** Parameter paths as written, misspelt, or with a region wildcard. */
const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS).map((p) => p.replace(/[aeiou]/, '')) },
  { weight: 1, arbitrary: fc.constantFrom('regions.*.financeDepth', 'regions.nowhere.pilotZone', 'platform', 'events', 'markets', 'regionPreset', 'extends') },
);

/** Fee expressions a user might write, hostile or not. */
const expression = fc.oneof(
  fc.constantFrom('gmvShare.constructor', '1/0', 'sqrt(-1)', 'base / gmvShare', 'log(year)', 'base + 0.1 * gmvShare', '"x"', 'gmvShare(1)', 'import("fs")', 'a = 1', '[1,2]', '{a: 1}', 'e ^ 1000', '1:3', ''),
  fc.string({ maxLength: 12 }),
);

/** Values of every kind: in range, out of range, non-finite, wrong types, structures. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, 1, 0.5, -1, 1e9, '.nan', '.inf', 'NaN', 'Infinity', true, false, null, '', 'abc', [], {}, [1, 2], { kind: 'fixed' }, { kind: 'market-power', slope: 2 }),
  expression.map((expr) => ({ kind: 'expression', expr })),
  fc.string({ maxLength: 8 }),
);

/** Sets `value` at a dotted path of a plain object (creating mappings on the way). */
function setAt(obj: Record<string, unknown>, dotted: string, v: unknown): void {
  const keys = dotted.split('.');
  let node = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null || Array.isArray(node[k])) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = v;
}

const event = fc.record({ at: fc.oneof(fc.integer({ min: -3, max: 8 }), fc.constantFrom(2.5, 'x', null)), set: fc.dictionary(path, value, { maxKeys: 2 }) });

/** A value the schema accepts at a parameter: most mutations should load, so that their runs are tried too. */
const valid = fc.constantFrom(...ROWS).chain((r) => {
  const v: fc.Arbitrary<unknown> =
    r.values !== undefined
      ? fc.constantFrom(...r.values)
      : r.minimum !== undefined && r.maximum !== undefined
        ? r.integer
          ? fc.integer({ min: r.minimum, max: Math.min(r.maximum, r.minimum + 50) })
          : fc.double({ min: r.minimum, max: r.maximum, noNaN: true })
        : fc.constant(r.default);
  return fc.tuple(fc.constant(r.path), v);
});

/** A fee policy, often an expression, often a hostile one. */
const feePolicy = fc.tuple(fc.constant('platform.feePolicy'), fc.oneof(expression.map((expr) => ({ kind: 'expression', expr })), fc.constant({ kind: 'market-power' })));

const change = fc.oneof({ weight: 4, arbitrary: valid }, { weight: 3, arbitrary: feePolicy }, { weight: 2, arbitrary: fc.tuple(path, value) });

const scenarioMutation = fc.record({
  extendsFile: fc.constantFrom(BASELINE, LOCK_IN),
  changes: fc.array(change, { minLength: 1, maxLength: 3 }),
  events: fc.option(fc.array(event, { maxLength: 2 }), { nil: undefined }),
});

let count = 0;
let loaded = 0;

describe('no mutation of a scenario or sweep spec prints "internal error"', () => {
  it('scenarios: load, and when they load, run a few ticks', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioMutation, async (m) => {
        const doc: Record<string, unknown> = { name: 'mutant', extends: m.extendsFile, firms: 60, ticks: 4, burnInTicks: 2 };
        for (const [p, v] of m.changes) setAt(doc, p, v);
        if (m.events) doc.events = m.events;
        const file = join(tmp, `s${count++}.yaml`);
        writeFileSync(file, stringify(doc));
        try {
          const { scenario } = await loadScenario(file);
          loaded++;
          // Only small runs: a mutation may ask for a million firms, and that is the user's right.
          if (scenario.firms <= 300 && scenario.ticks <= 12 && scenario.burnInTicks <= 12) for (const _ of simulate(scenario, 1)) void _;
        } catch (err) {
          const text = printed(err);
          expect(text, `${stringify(doc)}\n${text}`).not.toMatch(/internal error/);
          expect(text).toMatch(/^error: /);
        }
      }),
      { numRuns: 150 },
    );
    expect(loaded).toBeGreaterThan(20); // enough mutants load to try their runs
  });

  it('sweep specs: load and plan', async () => {
    const factor = fc.oneof(
      fc.array(value, { maxLength: 3 }),
      fc.record({ min: value, max: value }, { requiredKeys: [] }),
      value,
    );
    const spec = fc.record({
      design: fc.oneof(fc.record({ kind: fc.constantFrom('grid', 'lhs', 'sobol', 'morris', 'bogus'), n: fc.oneof(fc.integer({ min: -2, max: 6 }), value) }, { requiredKeys: ['kind'] }), value),
      factors: fc.oneof(fc.dictionary(path, factor, { maxKeys: 3 }), value),
      replications: fc.oneof(fc.integer({ min: -1, max: 3 }), value),
      outputs: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...MODEL_METRICS), fc.string({ maxLength: 6 })), fc.oneof(fc.constantFrom('final', 'final-year', 'mean', 'trajectory', 'last'), value), { maxKeys: 3 }), value),
      scale: fc.option(fc.dictionary(path, value, { maxKeys: 2 }), { nil: undefined }),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const doc = { name: 'mutant-sweep', base: LOCK_IN, ...s };
        const file = join(tmp, `w${count++}.yaml`);
        writeFileSync(file, stringify(doc));
        try {
          await loadSweepSpec(file);
        } catch (err) {
          const text = printed(err);
          expect(text, `${stringify(doc)}\n${text}`).not.toMatch(/internal error/);
          expect(text).toMatch(/^error: /);
        }
      }),
      { numRuns: 120 },
    );
  });
});
