/**
 * `claims --set`: overrides reach every variant of a claim, and an override
 * of what a claim's variants differ in (its contrast) is refused with the
 * claim, the path and both values named.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims/catalog.js';
import { checkOverrides } from '../src/claims/overrides.js';
import { judgeAblations, judgeClaims, SCENARIO_DIR } from '../src/claims/run.js';
import { UserError } from '../src/errors.js';

const claim = (id: string) => CLAIMS.filter((c) => c.id === id);

describe('claims --set', () => {
  it('refuses an override of a path the variants differ in, or of one containing it', async () => {
    for (const path of ['platform.governance.ruleVolatility=0.1', 'platform.governance={ruleVolatility: 0.1}']) {
      const refused = checkOverrides(claim('X5'), [path], SCENARIO_DIR);
      await expect(refused).rejects.toThrow(UserError);
      await expect(refused).rejects.toThrow(/X5's contrast: its variants differ in platform\.governance\.(ruleVolatility|transparency) \(/);
    }
  });

  it('accepts an override outside every contrast, and any for a claim judged within one scenario', async () => {
    await expect(checkOverrides(claim('X5'), ['platform.governance.adaptationCost=1'], SCENARIO_DIR)).resolves.toBeUndefined();
    await expect(checkOverrides(claim('C1'), ['regions.*.financeDepth=0.7'], SCENARIO_DIR)).resolves.toBeUndefined();
  });

  it('judges every variant with the override: X5 with no re-adaptation cost is its ablation, to the bit', async () => {
    const quick = { seeds: 2, seedBase: 7, scale: 0.05 };
    const [overridden] = await judgeClaims(claim('X5'), { ...quick, set: ['platform.governance.adaptationCost=0'] });
    const [ablation] = await judgeAblations(claim('X5'), quick);
    expect(claim('X5')[0]!.ablation!.set).toEqual({ 'platform.governance.adaptationCost': 0 });
    const check = ablation!.check;
    const means = (levels: readonly { value: { mean: number } }[]) => levels.map((l) => l.value.mean);
    expect(means(overridden!.checks[check]!.levels)).toEqual(means(ablation!.ablated.levels));
    expect(means(overridden!.checks[check]!.levels)).not.toEqual(means(ablation!.defaults.levels));
  }, 120_000);
});
