/**
 * Each claim with the input that could encode it neutralised (its `ablation`
 * in the catalog), at a quick scale: where the catalog records that the claim
 * survives its ablation, the ablated effect keeps its sign; where it records
 * that it does not (an `assumption`), the ablation removes the effect — the
 * interval covers zero, the sign flips, or less than a tenth of it is left.
 * The outcomes are recorded at the defaults (20 seeds, full scale: `npm run
 * ablations`); a quick run has less power, so a surviving effect needs only
 * its sign, not a resolved interval.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ablationPlan, MIN_REMAINING, type AblationResult } from '../src/claims/ablation.js';
import { CLAIMS, type Check } from '../src/claims/catalog.js';
import { judgeAblations, SCENARIO_DIR } from '../src/claims/run.js';
import { applyEvent, loadScenario } from '../src/scenario/index.js';
import type { MeanCi } from '../src/analysis/replications.js';

const QUICK = { seeds: 6, seedBase: 1001, scale: 0.15 };
const ABLATED = CLAIMS.filter((c) => c.ablation);

/** The sign a check expects of its effects: down → negative, every other shape positive. */
const expectedSign = (check: Check) => (check.expect.kind === 'down' ? -1 : 1);

/** Whether an ablated effect is gone next to the same effect at the defaults. */
function removed(atDefaults: MeanCi, ablated: MeanCi): boolean {
  const coversZero = ablated.lo === undefined || ablated.hi === undefined || (ablated.lo <= 0 && ablated.hi >= 0);
  const flips = Math.sign(ablated.mean) !== Math.sign(atDefaults.mean);
  return coversZero || flips || Math.abs(ablated.mean) < MIN_REMAINING * Math.abs(atDefaults.mean);
}

describe('the catalog’s ablations', () => {
  it('name parameters every variant of the contrast accepts', async () => {
    const { derived } = ablationPlan(CLAIMS);
    for (const v of derived.values()) {
      const { scenario } = await loadScenario(`${SCENARIO_DIR}${v.file}`);
      expect(() => applyEvent(scenario, v.set), v.file).not.toThrow();
    }
  });

  it('judge a check the claim has, and are recorded as an assumption where they remove it', () => {
    for (const c of ABLATED) {
      expect(c.checks[c.ablation!.check ?? 0], c.id).toBeDefined();
      if (c.recorded === 'assumption') expect(c.ablation!.survives, c.id).toBe(false);
    }
  });
});

describe('each claim with the input that could encode it neutralised, at a quick scale', () => {
  const results = new Map<string, AblationResult>();
  beforeAll(async () => {
    for (const r of await judgeAblations(ABLATED, QUICK)) results.set(r.claim.id, r);
  }, 600_000);

  for (const claim of ABLATED) {
    const a = claim.ablation!;
    const title = a.survives
      ? `${claim.id} survives ${a.input}: ${a.mechanism}`
      : `${claim.id} does not survive ${a.input}${claim.recorded === 'assumption' ? ' (an assumption)' : ''}: ${a.why}`;
    it(title, () => {
      const r = results.get(claim.id)!;
      const pairs = r.defaults.effects.map((e, k) => ({ label: e.label, atDefaults: e.value, ablated: r.ablated.effects[k]!.value }));
      if (a.survives) {
        // A reproduced claim keeps the direction it claims; any other keeps the direction its check takes at the defaults.
        for (const p of pairs) {
          const sign = claim.recorded === 'reproduced' ? expectedSign(r.defaults.check) : Math.sign(p.atDefaults.mean);
          expect(Math.sign(p.ablated.mean), `${claim.id} ${p.label}: ${p.ablated.mean} ablated, ${p.atDefaults.mean} at the defaults`).toBe(sign);
        }
      } else {
        const gone = pairs.some((p) => removed(p.atDefaults, p.ablated));
        expect(gone, `${claim.id}: ${pairs.map((p) => `${p.ablated.mean} [${p.ablated.lo}, ${p.ablated.hi}] ablated, ${p.atDefaults.mean} at the defaults`).join('; ')}`).toBe(true);
      }
    });
  }
});
