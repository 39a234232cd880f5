import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDoubleFields } from '../src/engine/double-fields.js';

describe('withDoubleFields', () => {
  it('returns the same object with every field’s value unchanged (numbers of any kind, and others)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.integer(), fc.constant(-0), fc.boolean(), fc.string())), (record) => {
        const o = { ...record };
        expect(withDoubleFields(o)).toBe(o);
        expect(Object.keys(o)).toEqual(Object.keys(record));
        for (const k of Object.keys(record)) expect(Object.is(o[k], record[k])).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
