/**
 * Run summaries keep a share's interval inside [0, 1]: a share of a whole
 * (lockInShare, fraudShare, …) near 0 with noisy seeds gets an interval built
 * on the logit scale, the one compare uses, where a symmetric t interval would
 * go below 0; metrics that are not shares of a whole keep the t interval.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanCi } from '../src/analysis/replications.js';
import { replicate } from '../src/api/batch.js';
import { summarize } from '../src/experiment/summary.js';
import { MODEL_METRICS } from '../src/model/reporters.js';
import { finalYearSummary } from '../src/report/final-year.js';
import { isShareOfWhole } from '../src/report/metric-labels.js';
import { loadScenario } from '../src/scenario/index.js';

/** One final-year row per seed, every metric 0 except `metric`, which takes `values`. */
function finalYearRows(metric: string, values: number[]): Float64Array[] {
  const j = MODEL_METRICS.indexOf(metric as (typeof MODEL_METRICS)[number]);
  return values.map((v) => {
    const row = new Float64Array(MODEL_METRICS.length);
    row[j] = v;
    return row;
  });
}

const rowOf = (rows: ReturnType<typeof summarize>, metric: string) => rows.find((r) => r.metric === metric)!;
const noisyNearZero = [0, 0, 0.012, 0, 0.0004];

describe('run summary intervals', () => {
  it('keep a share near 0 with noisy seeds inside [0, 1], where the t interval goes below 0', () => {
    expect(meanCi(noisyNearZero).lo!).toBeLessThan(0);
    for (const metric of ['fraudShare', 'lockInShare', 'platformSellerShare']) {
      const r = rowOf(summarize(finalYearRows(metric, noisyNearZero)), metric);
      expect(r.mean).toBeCloseTo(0.0124 / 5, 12);
      expect(r.lo!).toBeGreaterThanOrEqual(0);
      expect(r.lo!).toBeLessThan(r.mean);
      expect(r.hi!).toBeGreaterThan(r.mean);
      expect(r.hi!).toBeLessThanOrEqual(1);
    }
  });

  it('keep the t interval for metrics that are not shares of a whole (a take rate can exceed 1)', () => {
    const rates = [1.4, 0.2, 2.1];
    const r = rowOf(summarize(finalYearRows('takeRate', rates)), 'takeRate');
    expect(isShareOfWhole('takeRate')).toBe(false);
    expect([r.lo, r.hi]).toEqual([meanCi(rates).lo, meanCi(rates).hi]);
    expect(r.hi!).toBeGreaterThan(1);
  });

  it('stay inside [0, 1] for any seeds of any share, in summary.json and in the report alike', () => {
    const shares = MODEL_METRICS.filter(isShareOfWhole);
    fc.assert(
      fc.property(fc.constantFrom(...shares), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }), (metric, values) => {
        const r = rowOf(summarize(finalYearRows(metric, values)), metric);
        expect(r.lo!).toBeGreaterThanOrEqual(0);
        expect(r.hi!).toBeLessThanOrEqual(1);
        const model = { tick: values.map(() => 0), seed: values.map((_, k) => k), [metric]: values };
        const [report] = finalYearSummary(model, [metric], 0);
        expect([report!.lo, report!.hi]).toEqual([r.lo, r.hi]);
      }),
    );
  });

  it('are the same in the library’s replicate() as in gvc-sim run', async () => {
    const { scenario } = await loadScenario('scenarios/baseline.yaml', { overrides: ['firms=200', 'ticks=24', 'burnInTicks=0'] });
    const { runs, summary } = replicate(scenario, { seeds: 3 });
    const rows = runs.map((r) => Float64Array.from(MODEL_METRICS, (m) => r.finalYear[m]!));
    const fromRun = summarize(rows);
    for (const metric of ['fraudShare', 'lockInShare', 'exportValue']) {
      const api = summary.find((s) => s.metric === metric)!;
      expect([api.mean, api.lo, api.hi]).toEqual([rowOf(fromRun, metric).mean, rowOf(fromRun, metric).lo, rowOf(fromRun, metric).hi]);
    }
  });
});
