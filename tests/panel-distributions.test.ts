import { describe, expect, it } from 'vitest';
import { fUpperTail, lnGamma, normalTwoSided, regularizedBeta, studentTTwoSided } from '../src/analysis/distributions.js';

// Reference values from scipy 1.17 (stats.t.sf, stats.f.sf, special.betainc, stats.norm.sf).
describe('distributions', () => {
  it('regularized incomplete beta matches known values', () => {
    expect(regularizedBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 12); // exact: 1 − (0.6⁴ + 4·0.4·0.6³)
    expect(regularizedBeta(0.3, 0.5, 0.5)).toBeCloseTo(0.369010119566, 11); // (2/π)·asin(√0.3)
    expect(regularizedBeta(0.2, 10, 20)).toBeCloseTo(0.049263517304, 11);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it('lnGamma matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('Student t two-sided p-values', () => {
    expect(studentTTwoSided(2.0, 10)).toBeCloseTo(0.0733880348, 9);
    expect(studentTTwoSided(-2.0, 10)).toBeCloseTo(0.0733880348, 9);
    expect(studentTTwoSided(2.228138852, 10)).toBeCloseTo(0.05, 9); // t_{0.975,10}
    expect(studentTTwoSided(7.2476125, 9)).toBeCloseTo(4.8286654453e-5, 13);
    expect(studentTTwoSided(0, 5)).toBe(1);
    // far tail keeps relative precision (scipy: 6.8616836218e-94)
    expect(studentTTwoSided(40, 188) / 6.8616836218e-94).toBeCloseTo(1, 9);
  });

  it('F upper-tail p-values', () => {
    expect(fUpperTail(3.1, 3, 20)).toBeCloseTo(0.049924533, 9);
    expect(fUpperTail(4.0, 2, 9)).toBeCloseTo(0.0571572264, 9);
    expect(fUpperTail(0, 2, 9)).toBe(1);
  });

  it('normal two-sided p-values', () => {
    expect(normalTwoSided(1.96)).toBeCloseTo(0.0499957903, 10);
    expect(normalTwoSided(0)).toBe(1);
    expect(normalTwoSided(8) / 1.244192114854e-15).toBeCloseTo(1, 9);
  });
});
