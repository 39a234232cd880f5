/** Invariance properties every correct least-squares panel estimator has. */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { subsetPanel } from '../src/analysis/panel/groups.js';
import { fitPanel } from '../src/analysis/panel/ols.js';
import { EFFECTS, type Effects, type ModelSpec, type Panel, type PanelFit } from '../src/analysis/panel/types.js';
import { normalSampler } from './panel-fixtures.js';

/** A random panel (3–6 entities × 4–6 periods, about 1 row in 8 dropped) with y = 1.5·x1 − 0.7·x2 + α_i + γ_t + e. */
function randomPanel(seed: number): Panel {
  const rng = seedrandom(`panel-${seed}`);
  const z = normalSampler(`draws-${seed}`);
  const g = 3 + Math.floor(rng() * 4);
  const t = 4 + Math.floor(rng() * 3);
  const alpha = Array.from({ length: g }, () => 3 * z());
  const gamma = Array.from({ length: t }, () => 2 * z());
  const rows = Array.from({ length: g * t }, (_, i) => [Math.floor(i / t), i % t] as const).filter(([, p]) => p < 2 || rng() > 0.125);
  const x1 = rows.map(([e, p]) => z() + 0.5 * alpha[e]! + 0.3 * gamma[p]!);
  const x2 = rows.map(([e]) => 2 * z() - 0.2 * alpha[e]!);
  const y = rows.map(([e, p], i) => 1.5 * x1[i]! - 0.7 * x2[i]! + alpha[e]! + gamma[p]! + z());
  return { vars: { x1, x2, y }, entity: rows.map(([e]) => `f${e}`), time: rows.map(([, p]) => String(1990 + p)) };
}

function spec(panel: Panel, effects: Effects, clustered: boolean): ModelSpec {
  return { y: 'y', x: ['x1', 'x2'], effects, ...(clustered ? { cluster: { name: 'entity', labels: panel.entity } } : {}) };
}

function withY(panel: Panel, f: (y: number, i: number) => number): Panel {
  return { ...panel, vars: { ...panel.vars, y: panel.vars.y!.map(f) } };
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(a)));

/** Slopes (not the pooled intercept) and their standard errors agree. */
function expectSameSlopes(a: PanelFit, b: PanelFit): void {
  const slopes = (f: PanelFit) => f.coefficients.filter((c) => c.name !== '(Intercept)');
  slopes(a).forEach((c, j) => {
    close(c.estimate, slopes(b)[j]!.estimate);
    close(c.stdError, slopes(b)[j]!.stdError);
  });
}

const seeds = fc.integer({ min: 0, max: 1_000_000 });
const effects = fc.constantFrom(...EFFECTS);

describe('panel estimator properties', () => {
  it('adding a constant to y leaves the slopes unchanged (and shifts the pooled intercept)', () => {
    fc.assert(
      fc.property(seeds, effects, fc.boolean(), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (seed, eff, clustered, shift) => {
        const panel = randomPanel(seed);
        const base = fitPanel(panel, spec(panel, eff, clustered));
        const moved = fitPanel(withY(panel, (y) => y + shift), spec(panel, eff, clustered));
        expectSameSlopes(base, moved);
        if (eff === 'none') close(moved.coefficients[0]!.estimate, base.coefficients[0]!.estimate + shift);
      }),
      { numRuns: 60 },
    );
  });

  it('permuting rows leaves every estimate, error and statistic unchanged', () => {
    fc.assert(
      fc.property(seeds, effects, fc.boolean(), fc.integer(), (seed, eff, clustered, order) => {
        const panel = randomPanel(seed);
        const rng = seedrandom(`perm-${order}`);
        const rows = panel.entity.map((_, i) => [rng(), i] as const).sort(([a], [b]) => a - b).map(([, i]) => i);
        const shuffled = subsetPanel(panel, rows);
        const a = fitPanel(panel, spec(panel, eff, clustered));
        const b = fitPanel(shuffled, spec(shuffled, eff, clustered));
        a.coefficients.forEach((c, j) => {
          close(c.estimate, b.coefficients[j]!.estimate);
          close(c.stdError, b.coefficients[j]!.stdError);
        });
        close(a.r2, b.r2);
        close(a.f.value, b.f.value);
        expect(b.dfResid).toBe(a.dfResid);
      }),
      { numRuns: 60 },
    );
  });

  it('entity FE estimates ignore entity-specific constants added to y; two-way FE also ignore period constants', () => {
    fc.assert(
      fc.property(seeds, fc.constantFrom<Effects>('entity', 'twoways'), fc.boolean(), fc.array(fc.double({ min: -500, max: 500, noNaN: true }), { minLength: 6, maxLength: 6 }), (seed, eff, clustered, shifts) => {
        const panel = randomPanel(seed);
        const byEntity = withY(panel, (y, i) => y + shifts[Number(panel.entity[i]!.slice(1))]!);
        const byBoth = eff === 'twoways' ? withY(byEntity, (y, i) => y + 3 * shifts[Number(panel.time[i]) - 1990]!) : byEntity;
        expectSameSlopes(fitPanel(panel, spec(panel, eff, clustered)), fitPanel(byBoth, spec(panel, eff, clustered)));
      }),
      { numRuns: 60 },
    );
  });

  it('…but pooled OLS slopes do move when entity constants correlated with x are added (the property can fail)', () => {
    const panel = randomPanel(7);
    const meanX1 = new Map<string, number>();
    panel.entity.forEach((e, i) => meanX1.set(e, (meanX1.get(e) ?? 0) + panel.vars.x1![i]!));
    const shifted = withY(panel, (y, i) => y + 10 * meanX1.get(panel.entity[i]!)!);
    const a = fitPanel(panel, spec(panel, 'none', false)).coefficients[1]!.estimate;
    const b = fitPanel(shifted, spec(panel, 'none', false)).coefficients[1]!.estimate;
    expect(Math.abs(a - b)).toBeGreaterThan(0.1);
  });
});
