import { describe, expect, it } from 'vitest';
import { entityMedianSplit, fitByGroup, median, medianSplit, subsetPanel } from '../src/analysis/panel/groups.js';
import { fitPanel } from '../src/analysis/panel/ols.js';
import { UserError } from '../src/errors.js';
import { grunfeld } from './panel-fixtures.js';

describe('median split', () => {
  it('splits at the median, mean of the middle pair for even n', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianSplit([4, 1, 3, 2])).toEqual(['high', 'low', 'high', 'low']);
    expect(medianSplit([5, 1, 3])).toEqual(['high', 'low', 'high']);
  });

  it('puts ties at the median into the high group', () => {
    expect(medianSplit([1, 2, 2, 2, 3])).toEqual(['low', 'high', 'high', 'high', 'high']);
  });

  it('rejects non-finite values, naming the observation', () => {
    expect(() => medianSplit([1, NaN, 3])).toThrow(/observation 2/);
  });

  it('splits whole entities by their mean at entity level', () => {
    const panel = { vars: {}, entity: ['a', 'a', 'b', 'b', 'c', 'c'], time: ['1', '2', '1', '2', '1', '2'] };
    // entity means a = 1.5, b = 10, c = 5 → median 5 → a low, b and c high
    expect(entityMedianSplit(panel, [1, 2, 0, 20, 5, 5])).toEqual(['low', 'low', 'high', 'high', 'high', 'high']);
  });
});

describe('by-group estimation', () => {
  const panel = grunfeld();
  const spec = { y: 'inv', x: ['value', 'capital'], effects: 'entity' as const, cluster: { name: 'firm', labels: panel.entity } };
  const size = entityMedianSplit(panel, panel.vars.capital!);

  it('fits each group on its own rows with the same estimator', () => {
    const fits = fitByGroup(panel, size, spec);
    expect([...fits.keys()]).toEqual(['high', 'low']);
    for (const [group, fit] of fits) {
      const rows = size.flatMap((g, i) => (g === group ? [i] : []));
      const direct = fitPanel(subsetPanel(panel, rows), { ...spec, cluster: { name: 'firm', labels: rows.map((i) => panel.entity[i]!) } });
      expect(fit.n).toBe(rows.length);
      expect(fit.nEntities).toBe(5);
      expect(fit.coefficients).toEqual(direct.coefficients);
      expect(fit.cluster).toBe('firm');
    }
    expect(fits.get('high')!.coefficients[0]!.estimate).not.toBeCloseTo(fits.get('low')!.coefficients[0]!.estimate, 3);
  });

  it('names the group whose estimation fails', () => {
    // firm 10 alone: one cluster only
    const groups = panel.entity.map((e) => (e === '10' ? 'diamond' : 'others'));
    expect(() => fitByGroup(panel, groups, spec)).toThrow(/group 'diamond': cluster variable 'firm' has only one cluster/);
    expect(() => fitByGroup(panel, groups.slice(1), spec)).toThrow(UserError);
  });
});
