import { describe, expect, it } from 'vitest';
import { discover } from '../src/analysis/discovery/discover.js';
import { binomialUpperTail, defaultBox, peelQuantile, prim, quasiPValues, type BoxLimit, type PrimInput } from '../src/analysis/discovery/index.js';
import { createRng } from '../src/engine/rng.js';
import { UserError } from '../src/errors.js';

/**
 * 2,000 runs uniform on [0, 1]⁴; a run is a case of interest with probability
 * 0.9 inside the box x0 ∈ [0.2, 0.6], x1 ∈ [0.3, 0.8] and 0.05 outside it.
 * x2 and x3 play no part.
 */
function knownBox(seed: number, n = 2000): PrimInput {
  const rng = createRng(seed, 'prim-known-box');
  const cols = [0, 1, 2, 3].map(() => new Float64Array(n));
  const interest: boolean[] = [];
  for (let i = 0; i < n; i++) {
    for (const c of cols) c[i] = rng.uniform();
    const inside = cols[0]![i]! >= 0.2 && cols[0]![i]! <= 0.6 && cols[1]![i]! >= 0.3 && cols[1]![i]! <= 0.8;
    interest.push(rng.uniform() < (inside ? 0.9 : 0.05));
  }
  return { dims: cols.map((values, j) => ({ kind: 'numeric' as const, name: `x${j}`, values })), interest };
}

const TRUE_BOX = [
  [0.2, 0.6],
  [0.3, 0.8],
];
/** How far the recovered limits of x0 and x1 may lie from the true ones. */
const TOLERANCE = 0.05;

const interval = (l: BoxLimit) => {
  if (l.kind !== 'numeric') throw new Error('expected a numeric limit');
  return [l.lower, l.upper];
};

describe('PRIM finds a box planted in the data', () => {
  const data = knownBox(11);
  const r = prim(data);
  const chosen = defaultBox(r, 0.8);
  const box = r.boxes[chosen.index]!;

  it(`recovers the box's limits within ${TOLERANCE}`, () => {
    expect(chosen.reached).toBe(true);
    TRUE_BOX.forEach(([lo, hi], j) => {
      const [lower, upper] = interval(box.limits[j]!);
      expect(Math.abs(lower! - lo!)).toBeLessThan(TOLERANCE);
      expect(Math.abs(upper! - hi!)).toBeLessThan(TOLERANCE);
    });
  });

  it('leaves the inputs that play no part unrestricted', () => {
    expect(box.restricted).toBe(2);
    for (const j of [2, 3]) expect(box.limits[j]).toEqual(r.init[j]);
  });

  it('gives the restricted inputs small quasi-p-values, per input and per limit', () => {
    const qps = quasiPValues(data, r, chosen.index);
    expect(qps.map((q) => q.name)).toEqual(['x0', 'x1']);
    for (const q of qps) {
      expect(q.qp).toBeLessThan(1e-10);
      expect(q.qpLower).toBeLessThan(1e-10);
      expect(q.qpUpper).toBeLessThan(1e-10);
    }
  });

  it(`finds it whatever the draw: over 40 draws, 90% within ${TOLERANCE}, all within 1.5 × that, only x0 and x1 restricted`, () => {
    const errors: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const s = prim(knownBox(seed));
      const b = s.boxes[defaultBox(s, 0.8).index]!;
      errors.push(Math.max(...TRUE_BOX.flatMap(([lo, hi], j) => interval(b.limits[j]!).map((v, k) => Math.abs(v! - [lo!, hi!][k]!)))));
      expect(b.restricted, `seed ${seed}`).toBe(2);
    }
    expect(errors.filter((e) => e < TOLERANCE).length).toBeGreaterThanOrEqual(36);
    expect(Math.max(...errors)).toBeLessThan(1.5 * TOLERANCE);
  });

  it('trades coverage for density box by box, never below the minimum mass', () => {
    expect(r.boxes[0]).toMatchObject({ step: 'start', coverage: 1, mass: 1, restricted: 0, runs: 2000 });
    expect(r.boxes.length).toBeGreaterThan(10);
    r.boxes.slice(1).forEach((b, k) => {
      const before = r.boxes[k]!;
      expect(b.density).toBeGreaterThan(before.density);
      if (b.step === 'peel') expect(b.coverage).toBeLessThanOrEqual(before.coverage);
      expect(b.mass).toBeGreaterThanOrEqual(r.options.massMin);
      expect(b.cases / b.runs).toBeCloseTo(b.density, 12);
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(prim(knownBox(11)).boxes.map((b) => b.limits))).toBe(JSON.stringify(r.boxes.map((b) => b.limits)));
  });

  it('the first box to reach a density is the one with the most coverage there', () => {
    const at = (d: number) => r.boxes[defaultBox(r, d).index]!;
    expect(at(0.8).density).toBeGreaterThanOrEqual(0.8);
    expect(r.boxes[at(0.8).index - 1]!.density).toBeLessThan(0.8);
    expect(at(0).index).toBe(0);
    expect(defaultBox(r, 0.99)).toEqual({ index: r.boxes.length - 1, reached: false });
  });
});

