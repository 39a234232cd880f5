/**
 * The within transformation against the dummy-variable (LSDV) regression it
 * must reproduce (Frisch–Waugh–Lovell), including unbalanced two-way panels.
 */
import { describe, expect, it } from 'vitest';
import { subsetPanel } from '../src/analysis/panel/groups.js';
import { fitPanel } from '../src/analysis/panel/ols.js';
import type { Panel, PanelFit } from '../src/analysis/panel/types.js';
import { connectedComponents, toFactor } from '../src/analysis/panel/within.js';
import { grunfeld } from './panel-fixtures.js';

/** Adds 0/1 dummies for every level but the first of `labels` as variables `${prefix}${level}`. */
function withDummies(panel: Panel, labels: readonly string[], prefix: string): { panel: Panel; names: string[] } {
  const levels = [...new Set(labels)].slice(1);
  const dummies = Object.fromEntries(levels.map((l) => [`${prefix}${l}`, labels.map((v) => (v === l ? 1 : 0))]));
  return { panel: { ...panel, vars: { ...panel.vars, ...dummies } }, names: Object.keys(dummies) };
}

function expectSameSlopes(within: PanelFit, lsdv: PanelFit, names: readonly string[]): void {
  for (const name of names) {
    const a = within.coefficients.find((c) => c.name === name)!;
    const b = lsdv.coefficients.find((c) => c.name === name)!;
    expect(a.estimate / b.estimate).toBeCloseTo(1, 10);
    expect(a.stdError / b.stdError).toBeCloseTo(1, 9);
  }
}

describe('within transformation vs LSDV', () => {
  const full = grunfeld();
  // Drop a scattering of rows so the panel is unbalanced.
  const keep = full.entity.map((_, i) => i).filter((i) => ![3, 57, 58, 120, 141, 199].includes(i));
  const panel = subsetPanel(full, keep);
  const x = ['value', 'capital'];

  it('two-way FE on an unbalanced panel equals OLS with firm and year dummies', () => {
    const firms = withDummies(panel, panel.entity, 'firm_');
    const both = withDummies(firms.panel, panel.time, 'year_');
    const lsdv = fitPanel(both.panel, { y: 'inv', x: [...x, ...firms.names, ...both.names], effects: 'none' });
    const fe = fitPanel(panel, { y: 'inv', x, effects: 'twoways' });
    expect(fe.n).toBe(194);
    expect(fe.dfResid).toBe(lsdv.dfResid);
    expect(fe.dfResid).toBe(194 - 2 - 10 - 20 + 1);
    expectSameSlopes(fe, lsdv, x);
  });

  it('time FE with firm clusters equals OLS with year dummies clustered by firm (same K_c)', () => {
    const years = withDummies(panel, panel.time, 'year_');
    const cluster = { name: 'firm', labels: panel.entity };
    const lsdv = fitPanel(years.panel, { y: 'inv', x: [...x, ...years.names], effects: 'none', cluster });
    const fe = fitPanel(panel, { y: 'inv', x, effects: 'time', cluster });
    expectSameSlopes(fe, lsdv, x);
  });

  it('entity FE nested in firm clusters does not charge the firm dummies (xtreg, fe convention)', () => {
    const firms = withDummies(panel, panel.entity, 'firm_');
    const cluster = { name: 'firm', labels: panel.entity };
    const lsdv = fitPanel(firms.panel, { y: 'inv', x: [...x, ...firms.names], effects: 'none', cluster });
    const fe = fitPanel(panel, { y: 'inv', x, effects: 'entity', cluster });
    const n = panel.entity.length;
    // Same meat; only (N−1)/(N−K_c) differs: K_c = 3 (xtreg fe) vs 12 (regress with 9 dummies).
    const v = (f: PanelFit) => f.coefficients.find((c) => c.name === 'value')!.stdError ** 2;
    expect(v(fe) / v(lsdv)).toBeCloseTo((n - 12) / (n - 3), 12);
  });

  it('counts connected components of the entity–period graph', () => {
    const entity = toFactor(['a', 'a', 'b', 'b', 'c', 'c', 'd']);
    const time = toFactor(['1', '2', '1', '2', '3', '4', '3']);
    expect(connectedComponents(entity, time)).toBe(2);
    expect(connectedComponents(toFactor(full.entity), toFactor(full.time))).toBe(1);
  });

  it('uses G + T − components absorbed parameters for two-way effects on a disconnected panel', () => {
    const entity = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd'];
    const time = ['1', '2', '3', '1', '2', '3', '4', '5', '6', '4', '5', '6'];
    const x1 = [1, 4, 2, 3, 8, 1, 5, 2, 7, 1, 1, 6];
    const y = x1.map((v, i) => 2 * v + (i % 3) * 0.7 + Math.sin(i));
    const fit = fitPanel({ vars: { x1, y }, entity, time }, { y: 'y', x: ['x1'], effects: 'twoways' });
    expect(fit.dfResid).toBe(12 - 1 - (4 + 6 - 2));
  });
});
