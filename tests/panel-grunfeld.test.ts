/**
 * Correctness check on the Grunfeld investment panel (plm's 10-firm version,
 * 1935–1954), model inv ~ value + capital, against published output.
 *
 * Sources of the reference numbers (all looked up and compared digit by digit):
 * [plm]   R plm `summary()` of plm(inv ~ value + capital, data = Grunfeld,
 *         model = "pooling" / "within" / effect = "twoways"), as printed in
 *         public plm write-ups (e.g. the output accompanying the plm reference
 *         manual examples).
 * [xtreg] Stata `xtreg invest mvalue kstock, fe` on `webuse grunfeld`
 *         (published Stata log: within R² 0.7668, F(2,188) = 309.01).
 * [reg-cl] Stata `regress invest mvalue kstock, vce(cluster company)`, stored
 *         to full precision in statsmodels/statsmodels
 *         statsmodels/regression/tests/results/results_grunfeld_ols_robust_cluster.py.
 * [gretl] Gretl fixed-effects output with robust (clustered by firm) errors,
 *         which uses Stata's small-sample factor G/(G−1)·(N−1)/(N−K), quoted in
 *         ycroissant/plm tests/test_pwaldtest.R (one-way, two-way via time
 *         dummies, pooled) and tests/test_within_intercept.R (two-way, normal errors).
 *
 * Stata keeps `webuse grunfeld` in single-precision floats: rounding our data
 * to float32 reproduces [reg-cl]'s R² (.8124080178314146) to every digit, so
 * its full-precision numbers differ from double-precision results in the 8th
 * significant digit. They are compared at 7 digits, Stata's display precision.
 *
 * Independent check of the cluster-robust numbers: a NumPy dummy-variable
 * (LSDV) regression with the Liang–Zeger sandwich by firm and the factor
 * 10/9·199/(200−K_c), K_c = 3 (pooled, one-way) or 22 (two-way: slopes,
 * constant, 19 year dummies), gives value/capital SEs 0.0151944939/0.0527517718
 * (one-way) and 0.0108244295/0.0478483966 (two-way), matching [gretl].
 */
import { describe, expect, it } from 'vitest';
import { fitPanel } from '../src/analysis/panel/ols.js';
import type { Effects, PanelFit } from '../src/analysis/panel/types.js';
import { grunfeld } from './panel-fixtures.js';

const panel = grunfeld();
const firmClusters = { name: 'firm', labels: panel.entity };
const fit = (effects: Effects, clustered = false): PanelFit =>
  fitPanel(panel, { y: 'inv', x: ['value', 'capital'], effects, ...(clustered ? { cluster: firmClusters } : {}) });

/** `actual` rounded to the decimals printed in `printed` ('.1101238', '-42.7143694', '0.0151945'). */
function expectPrinted(actual: number, printed: string): void {
  const normal = printed.replace(/^(-?)\./, '$10.');
  const decimals = (normal.split('.')[1] ?? '').length;
  expect(actual.toFixed(decimals)).toBe(normal);
}

/** `actual` agrees with `reference` to `digits` significant digits (for p-values and full-precision references). */
function expectSignificant(actual: number, reference: number, digits: number): void {
  expect(actual.toPrecision(digits)).toBe(reference.toPrecision(digits));
}

const coef = (f: PanelFit, name: string) => f.coefficients.find((c) => c.name === name)!;

describe('Grunfeld fixture', () => {
  it('has 200 rows, 10 firms × 20 years, and the known first row (GM 1935)', () => {
    expect(panel.entity).toHaveLength(200);
    expect(new Set(panel.entity).size).toBe(10);
    expect(new Set(panel.time).size).toBe(20);
    expect([panel.entity[0], panel.time[0], panel.vars.inv![0], panel.vars.value![0], panel.vars.capital![0]]).toEqual(['1', '1935', 317.6, 3078.5, 2.8]);
    expect([panel.entity[199], panel.time[199], panel.vars.inv![199]]).toEqual(['10', '1954', 5.12]);
  });
});

describe('pooled OLS on Grunfeld', () => {
  const f = fit('none');
  it('matches plm / lm coefficients, standard errors and t values', () => {
    expect(f.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'value', 'capital']);
    for (const [name, b, se, t] of [
      ['(Intercept)', '-42.7143694', '9.5116760', '-4.4907'],
      ['value', '0.1155622', '0.0058357', '19.8026'],
      ['capital', '0.2306785', '0.0254758', '9.0548'],
    ] as const) {
      expectPrinted(coef(f, name).estimate, b);
      expectPrinted(coef(f, name).stdError, se);
      expectPrinted(coef(f, name).t, t);
    }
    expectSignificant(coef(f, '(Intercept)').p, 1.207e-5, 4); // [plm] Pr(>|t|) 1.207e-05
  });

  it('matches plm R², F and degrees of freedom', () => {
    expect(f.n).toBe(200);
    expect(f.dfResid).toBe(197);
    expect(f.r2Kind).toBe('ordinary');
    expectPrinted(f.r2, '0.81241');
    expectPrinted(f.f.value, '426.576');
    expect([f.f.df1, f.f.df2]).toEqual([2, 197]);
  });

  it('matches Stata regress, vce(cluster company)', () => {
    const c = fit('none', true);
    // [reg-cl] params_table: b, se, t, p (df 9), compared at Stata's 7 displayed digits
    const stata = {
      value: [0.01589433647768, 7.2706499090564, 0.00004710548549],
      capital: [0.08496711097464, 2.7149150406994, 0.02380515903536],
      '(Intercept)': [20.425202580078, -2.0912580352272, 0.06604843284516],
    } as const;
    for (const [name, [se, t, p]] of Object.entries(stata)) {
      expectSignificant(coef(c, name).stdError, se, 7);
      expectSignificant(coef(c, name).t, t, 7);
      expectSignificant(coef(c, name).p, p, 6);
    }
    expect(c.dfTest).toBe(9);
    expect(c.nClusters).toBe(10);
    expectPrinted(c.f.value, '51.59060'); // [gretl] F(2, 9) = 51.59060 (Stata's float data: 51.5906072)
    expectPrinted(coef(c, 'value').stdError, '0.0158943'); // [gretl]
    expectPrinted(coef(c, 'capital').stdError, '0.0849671'); // [gretl]
  });
});

