/**
 * The piscina worker: runs one simulation of a sweep and returns its reduced
 * outputs, or the message of what it threw (the sweep records it as failed
 * and goes on).
 */
import { loadFeeExpressions, usesFeeExpressions } from '../../model/fee-expression.js';
import type { Scenario } from '../../model/params.js';
import { simulate } from '../simulate.js';
import { Reducer, type OutputTask, type ReducedRun } from './reduce.js';

export interface RunTask {
  /** The design point's validated scenario. */
  scenario: Scenario;
  seed: number;
  outputs: OutputTask[];
}

export type RunOutcome = ({ ok: true } & ReducedRun & { wallMs: number }) | { ok: false; error: string; wallMs: number };

export default async function runTask(task: RunTask): Promise<RunOutcome> {
  const started = performance.now();
  try {
    const s = task.scenario;
    if (usesFeeExpressions(s)) await loadFeeExpressions();
    const reducer = new Reducer(task.outputs, s.ticks, s.ticksPerYear);
    for (const rec of simulate(s, task.seed)) reducer.add(rec.tick, rec.model);
    return { ok: true, ...reducer.result(), wallMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), wallMs: performance.now() - started };
  }
}