describe('PRIM on grid levels and categories', () => {
  it('peels a factor with few levels a whole level at a time', () => {
    expect(peelQuantile([0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.15, 0.15, 0.15], 0.05)).toBeCloseTo(0.075, 12);
    expect(peelQuantile([0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.15, 0.15, 0.15], 0.95)).toBeCloseTo(0.125, 12);
    expect(peelQuantile([1, 2, 3, 4, 5], 0.5)).toBe(3.5);
  });

  it('keeps the categories where the cases are, and a grid level cut', () => {
    const rng = createRng(3, 'prim-categories');
    const labels = ['a', 'b', 'c', 'd'];
    const levels = [0.1, 0.2, 0.3, 0.4];
    const n = 1200;
    const cat: string[] = [];
    const grid: number[] = [];
    const noise: number[] = [];
    const interest: boolean[] = [];
    for (let i = 0; i < n; i++) {
      cat.push(labels[i % 4]!);
      grid.push(levels[Math.floor(i / 4) % 4]!);
      noise.push(rng.uniform());
      const inside = (cat[i] === 'a' || cat[i] === 'c') && grid[i]! <= 0.2;
      interest.push(rng.uniform() < (inside ? 0.95 : 0.03));
    }
    const data: PrimInput = {
      dims: [
        { kind: 'categorical', name: 'kind', values: cat },
        { kind: 'numeric', name: 'level', values: grid },
        { kind: 'numeric', name: 'noise', values: noise },
      ],
      interest,
    };
    const r = prim(data);
    const b = r.boxes[defaultBox(r, 0.8).index]!;
    expect(b.limits[0]).toEqual({ kind: 'categorical', categories: ['a', 'c'] });
    expect(interval(b.limits[1]!)).toEqual([0.1, 0.25]);
    expect(b.limits[2]).toEqual(r.init[2]);
    const qps = quasiPValues(data, r, b.index);
    expect(qps.map((q) => q.name)).toEqual(['kind', 'level']);
    expect(Math.max(...qps.map((q) => q.qp))).toBeLessThan(1e-10);
    expect(qps[0]!.qpLower).toBeUndefined();
  });
});

describe('the binomial test behind the quasi-p-values', () => {
  it('is the upper tail of the binomial distribution', () => {
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(0.5, 14);
    expect(binomialUpperTail(5, 5, 0.5)).toBeCloseTo(1 / 32, 14);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    // P(X ≥ 2), X ~ Bin(10, 0.1) = 1 − 0.9^10 − 10 · 0.1 · 0.9^9
    expect(binomialUpperTail(2, 10, 0.1)).toBeCloseTo(1 - 0.9 ** 10 - 0.9 ** 9, 14);
    // Exact values from integer arithmetic: Σ C(n, j) p^j (1 − p)^(n − j).
    expect(binomialUpperTail(20, 50, 0.25)).toBeCloseTo(0.013917608678660666, 14);
    // A far tail keeps its relative precision instead of rounding to 0.
    expect(Math.abs(binomialUpperTail(900, 1000, 0.5) / 6.701717790006296e-162 - 1)).toBeLessThan(1e-9);
  });
});

describe('discover: runs judged against a threshold', () => {
  const runs = {
    factors: [{ name: 'fee', values: [0.1, 0.2, 0.3, 0.4] }],
    values: [0.1, 0.5, NaN, 0.9],
  };
  it('leaves out runs without a value and counts strictly below or above', () => {
    const d = discover(runs, { metric: 'm', direction: 'below', threshold: 0.5 });
    expect([d.runs, d.missing, d.cases]).toEqual([3, 1, 1]);
    expect(discover(runs, { metric: 'm', direction: 'above', threshold: 0.5 }).cases).toBe(1);
  });

  it('says so when no run or every run is of interest', () => {
    expect(() => discover(runs, { metric: 'm', direction: 'below', threshold: 0.1 })).toThrow(new UserError('no run has m below 0.1: m runs from 0.1 to 0.9 over the 3 runs'));
    expect(() => discover(runs, { metric: 'm', direction: 'above', threshold: 0 })).toThrow(/^every run has m above 0/);
    expect(() => discover(runs, { metric: 'm', direction: 'above', threshold: 0.5 }, { box: 7 })).toThrow(/--box must be a box on the trajectory, 0 to \d+, got 7/);
    expect(() => discover(runs, { metric: 'm', direction: 'above', threshold: 0.5 }, { peelAlpha: 1.5 })).toThrow(/--peel-alpha must lie strictly between 0 and 1/);
  });
});
