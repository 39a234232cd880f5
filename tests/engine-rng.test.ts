import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, RngStreams } from '../src/engine/rng.js';
import { Scheduler, phase } from '../src/engine/scheduler.js';
import { checkInvariants, InvariantViolation } from '../src/engine/invariants.js';

const draws = (seed: number, name: string, n = 5) => {
  const r = createRng(seed, name);
  return Array.from({ length: n }, () => r.uniform());
};

describe('named random streams', () => {
  it('give the same numbers for the same (seed, name) and different ones otherwise', () => {
    expect(draws(7, 'matching')).toEqual(draws(7, 'matching'));
    expect(draws(7, 'matching')).not.toEqual(draws(8, 'matching'));
    expect(draws(7, 'matching')).not.toEqual(draws(7, 'entry'));
  });

  it('are independent of the order in which streams are first used', () => {
    const a = new RngStreams(3);
    a.get('entry').uniform();
    const b = new RngStreams(3);
    expect(a.get('matching').uniform()).toBe(b.get('matching').uniform());
  });

  it('draw Poisson counts with the right mean and variance, small and large means', () => {
    for (const lambda of [0.3, 4, 11.9, 12, 50, 2000]) {
      const r = createRng(1, `poisson-${lambda}`);
      const n = 20000;
      let s = 0;
      let ss = 0;
      for (let k = 0; k < n; k++) {
        const x = r.poisson(lambda);
        expect(Number.isInteger(x) && x >= 0).toBe(true);
        s += x;
        ss += x * x;
      }
      const mean = s / n;
      const variance = ss / n - mean * mean;
      const se = Math.sqrt(lambda / n);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * se);
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.06);
    }
  });

  it('draw standard normals: mean 0, variance 1, normal tails, and the two of a pair uncorrelated', () => {
    const r = createRng(3, 'demand');
    const n = 40000;
    const z = new Float64Array(n);
    r.fillNormal(z);
    let s = 0;
    let ss = 0;
    let tail = 0;
    let cross = 0;
    for (let k = 0; k < n; k++) {
      s += z[k]!;
      ss += z[k]! * z[k]!;
      if (Math.abs(z[k]!) > 1.959964) tail++;
      if (k % 2 === 1) cross += z[k - 1]! * z[k]!;
    }
    expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(ss / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(tail / n - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
    expect(Math.abs(cross / (n / 2))).toBeLessThan(4 / Math.sqrt(n / 2));
  });

  it('fill a buffer with the very normals that one-at-a-time draws give, and go on from there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 40 }), (seed, n) => {
        const one = createRng(seed, 'demand');
        const batch = createRng(seed, 'demand');
        const expected = Array.from({ length: n }, () => one.normal());
        const out = new Float64Array(n);
        batch.fillNormal(out);
        expect(Array.from(out)).toEqual(expected);
        expect(batch.uniform()).toBe(one.uniform());
      }),
      { numRuns: 50 },
    );
  });

  it('keep Pareto draws at or above the minimum and Beta draws in [0,1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 1.1, max: 10, noNaN: true }), (seed, shape) => {
        const r = createRng(seed, 'x');
        for (let k = 0; k < 50; k++) {
          expect(r.pareto(shape)).toBeGreaterThanOrEqual(1);
          const b = r.beta(shape, 2);
          expect(b >= 0 && b <= 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('scheduler and invariants', () => {
  it('runs phases in order and checks invariants after each', () => {
    const seen: string[] = [];
    const s = new Scheduler<{ x: number }>([phase('a', (w) => (w.x += 1)), phase('b', (w) => (w.x *= 10))]);
    const world = { x: 1 };
    s.step(world, (name, w) => seen.push(`${name}:${w.x}`));
    expect(seen).toEqual(['a:2', 'b:20']);
    expect(() => checkInvariants(world, 'b', [{ name: 'small', check: (w) => (w.x < 10 ? null : `x is ${w.x}`) }])).toThrow(InvariantViolation);
  });
});
