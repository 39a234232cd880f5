import { describe, expect, it } from 'vitest';
import { mediation, mediationVerdict } from '../src/analysis/panel/mediation.js';
import type { Coefficient } from '../src/analysis/panel/types.js';

/** The estimate lies within four standard errors of the truth. */
function expectNear(c: Coefficient, truth: number): void {
  expect(Math.abs(c.estimate - truth)).toBeLessThan(4 * c.stdError);
}
import { normalSampler, syntheticPanel } from './panel-fixtures.js';

/**
 * Synthetic panels (40 entities × 10 periods, seeded) with known paths:
 *   m = 0.8·x + α_i + e_m,   y = b·m + c'·x + α_i + e_y,   e ~ N(0, 1).
 */
function simulate(seed: string, direct: number, aPath = 0.8) {
  const z = normalSampler(seed);
  const alpha = Array.from({ length: 40 }, () => 2 * z());
  return syntheticPanel(40, 10, (e) => {
    const x = z() + alpha[e]!;
    const m = aPath * x + alpha[e]! + z();
    return { x, m, y: 0.5 * m + direct * x + alpha[e]! + z() };
  });
}

describe('three-step mediation', () => {
  it('detects full mediation when x acts only through m', () => {
    const r = mediation(simulate('full', 0), { x: 'x', m: 'm', y: 'y', effects: 'entity' });
    expect(r.verdict).toBe('full');
    expectNear(r.a, 0.8);
    expectNear(r.b, 0.5);
    expectNear(r.direct, 0);
    expect(r.direct.p).toBeGreaterThan(0.05);
    expect(Math.abs(r.indirect - 0.4)).toBeLessThan(4 * r.sobel.stdError);
    expect(r.sobel.p).toBeLessThan(1e-6);
  });

  it('detects partial mediation when x also has a direct effect', () => {
    const r = mediation(simulate('partial', 0.4), { x: 'x', m: 'm', y: 'y', effects: 'entity' });
    expect(r.verdict).toBe('partial');
    expectNear(r.direct, 0.4);
    expectNear(r.total, 0.8);
    expect(r.mediatedShare).toBeGreaterThan(0.3);
    expect(r.mediatedShare).toBeLessThan(0.7);
  });

  it('finds no mediation when x does not move m', () => {
    const r = mediation(simulate('none', 0.4, 0), { x: 'x', m: 'm', y: 'y', effects: 'entity' });
    expect(r.verdict).toBe('none');
    expect(r.a.p).toBeGreaterThan(0.05);
  });

  it('computes the Sobel statistic from the step estimates, with c = c′ + a·b', () => {
    const r = mediation(simulate('sobel', 0.2), { x: 'x', m: 'm', y: 'y', effects: 'twoways', cluster: undefined });
    const { a, b } = r;
    const se = Math.sqrt(b.estimate ** 2 * a.stdError ** 2 + a.estimate ** 2 * b.stdError ** 2);
    expect(r.sobel.stdError).toBeCloseTo(se, 14);
    expect(r.sobel.z).toBeCloseTo((a.estimate * b.estimate) / se, 12);
    expect(r.total.estimate).toBeCloseTo(r.direct.estimate + r.indirect, 10);
  });

  it('uses the same estimator and clustering in all three steps', () => {
    const panel = simulate('cluster', 0.3);
    const r = mediation(panel, { x: 'x', m: 'm', y: 'y', effects: 'entity', cluster: { name: 'entity', labels: panel.entity } });
    for (const f of [r.fits.total, r.fits.mediator, r.fits.outcome]) {
      expect(f.effects).toBe('entity');
      expect(f.cluster).toBe('entity');
      expect(f.dfTest).toBe(39);
    }
  });

  it('verdict rules follow Baron & Kenny as specified', () => {
    const c = (p: number): Coefficient => ({ name: 'v', estimate: 1, stdError: 1, t: 1, p });
    expect(mediationVerdict(c(0.01), c(0.01), c(0.01), c(0.5), 0.05)).toBe('full');
    expect(mediationVerdict(c(0.01), c(0.01), c(0.01), c(0.01), 0.05)).toBe('partial');
    expect(mediationVerdict(c(0.01), c(0.2), c(0.01), c(0.01), 0.05)).toBe('none');
    expect(mediationVerdict(c(0.01), c(0.01), c(0.2), c(0.5), 0.05)).toBe('none');
    expect(mediationVerdict(c(0.3), c(0.01), c(0.01), c(0.01), 0.05)).toBe('none');
  });
});
