/**
 * The baseline matches the stylized facts it is calibrated to (sources in
 * docs/ODD.md §1), judged on several seeds with 95% confidence intervals:
 * - without a platform, 10–35% of firms export (Melitz 2003; Bernard & Jensen 1999),
 * - exporters are more productive than non-exporters (same),
 * - about 15–25% of export value goes through intermediaries (Ahn, Khandelwal & Wei 2011),
 * - the platform's commission is 8–15%,
 * - assembly earns the thinnest margin (the smile curve).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { digestRun, type RunDigest } from '../src/claims/digest.js';
import { MODEL_METRICS, type ModelMetric } from '../src/model/reporters.js';
import { meanCi } from '../src/analysis/replications.js';
import { loadScenario } from '../src/scenario/index.js';

const SEEDS = [11, 12, 13, 14];
let noPlatform: RunDigest[];

const ci = (runs: RunDigest[], m: ModelMetric) => meanCi(runs.map((d) => d.finalYear[MODEL_METRICS.indexOf(m)]!));

describe('calibration of the traditional-trade world', () => {
  beforeAll(async () => {
    const { scenario } = await loadScenario('scenarios/no-platform.yaml');
    noPlatform = SEEDS.map((seed) => digestRun(scenario, seed));
  }, 120_000);

  it('10–35% of firms export', () => {
    const c = ci(noPlatform, 'exporterShare');
    expect(c.lo!).toBeGreaterThan(0.1);
    expect(c.hi!).toBeLessThan(0.35);
  });

  it('exporters are more productive than non-exporters', () => {
    expect(ci(noPlatform, 'exporterProductivityPremium').lo!).toBeGreaterThan(1);
  });

  it('15–25% of export value goes through intermediaries', () => {
    const c = ci(noPlatform, 'intermediatedShare');
    expect(c.lo!).toBeGreaterThan(0.15);
    expect(c.hi!).toBeLessThan(0.25);
  });
});

describe('calibration of the platform and the smile curve', () => {
  it('the baseline commission is 8–15% and assembly earns the thinnest markup', async () => {
    const { scenario } = await loadScenario('scenarios/baseline.yaml');
    expect(scenario.platform.commission).toBeGreaterThanOrEqual(0.08);
    expect(scenario.platform.commission).toBeLessThanOrEqual(0.15);
    const [assembly, ...higher] = scenario.firm.markups;
    for (const m of higher) expect(assembly!).toBeLessThan(m);
  });
});
