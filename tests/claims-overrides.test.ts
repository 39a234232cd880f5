/**
 * `claims --set`: overrides reach every variant of a claim, and an override
 * of what a claim's variants differ in (its contrast) is refused with the
 * claim, the path and both values named. `claims --vary` judges the claims
 * once per value, each run as `--set` with that value would.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims/catalog.js';
import { variedMarkdown } from '../src/claims/format.js';
import { checkOverrides, parseVariation } from '../src/claims/overrides.js';
import { judgeAblations, judgeClaims, judgeClaimsAcross, SCENARIO_DIR } from '../src/claims/run.js';
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

describe('claims --vary', () => {
  it('reads path=value,value,… and refuses fewer than two values', () => {
    expect(parseVariation('platform.governance.adaptationCost=0, 1,2')).toEqual({ path: 'platform.governance.adaptationCost', values: ['0', '1', '2'] });
    for (const bad of ['platform.governance.adaptationCost=1', 'platform.governance.adaptationCost', '=1,2']) expect(() => parseVariation(bad), bad).toThrow(UserError);
  });

  it('refuses a parameter the claim is a contrast in', async () => {
    await expect(judgeClaimsAcross(claim('X5'), { seeds: 2, seedBase: 1, scale: 0.05 }, { path: 'platform.governance.transparency', values: ['0', '1'] }))
      .rejects.toThrow(/--vary platform\.governance\.transparency=0,1 would erase X5's contrast/);
  });

  it('judges each value as --set would, hands on the results after each, and marks the value the scenarios give', async () => {
    const quick = { seeds: 2, seedBase: 7, scale: 0.05 };
    const finished: number[] = [];
    const varied = await judgeClaimsAcross(claim('X5'), quick, { path: 'platform.governance.adaptationCost', values: ['0', '4'] }, (v) => finished.push(v.runs.length));
    expect(finished).toEqual([1, 2]);
    const [plain] = await judgeClaims(claim('X5'), quick);
    const means = (r: typeof plain) => r!.checks.map((c) => c.levels.map((l) => l.value.mean));
    expect(varied.given.get('X5')).toBe(4);
    expect(means(varied.runs[1]!.results[0])).toEqual(means(plain));
    expect(means(varied.runs[0]!.results[0])).not.toEqual(means(plain));
    const rows = variedMarkdown(varied, { seeds: '7–8', scale: 0.05 }).split('\n').filter((l) => /^\| [04]/.test(l));
    expect(rows.map((l) => l.split('|')[1]!.trim())).toEqual(['0', '4 (scenarios)']);
  }, 120_000);
});