describe('one-way (entity) fixed effects on Grunfeld', () => {
  const f = fit('entity');
  it('matches plm and Stata xtreg, fe', () => {
    expect(f.coefficients.map((c) => c.name)).toEqual(['value', 'capital']);
    // [plm]
    expectPrinted(coef(f, 'value').estimate, '0.110124');
    expectPrinted(coef(f, 'value').stdError, '0.011857');
    expectPrinted(coef(f, 'value').t, '9.2879');
    expectPrinted(coef(f, 'capital').estimate, '0.310065');
    expectPrinted(coef(f, 'capital').stdError, '0.017355');
    expectPrinted(coef(f, 'capital').t, '17.8666');
    expectPrinted(f.r2, '0.76676');
    expectPrinted(f.f.value, '309.014');
    // [xtreg]
    expectPrinted(coef(f, 'value').estimate, '.1101238');
    expectPrinted(coef(f, 'value').stdError, '.0118567');
    expectPrinted(coef(f, 'capital').estimate, '.3100653');
    expectPrinted(coef(f, 'capital').stdError, '.0173545');
    expectPrinted(f.r2, '0.7668');
    expectPrinted(f.f.value, '309.01');
    expect([f.dfResid, f.f.df1, f.f.df2]).toEqual([188, 2, 188]);
    expect(f.r2Kind).toBe('within');
  });

  it('matches Gretl / Stata cluster-robust errors (xtreg, fe vce(cluster firm))', () => {
    const c = fit('entity', true);
    // [gretl] Model 1: value 0.110124 (0.0151945) t 7.248 p 4.83e-05; capital 0.310065 (0.0527518) t 5.878 p 0.0002
    expectPrinted(coef(c, 'value').stdError, '0.0151945');
    expectPrinted(coef(c, 'value').t, '7.248');
    expectSignificant(coef(c, 'value').p, 4.83e-5, 3);
    expectPrinted(coef(c, 'capital').stdError, '0.0527518');
    expectPrinted(coef(c, 'capital').t, '5.878');
    expectPrinted(coef(c, 'capital').p, '0.0002');
    expectPrinted(c.f.value, '28.3096'); // Joint test F(2, 9)
    expectSignificant(c.f.p, 0.000131055, 6);
    expectPrinted(c.r2, '0.766758');
    expect([c.dfResid, c.dfTest, c.f.df2]).toEqual([188, 9, 9]);
  });
});

describe('two-way fixed effects on Grunfeld', () => {
  const f = fit('twoways');
  it('matches plm (and Gretl with year dummies)', () => {
    // [plm]
    expectPrinted(coef(f, 'value').estimate, '0.117716');
    expectPrinted(coef(f, 'value').stdError, '0.013751');
    expectPrinted(coef(f, 'value').t, '8.5604');
    expectSignificant(coef(f, 'value').p, 6.653e-15, 4);
    expectPrinted(coef(f, 'capital').estimate, '0.357916');
    expectPrinted(coef(f, 'capital').stdError, '0.022719');
    expectPrinted(coef(f, 'capital').t, '15.7540');
    expectPrinted(f.r2, '0.72015');
    expectPrinted(f.f.value, '217.442');
    expect([f.dfResid, f.f.df1, f.f.df2]).toEqual([169, 2, 169]);
    // [gretl] normal errors, more digits
    expectPrinted(coef(f, 'value').stdError, '0.0137513');
    expectPrinted(coef(f, 'capital').stdError, '0.0227190');
  });

  it('matches Gretl / Stata cluster-robust errors (time dummies counted in K)', () => {
    const c = fit('twoways', true);
    // [gretl] Model 6: value (0.0108244) t 10.88 p 1.77e-06; capital (0.0478484) t 7.480 p 3.77e-05; F(2, 9) = 60.0821
    expectPrinted(coef(c, 'value').stdError, '0.0108244');
    expectPrinted(coef(c, 'value').t, '10.88');
    expectSignificant(coef(c, 'value').p, 1.77e-6, 3);
    expectPrinted(coef(c, 'capital').stdError, '0.0478484');
    expectPrinted(coef(c, 'capital').t, '7.480');
    expectSignificant(coef(c, 'capital').p, 3.77e-5, 3);
    expectPrinted(c.f.value, '60.0821');
    expectSignificant(c.f.p, 6.22231e-6, 6);
  });
});
