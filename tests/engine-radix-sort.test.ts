/**
 * The radix sort behind the sales Gini puts numbers in the order a comparison
 * sort does, whatever their signs, magnitudes and repeats; the radix selection
 * behind the digital median picks the number that order puts at a rank.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSelect, radixSort } from '../src/engine/radix-sort.js';

/** Equal as numbers, position by position (−0 and +0 may trade places; no sum can tell them apart). */
const sameNumbers = (a: Float64Array, b: Float64Array) => expect(Array.from(a, (x) => x + 0)).toEqual(Array.from(b, (x) => x + 0));

describe('radixSort', () => {
  it('sorts like Float64Array.prototype.sort: any finite or infinite numbers, repeats, both zeros', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, Infinity, -Infinity),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      // Long enough for the radix passes, not only the comparison sort small arrays get.
      fc.property(fc.array(value, { minLength: 900, maxLength: 3000 }), (xs) => {
        const a = Float64Array.from(xs);
        radixSort(a, a.length, new Float64Array(a.length));
        sameNumbers(a, Float64Array.from(xs).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('sorts only the first n values and leaves the rest where they were', () => {
    for (const n of [4, 2000]) {
      const xs = Float64Array.from({ length: n + 3 }, (_, k) => (k * 37) % 101);
      const a = xs.slice();
      radixSort(a, n, new Float64Array(n));
      sameNumbers(a.subarray(0, n), xs.slice(0, n).sort());
      expect(Array.from(a.subarray(n))).toEqual(Array.from(xs.subarray(n)));
    }
  });

  it('sorts sales-like numbers (one exponent range, random mantissas) at scale', () => {
    const xs = Float64Array.from({ length: 20000 }, (_, k) => ((k * 7919) % 10007) * 13.37 + (k % 3 === 0 ? 0 : 1e-3 * k));
    const a = xs.slice();
    radixSort(a, a.length, new Float64Array(a.length));
    sameNumbers(a, xs.slice().sort());
  });
});

describe('radixSelect', () => {
  const value = fc.oneof(
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -0, 0.5, 1, -1, Number.MIN_VALUE, Number.MAX_VALUE, Infinity, -Infinity),
    fc.double({ min: 0, max: 1, noNaN: true }), // capability-like: one exponent range, many per bucket
  );

  it('picks the value the sorted order has at every rank, and leaves the values as they were', () => {
    fc.assert(
      // Below 20,000 values it selects on a copy, so both ways are drawn; many ranks, so bucket edges are hit.
      fc.property(fc.oneof(fc.array(value, { minLength: 20000, maxLength: 20500 }), fc.array(value, { minLength: 1, maxLength: 50 })), (xs) => {
        const a = Float64Array.from(xs);
        const sorted = Float64Array.from(xs).sort();
        const spare = new Float64Array(a.length);
        const step = Math.max(1, Math.floor(a.length / 400));
        for (let k = 0; k < a.length; k += step) expect(radixSelect(a, a.length, k, spare) + 0).toBe(sorted[k]! + 0);
        expect(Array.from(a)).toEqual(xs);
      }),
      { numRuns: 40 },
    );
  });

  it('selects among the first n values only', () => {
    for (const n of [2000, 30000]) {
      const xs = Float64Array.from({ length: n + 3 }, (_, k) => ((k * 37) % 101) / 7);
      xs.fill(-5, n); // the three values after n are smaller than any before
      expect(radixSelect(xs, n, 0, new Float64Array(n))).toBe(0);
      expect(radixSelect(xs, n, n >> 1, new Float64Array(n))).toBe(xs.slice(0, n).sort()[n >> 1]);
    }
  });
});
