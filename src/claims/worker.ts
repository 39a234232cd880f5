/**
 * Worker thread for the claims runner: one (scenario, seed) run → its digest,
 * or, for the panel claims, one seed of the province panel study.
 */
import { runPanelStudy } from '../analysis/panel/study.js';
import type { PanelClaims } from '../analysis/panel/study-claims.js';
import { loadFeeExpressions, usesFeeExpressions } from '../model/fee-expression.js';
import type { Scenario } from '../model/params.js';
import { digestRun, type RunDigest } from './digest.js';

export interface RunTask {
  kind: 'run' | 'panel';
  scenario: Scenario;
  seed: number;
}

export default async function run(task: RunTask): Promise<RunDigest | PanelClaims> {
  if (usesFeeExpressions(task.scenario)) await loadFeeExpressions();
  if (task.kind === 'panel') return runPanelStudy(task.scenario, { seeds: 1, seedBase: task.seed }).claims;
  return digestRun(task.scenario, task.seed);
}
