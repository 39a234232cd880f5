/**
 * Property: for any numeric parameter, `--set path=value` with a value inside
 * the schema's range loads and lands at the path; a value outside the range
 * always fails, and the message names the path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetRegionNames } from '../src/model/regions.js';
import { loadScenario } from '../src/scenario/load.js';
import { getPath } from '../src/scenario/paths.js';
import { parameterRows, type ParameterRow } from '../src/scenario/reference.js';

/** A scenario without events, so `ticks` may take any value in range. */
const FILE = 'tests/fixtures/scenarios/good/provinces.yaml';

/** Bounded numeric parameters that need no particular fee policy; region keys as wildcards. */
const NUMERIC = parameterRows()
  .filter((r) => r.minimum !== undefined && r.maximum !== undefined && !r.variant)
  .map((r) => ({ ...r, path: r.path.replace('<name>', '*') }));

/** The concrete paths a (wildcard) path stands for. */
function concrete(path: string): string[] {
  return path.includes('*') ? presetRegionNames('provinces-30').map((n) => path.replace('*', n)) : [path];
}

const inRange = fc
  .constantFrom(...NUMERIC)
  .chain((row) => fc.tuple(fc.constant(row), row.integer ? fc.integer({ min: row.minimum!, max: row.maximum! }) : fc.double({ min: row.minimum!, max: row.maximum!, noNaN: true })));

const outOfRange = fc
  .tuple(fc.constantFrom(...NUMERIC), fc.boolean(), fc.double({ min: 0.001, max: 1000, noNaN: true }))
  .map(([row, above, step]): [ParameterRow, number] => {
    const edge = above ? row.maximum! : row.minimum!;
    const value = edge + (above ? 1 : -1) * step * Math.max(1, Math.abs(edge));
    return [row, row.integer ? (above ? Math.ceil(value) : Math.floor(value)) : value];
  });

describe('--set on numeric parameters', () => {
  it('samples a good share of the schema', () => {
    expect(NUMERIC.length).toBeGreaterThan(50);
    expect(NUMERIC.map((r) => r.path)).toContain('regions.*.financeDepth');
  });

  it('accepts any value in range and puts it at the path', async () => {
    await fc.assert(
      fc.asyncProperty(inRange, async ([row, raw]) => {
        const value = raw + 0; // -0 prints as 0
        const { scenario } = await loadScenario(FILE, { overrides: [`${row.path}=${value}`] });
        for (const p of concrete(row.path)) expect(getPath(scenario, p)).toBe(value);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects any value out of range, naming the path', async () => {
    await fc.assert(
      fc.asyncProperty(outOfRange, async ([row, value]) => {
        const err = await loadScenario(FILE, { overrides: [`${row.path}=${value}`] }).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(err?.message).toContain(`--set ${row.path}=`);
        expect(err?.message).toContain('expected');
      }),
      { numRuns: 150 },
    );
  });
});
