import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { meanCi } from '../src/analysis/replications.js';
import { clampBands, pairedSeries, summarizeMetric, summarizeMetrics, type MetricRow } from '../src/report/series.js';
import { shareAwareCi } from '../src/report/metric-labels.js';
import { RUN_CHARTS, runChartSpec } from '../src/report/run-charts.js';
import { studentTCdf, studentTQuantile } from '../src/analysis/distributions.js';

describe('studentTQuantile', () => {
  it('matches tabulated 97.5% quantiles', () => {
    // R: qt(0.975, c(1, 2, 3, 10, 30, 1000))
    const table: [number, number][] = [[1, 12.7062047], [2, 4.30265273], [3, 3.18244631], [10, 2.22813885], [30, 2.04227246], [1000, 1.96233908]];
    for (const [df, q] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 6);
  });

  it('inverts the CDF and is symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 200 }), (p, df) => {
        const q = studentTQuantile(p, df);
        expect(studentTCdf(q, df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-q, 8);
      }),
    );
  });
});

describe('meanCi', () => {
  it('computes a t interval by hand for 1,2,3,4', () => {
    // sd = sqrt(5/3) = 1.290994, se = sd / 2, t(0.975, 3) = 3.182446
    const half = (3.182446 * 1.290994) / 2;
    const ci = meanCi([1, 2, 3, 4]);
    expect(ci.mean).toBe(2.5);
    expect(ci.lo).toBeCloseTo(2.5 - half, 5);
    expect(ci.hi).toBeCloseTo(2.5 + half, 5);
    expect(ci.n).toBe(4);
  });

  it('has no band for one value and NaN mean for none', () => {
    expect(meanCi([7])).toEqual({ mean: 7, n: 1 });
    expect(meanCi([]).mean).toBeNaN();
  });

  it('brackets the mean and narrows at a lower level', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 30 }), (xs) => {
        const wide = meanCi(xs, 0.99);
        const narrow = meanCi(xs, 0.9);
        expect(wide.lo!).toBeLessThanOrEqual(narrow.lo! + 1e-9);
        expect(narrow.lo!).toBeLessThanOrEqual(wide.mean + 1e-9);
        expect(narrow.hi!).toBeGreaterThanOrEqual(wide.mean - 1e-9);
        expect(wide.hi!).toBeGreaterThanOrEqual(narrow.hi! - 1e-9);
      }),
    );
  });
});

const rows: MetricRow[] = [
  { tick: 1, seed: 1, share: 1, gmv: 10 },
  { tick: 0, seed: 1, share: 0.5, gmv: 5 },
  { tick: 1, seed: 2, share: 2, gmv: 20 },
  { tick: 0, seed: 2, share: 0.5, gmv: NaN },
  { tick: 1, seed: 3, share: 3, gmv: 30 },
  { tick: 1, seed: 4, share: 4, gmv: 40 },
];

describe('summarizeMetric', () => {
  it('summarises each tick across seeds, sorted by tick', () => {
    const s = summarizeMetric(rows, 'share', 'platform share');
    expect(s.map((p) => p.tick)).toEqual([0, 1]);
    expect(s[0]).toEqual({ tick: 0, mean: 0.5, lo: 0.5, hi: 0.5, label: 'platform share' });
    expect(s[1]!.mean).toBe(2.5);
    expect(s[1]!.hi! - s[1]!.mean).toBeCloseTo((3.182446 * 1.290994) / 2, 5);
  });

  it('reads column arrays the same as rows', () => {
    const cols = {
      tick: Float64Array.from(rows.map((r) => r.tick)),
      seed: Int32Array.from(rows.map((r) => r.seed)),
      share: rows.map((r) => r.share!),
    };
    expect(summarizeMetric(cols, 'share')).toEqual(summarizeMetric(rows, 'share'));
  });

  it('drops non-finite values, leaving one seed and so no band', () => {
    const s = summarizeMetric(rows, 'gmv');
    expect(s[0]).toEqual({ tick: 0, mean: 5, label: 'gmv' });
  });

  it('rejects a missing metric and a repeated tick × seed', () => {
    expect(() => summarizeMetric(rows, 'nope')).toThrow(UserError);
    expect(() => summarizeMetric([...rows, { tick: 1, seed: 2, share: 9 }], 'share')).toThrow(/duplicate row for tick 1, seed 2/);
  });

  it('labels several metrics in the given order', () => {
    const s = summarizeMetrics(rows, ['share', 'gmv'], { share: 'Share' });
    expect([...new Set(s.map((p) => p.label))]).toEqual(['Share', 'gmv']);
  });
});

describe('bands of shares of a whole', () => {
  // Five noisy seeds of a share near 0: the t interval reaches below 0, so clipping it would pin the band at 0.
  const near0 = [0.001, 0.03, 0.0005, 0.025, 0.002];
  const table = (metric: string, values: number[]) => ({ tick: values.map(() => 3), seed: values.map((_, k) => k + 1), [metric]: values });
  const tBand = (values: number[]) => clampBands([{ tick: 3, label: '', ...meanCi(values) }], [0, 1])[0]!;

  it('uses shareAwareCi at each tick: above 0 near 0, unlike the clipped t band', () => {
    const [p] = summarizeMetric(table('platformSellerShare', near0), 'platformSellerShare');
    const ci = shareAwareCi('platformSellerShare', near0);
    expect(tBand(near0).lo).toBe(0);
    expect(p!.lo!).toBeGreaterThan(0);
    expect(p!.lo!).toBeLessThan(p!.mean);
    expect(p).toEqual({ tick: 3, mean: ci.mean, lo: ci.lo, hi: ci.hi, label: 'platformSellerShare' });
  });

  it('reaches the run report chart as it is', () => {
    const def = RUN_CHARTS.find((d) => d.metrics.some(([m]) => m === 'platformSellerShare'))!;
    const model = { tick: [0, 0, 0, 0, 0], seed: [1, 2, 3, 4, 5], ...Object.fromEntries(def.metrics.map(([m]) => [m, near0])) };
    const values = (runChartSpec(def, model, [], 12) as { data: { values: { lo: number; hi: number; label: string }[] } }).data.values;
    const point = values.find((v) => v.label === 'platform')!;
    const ci = shareAwareCi('platformSellerShare', near0);
    expect([point.lo, point.hi]).toEqual([ci.lo, ci.hi]);
  });

  it('keeps a paired difference of shares within [−1, 1], as compare does', () => {
    const a = table('exporterShare', [0.99, 0.95, 0.999, 0.97, 0.998]);
    const b = table('exporterShare', [0.01, 0.9, 0.02, 0.85, 0.05]);
    const diffs = b.exporterShare.map((x, k) => x - a.exporterShare[k]!);
    const [p] = pairedSeries(a, b, 'exporterShare', 'B − A');
    expect(meanCi(diffs).lo!).toBeLessThan(-1);
    const ci = shareAwareCi('exporterShare', diffs, [-1, 1]);
    expect([p!.lo, p!.hi]).toEqual([ci.lo, ci.hi]);
    expect(p!.lo!).toBeGreaterThan(-1);
  });

  it('leaves the t band of other metrics as it was', () => {
    const [p] = summarizeMetric(table('exportValue', near0), 'exportValue');
    const t = meanCi(near0);
    expect(t.lo!).toBeLessThan(0);
    expect(p).toEqual({ tick: 3, mean: t.mean, lo: t.lo, hi: t.hi, label: 'exportValue' });
  });
});
