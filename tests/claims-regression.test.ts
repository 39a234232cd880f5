/**
 * The whole claim catalog at a quick scale: no claim may contradict the
 * verdict recorded for it in the catalog (recorded at the defaults: 20 seeds,
 * full scale). A quick run has less power, so `inconclusive` is allowed where
 * the recorded verdict is firm; what fails is a flip — `reproduced` recorded
 * but contradicted now, or `not reproduced` recorded but reproduced now.
 * The full-scale check is `gvc-sim claims` (minutes), not part of this suite.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims/catalog.js';
import { judgeClaims } from '../src/claims/run.js';

const QUICK = { seeds: 6, seedBase: 1001, scale: 0.15 };

describe('the claim catalog at a quick scale', () => {
  it('keeps every recorded verdict (no flips)', async () => {
    const results = await judgeClaims(CLAIMS, QUICK);
    const flips = results
      .filter((r) => (r.claim.recorded === 'reproduced' && r.verdict === 'not reproduced') || (r.claim.recorded === 'not reproduced' && r.verdict === 'reproduced'))
      .map((r) => `${r.claim.id}: recorded ${r.claim.recorded}, now ${r.verdict}`);
    expect(flips).toEqual([]);
    const reproduced = results.filter((r) => r.verdict === 'reproduced').length;
    expect(reproduced, 'the quick run should still reproduce most of what the full run does').toBeGreaterThanOrEqual(
      Math.floor(CLAIMS.filter((c) => c.recorded === 'reproduced').length / 2),
    );
  }, 600_000);
});
