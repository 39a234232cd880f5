import { describe, expect, it } from 'vitest';
import { morrisIndices, sobolIndices, sobolIndicesFromDesign } from '../src/analysis/sensitivity/index.js';
import { morrisDesign, saltelliDesign, type ParamSpec } from '../src/experiment/designs/index.js';
import { UserError } from '../src/errors.js';

/** Ishigami & Homma (1990) test function on [−π, π]^3. */
const A = 7;
const B = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1!) + A * Math.sin(x2!) ** 2 + B * x3! ** 4 * Math.sin(x1!);

/** Analytic variance decomposition of the Ishigami function. */
function ishigamiTruth() {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = (8 * B ** 2 * pi4 ** 2) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

const ishigamiParams: ParamSpec[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI }));

describe('Sobol indices on the Ishigami function', () => {
  const truth = ishigamiTruth();
  const N = 2 ** 13;
  const design = saltelliDesign(ishigamiParams, { n: N });
  const y = design.rows.map(ishigami);
  const res = sobolIndices(y, 3, N, { bootstrap: 1000, seed: 11 });

  it('uses the published analytic values', () => {
    expect(truth.S1.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(truth.ST.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  // Tolerance: the bootstrap (i.e. plain Monte Carlo) standard error of these
  // estimators at N = 2^13 is about 0.005–0.015 (asserted below through the
  // interval widths); ±0.03 is 2–6 such errors, and the quasi-random Sobol
  // base sample converges faster than Monte Carlo, so a correct estimator
  // passes with a wide margin while a wrong formula (e.g. a missing factor 2
  // in Jansen's ST, or S1 divided by the wrong variance) misses by far more.
  it('estimates S1 (Saltelli 2010) and ST (Jansen 1999) within ±0.03', () => {
    res.S1.forEach((e, i) => expect(Math.abs(e.value - truth.S1[i]!), `S1 x${i + 1} = ${e.value}`).toBeLessThan(0.03));
    res.ST.forEach((e, i) => expect(Math.abs(e.value - truth.ST[i]!), `ST x${i + 1} = ${e.value}`).toBeLessThan(0.03));
  });

  it('gives 95% bootstrap intervals that contain the truth and are reasonably tight', () => {
    for (const [key, est] of [['S1', res.S1], ['ST', res.ST]] as const)
      est.forEach((e, i) => {
        const t = truth[key][i]!;
        expect(e.low, `${key} x${i + 1}`).toBeLessThanOrEqual(t);
        expect(e.high, `${key} x${i + 1}`).toBeGreaterThanOrEqual(t);
        expect(e.low).toBeLessThanOrEqual(e.value);
        expect(e.high).toBeGreaterThanOrEqual(e.value);
        expect(e.high - e.low).toBeLessThan(0.08);
      });
  });

  it('is deterministic for a bootstrap seed', () => {
    const again = sobolIndices(y, 3, N, { bootstrap: 1000, seed: 11 });
    expect(again).toEqual(res);
    expect(sobolIndices(y, 3, N, { bootstrap: 200, seed: 12 }).S1[0]!.low).not.toBe(res.S1[0]!.low);
  });

  it('reads a design whose rows were shuffled, and checks its radial structure', () => {
    const small = saltelliDesign(ishigamiParams, { n: 256 });
    const ys = small.rows.map(ishigami);
    const order = small.rows.map((_, r) => r).reverse();
    const shuffled = { ...small, rows: order.map((r) => small.rows[r]!), block: order.map((r) => small.block[r]!), step: order.map((r) => small.step[r]!) };
    const direct = sobolIndices(ys, 3, 256, { bootstrap: 0 });
    expect(sobolIndicesFromDesign(shuffled, order.map((r) => ys[r]!), { bootstrap: 0 })).toEqual(direct);
    const broken = { ...small, rows: small.rows.map((row, r) => (r === 2 ? [row[0]! + 1, row[1]!, row[2]!] : row)) };
    expect(() => sobolIndicesFromDesign(broken, ys)).toThrow(/block 0, step 2 should equal step 0/);
    expect(() => sobolIndicesFromDesign(small, ys.slice(1))).toThrow(UserError);
  });

  it('rejects a design of the wrong method', () => {
    const m = morrisDesign(ishigamiParams, { r: 4, seed: 1 });
    expect(() => sobolIndicesFromDesign(m, m.rows.map(ishigami))).toThrow(/morris design/);
  });
});

describe('Morris screening', () => {
  const linParams: ParamSpec[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -2, max: 2 },
    { name: 'c', min: 10, max: 20 },
    { name: 'd', min: 0, max: 5 },
  ];
  const c = [3, -1.5, 0.2, 0];

  it('recovers μ* = |c_i|·range and σ = 0 for a linear function', () => {
    const design = morrisDesign(linParams, { r: 20, seed: 5 });
    const y = design.rows.map((x) => x.reduce((s, xi, i) => s + c[i]! * xi, 0));
    const res = morrisIndices(design, y, { bootstrap: 200, seed: 1 });
    linParams.forEach((p, i) => {
      const expected = Math.abs(c[i]!) * (p.max - p.min);
      expect(res.muStar[i]!.value).toBeCloseTo(expected, 9);
      expect(res.mu[i]).toBeCloseTo(c[i]! * (p.max - p.min), 9);
      expect(res.sigma[i]).toBeLessThan(1e-9);
      expect(res.muStar[i]!.low).toBeCloseTo(expected, 9);
    });
    expect(res.r).toBe(20);
  });

  it('gives σ > 0 for interacting inputs and σ ≈ 0 for an additive one', () => {
    const unit: ParamSpec[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: 0, max: 1 }));
    const design = morrisDesign(unit, { r: 30, seed: 2 });
    const res = morrisIndices(design, design.rows.map(([x1, x2, x3]) => 4 * x1! * x2! + x3!));
    expect(res.sigma[0]).toBeGreaterThan(0.5);
    expect(res.sigma[1]).toBeGreaterThan(0.5);
    expect(res.sigma[2]).toBeLessThan(1e-9);
    expect(res.muStar[2]!.value).toBeCloseTo(1, 9);
    expect(res.muStar[0]!.low).toBeLessThan(res.muStar[0]!.value);
    expect(res.muStar[0]!.high).toBeGreaterThan(res.muStar[0]!.value);
  });

  it('rejects a trajectory with a missing step', () => {
    const design = morrisDesign(linParams, { r: 3, seed: 5 });
    const cut = { ...design, rows: design.rows.slice(1), trajectory: design.trajectory.slice(1), step: design.step.slice(1), moved: design.moved.slice(1), delta: design.delta.slice(1) };
    expect(() => morrisIndices(cut, cut.rows.map(() => 1))).toThrow(/trajectory 0 has no step 0/);
  });
});
