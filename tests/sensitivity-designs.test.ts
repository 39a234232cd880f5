import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gridDesign,
  lhsDesign,
  lhsUnit,
  makeRng,
  MAX_SOBOL_DIMS,
  morrisDesign,
  morrisDelta,
  saltelliDesign,
  scaleUnit,
  sobolPoints,
  type ParamSpec,
} from '../src/experiment/designs/index.js';
import { UserError } from '../src/errors.js';

describe('Sobol sequence (Joe & Kuo 2008 direction numbers)', () => {
  it('matches the published first 8 points of dimensions 1–3', () => {
    // Output of Joe & Kuo's sobol.cc with new-joe-kuo-6.21201, point 0 included.
    expect(sobolPoints(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('continues exactly where a skip starts', () => {
    expect(sobolPoints(5, 7, 11)).toEqual(sobolPoints(16, 7).slice(11));
  });

  it('puts one point in each dyadic interval of every dimension (each 1-D projection is a (0,m,1)-net)', () => {
    const m = 10;
    const pts = sobolPoints(2 ** m, MAX_SOBOL_DIMS);
    for (let j = 0; j < MAX_SOBOL_DIMS; j++) {
      const cells = new Set(pts.map((p) => Math.floor(p[j]! * 2 ** m)));
      expect(cells.size, `dimension ${j + 1}`).toBe(2 ** m);
    }
  });

  it('makes 2-D projections balanced: 4 points per cell of a 16×16 grid in 1024 points', () => {
    // A weak t-value check that catches a mistyped direction-number row.
    const pts = sobolPoints(1024, MAX_SOBOL_DIMS);
    for (const [a, b] of [[0, 1], [2, 3], [10, 11], [48, 49]] as const) {
      const counts = new Map<number, number>();
      for (const p of pts) {
        const key = Math.floor(p[a]! * 16) * 16 + Math.floor(p[b]! * 16);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(Math.max(...counts.values()) / Math.min(...counts.values()), `dims ${a + 1},${b + 1}`).toBeLessThanOrEqual(4);
    }
  });
});

describe('Latin hypercube', () => {
  it('has exactly one point per stratum in every column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (n, d, seed) => {
        const rows = lhsUnit(n, d, makeRng(seed));
        for (let j = 0; j < d; j++) {
          const strata = rows.map((r) => Math.floor(r[j]! * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        }
      }),
    );
  });
});

const params: ParamSpec[] = [
  { name: 'fee', min: 0.01, max: 0.3 },
  { name: 'firms', min: 10, max: 5000, log: true, integer: true },
  { name: 'cost', min: 0.001, max: 10, log: true },
];

describe('determinism', () => {
  it('gives the same design for a seed and a different one for another seed', () => {
    expect(lhsDesign(params, { n: 20, seed: 7 })).toEqual(lhsDesign(params, { n: 20, seed: 7 }));
    expect(lhsDesign(params, { n: 20, seed: 7 }).rows).not.toEqual(lhsDesign(params, { n: 20, seed: 8 }).rows);
    expect(morrisDesign(params, { r: 10, seed: 3 })).toEqual(morrisDesign(params, { r: 10, seed: 3 }));
    expect(morrisDesign(params, { r: 10, seed: 3 }).rows).not.toEqual(morrisDesign(params, { r: 10, seed: 4 }).rows);
  });
});

describe('scaling to parameter ranges', () => {
  const spec = fc
    .record({ lo: fc.double({ min: 1e-6, max: 1e3, noNaN: true }), width: fc.double({ min: 1e-3, max: 1e4, noNaN: true }), log: fc.boolean() })
    .map(({ lo, width, log }): ParamSpec => ({ name: 'p', min: lo, max: lo + width, log }));
  const intSpec = fc
    .record({ lo: fc.integer({ min: 1, max: 1000 }), width: fc.integer({ min: 1, max: 10_000 }), log: fc.boolean() })
    .map(({ lo, width, log }): ParamSpec => ({ name: 'k', min: lo, max: lo + width, log, integer: true }));
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  it('keeps continuous (linear or log) values within [min, max]', () => {
    fc.assert(fc.property(spec, unit, (p, u) => {
      const x = scaleUnit(p, u);
      expect(x).toBeGreaterThanOrEqual(p.min);
      expect(x).toBeLessThanOrEqual(p.max);
    }));
  });

  it('keeps integer values integral and within [min, max], reaching both ends', () => {
    fc.assert(fc.property(intSpec, unit, (p, u) => {
      const x = scaleUnit(p, u);
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(p.min);
      expect(x).toBeLessThanOrEqual(p.max);
      expect(scaleUnit(p, 0)).toBe(p.min);
      expect(scaleUnit(p, 1)).toBe(p.max);
    }));
  });

  it('places log-scale samples evenly in log space', () => {
    const p: ParamSpec = { name: 'c', min: 0.001, max: 10, log: true };
    expect(scaleUnit(p, 0.25)).toBeCloseTo(0.01, 12);
    expect(scaleUnit(p, 0.75)).toBeCloseTo(1, 12);
  });

  it('keeps every design within bounds', () => {
    for (const d of [lhsDesign(params, { n: 200, seed: 1 }), saltelliDesign(params, { n: 64 }), morrisDesign(params, { r: 30, seed: 1 })])
      for (const row of d.rows)
        row.forEach((x, j) => {
          expect(x).toBeGreaterThanOrEqual(params[j]!.min);
          expect(x).toBeLessThanOrEqual(params[j]!.max);
        });
  });
});

describe('grid', () => {
  it('is a full factorial with the last parameter fastest, explicit levels and deduplicated integers', () => {
    const g = gridDesign(
      [
        { name: 'a', min: 0, max: 1 },
        { name: 'b', min: 1, max: 2, integer: true },
        { name: 'c', min: 0, max: 9, levels: [1, 5] },
      ],
      { levels: 3 },
    );
    expect(g.rows.length).toBe(3 * 2 * 2);
    expect(g.rows.slice(0, 4)).toEqual([[0, 1, 1], [0, 1, 5], [0, 2, 1], [0, 2, 5]]);
    expect(new Set(g.rows.map((r) => r[0]))).toEqual(new Set([0, 0.5, 1]));
  });

  it('refuses grids that are too large', () => {
    const many = Array.from({ length: 8 }, (_, i): ParamSpec => ({ name: `p${i}`, min: 0, max: 1 }));
    expect(() => gridDesign(many, { levels: 10 })).toThrow(UserError);
  });
});

describe('Saltelli design', () => {
  it('has N(D+2) rows in blocks A, A_B^(1..D), B', () => {
    const d = saltelliDesign(params, { n: 16 });
    const D = params.length;
    expect(d.rows.length).toBe(16 * (D + 2));
    for (let j = 0; j < 16; j++) {
      const block = d.rows.slice(j * (D + 2), (j + 1) * (D + 2));
      expect(d.step.slice(j * (D + 2), (j + 1) * (D + 2))).toEqual([0, 1, 2, 3, 4]);
      for (let i = 0; i < D; i++) expect(block[i + 1]).toEqual(block[0]!.map((x, k) => (k === i ? block[D + 1]![k] : x)));
    }
  });

  it('refuses more parameters than the direction numbers cover', () => {
    const many = Array.from({ length: 26 }, (_, i): ParamSpec => ({ name: `p${i}`, min: 0, max: 1 }));
    expect(() => saltelliDesign(many, { n: 8 })).toThrow(/up to 25 parameters/);
  });
});

describe('Morris design', () => {
  it('moves one parameter per step by ±Δ on the p-level grid', () => {
    const unitParams = params.map((p) => ({ name: p.name, min: 0, max: 1 }));
    const d = morrisDesign(unitParams, { r: 25, levels: 6, seed: 9 });
    const delta = morrisDelta(6);
    expect(delta).toBeCloseTo(0.6, 12);
    for (let r = 0; r < d.rows.length; r++) {
      for (const x of d.rows[r]!) expect(Math.abs(x * 5 - Math.round(x * 5))).toBeLessThan(1e-9);
      if (d.step[r] === 0) continue;
      const i = d.moved[r]!;
      expect(d.rows[r]![i]! - d.rows[r - 1]![i]!).toBeCloseTo(d.delta[r]!, 12);
      expect(Math.abs(d.delta[r]!)).toBeCloseTo(delta, 12);
    }
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisDesign(params, { r: 4, levels: 5, seed: 1 })).toThrow(/even/);
  });
});
