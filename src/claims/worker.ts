/** Worker thread for the claims runner: one (scenario, seed) run → its digest. */
import { loadFeeExpressions, usesFeeExpressions } from '../model/fee-expression.js';
import type { Scenario } from '../model/params.js';
import { digestRun, type RunDigest } from './digest.js';

export default async function run({ scenario, seed }: { scenario: Scenario; seed: number }): Promise<RunDigest> {
  if (usesFeeExpressions(scenario)) await loadFeeExpressions();
  return digestRun(scenario, seed);
}
