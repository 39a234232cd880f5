/**
 * Runs a sweep: every (design point × replication) of this shard not yet
 * recorded, on a worker pool, each finished run committed to the results
 * database as it arrives. The engine never prints or logs; the caller
 * follows progress through callbacks and stops it through abort signals.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../model/params.js';
import { UserError } from '../../errors.js';
import { BatchWriter } from './batch-writer.js';
import { pointScenario } from './factors.js';
import { runRef, totalRuns, type SweepPlan } from './plan.js';
import { createRunPool, type RunPool } from './pool.js';
import { inShard, WHOLE, type Shard } from './shard.js';
import { DB_FILE, SweepStore, type RunRecord } from './store.js';
import type { RunTask } from './worker.js';

export interface SweepOptions {
  plan: SweepPlan;
  outDir: string;
  workers: number;
  shard?: Shard;
  /** Continue the sweep recorded in outDir (or start it if there is none). */
  resume?: boolean;
  /** When aborted: dispatch no more runs; runs under way finish and are recorded. */
  stop?: AbortSignal;
  /** When aborted: abandon runs under way too (they are not recorded; --resume runs them). */
  abandon?: AbortSignal;
  /** Before the first run: runs in this shard, already recorded, and to run now. */
  onStart?: (e: { total: number; recorded: number; todo: number; resumed: boolean }) => void;
  /** After each run is committed. */
  onRun?: (e: { record: RunRecord; done: number; total: number; failed: number }) => void;
}

export interface SweepResult {
  outDir: string;
  dbFile: string;
  /** Runs in this shard. */
  total: number;
  /** Recorded before this call (resume). */
  skipped: number;
  /** Recorded by this call. */
  ran: number;
  /** Recorded as failed by this call. */
  failed: number;
  /** Up to five distinct error messages of failed runs. */
  errors: string[];
  wallMs: number;
  /** Stopped before every run of the shard was recorded. */
  interrupted: boolean;
}

/** Where a sweep writes: --out (default results/<name>), in a shard-I-of-N subfolder when sharded. */
export function sweepOutDir(plan: SweepPlan, out: string | undefined, shard: Shard = WHOLE): string {
  const base = out ?? join('results', plan.name);
  return shard.count > 1 ? join(base, `shard-${shard.index}-of-${shard.count}`) : base;
}

/** Opens the store: a new one, or the recorded one with `resume`; a database left empty by a kill during creation is replaced. */
async function openStore(dir: string, plan: SweepPlan, shard: Shard, resume: boolean): Promise<{ store: SweepStore; resumed: boolean }> {
  mkdirSync(dir, { recursive: true });
  const recorded = await SweepStore.exists(dir);
  if (recorded && !resume) throw new UserError(`${dir} already holds a sweep (${DB_FILE})`, 'continue it with --resume, or choose another --out folder');
  if (recorded) return { store: await SweepStore.reopen(dir, plan, shard), resumed: true };
  for (const f of [DB_FILE, `${DB_FILE}.wal`]) rmSync(join(dir, f), { force: true });
  return { store: await SweepStore.create(dir, plan, shard), resumed: false };
}

/** Builds each point's scenario once while its replications run. */
function scenarioCache(plan: SweepPlan): (point: number) => Scenario {
  let last: { point: number; scenario: Scenario } | undefined;
  return (point) => {
    if (last?.point !== point) last = { point, scenario: pointScenario(plan.base, plan.factors, plan.design.rows[point]!, `design point ${point}`) };
    return last.scenario;
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs one run and queues its record; abandoned runs are not recorded. */
async function runOne(id: number, plan: SweepPlan, pool: RunPool, scenarioOf: (point: number) => Scenario, o: SweepOptions, writer: BatchWriter): Promise<void> {
  const run = runRef(plan, id);
  const values = plan.design.rows[run.point]!;
  const started = performance.now();
  const failed = (error: string, wallMs = performance.now() - started): RunRecord => ({ run, values, status: 'failed', wallMs, error });
  let task: RunTask;
  try {
    task = { scenario: scenarioOf(run.point), seed: run.seed, outputs: plan.outputs.map(({ index, reduction }) => ({ index, reduction })) };
  } catch (err) {
    return writer.push(failed(message(err)));
  }
  try {
    const out = await pool.run(task, { signal: o.abandon });
    writer.push(out.ok ? { run, values, status: 'ok', wallMs: out.wallMs, outputs: out.values, trajectories: out.trajectories } : failed(out.error, out.wallMs));
  } catch (err) {
    if (o.abandon?.aborted) return;
    writer.push(failed(`worker failed: ${message(err)}`));
  }
}

/** Dispatches runs with at most two per worker outstanding, so the queue (and memory) stays small. */
async function dispatch(todo: number[], plan: SweepPlan, o: SweepOptions, writer: BatchWriter): Promise<void> {
  const workers = Math.min(o.workers, todo.length);
  const pool = createRunPool(workers);
  const scenarioOf = scenarioCache(plan);
  const inflight = new Set<Promise<void>>();
  try {
    const halted = () => o.stop?.aborted === true || o.abandon?.aborted === true || writer.failed;
    for (const id of todo) {
      if (halted()) break;
      if (inflight.size >= 2 * workers) await Promise.race(inflight);
      if (halted()) break;
      const p: Promise<void> = runOne(id, plan, pool, scenarioOf, o, writer).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    await pool.destroy();
  }
}

/** Runs (or resumes) a sweep; resolves when every run of the shard is recorded or the sweep was stopped. */
export async function runSweep(o: SweepOptions): Promise<SweepResult> {
  const started = performance.now();
  const shard = o.shard ?? WHOLE;
  const { store, resumed } = await openStore(o.outDir, o.plan, shard, o.resume ?? false);
  try {
    const recorded = await store.finishedRuns();
    const mine = Array.from({ length: totalRuns(o.plan) }, (_, id) => id).filter((id) => inShard(id, shard));
    const todo = mine.filter((id) => !recorded.has(id));
    const skipped = mine.length - todo.length;
    o.onStart?.({ total: mine.length, recorded: skipped, todo: todo.length, resumed });
    let ran = 0;
    let failed = 0;
    const errors = new Set<string>();
    const writer = new BatchWriter(store, (batch) => {
      for (const record of batch) {
        ran++;
        if (record.status === 'failed') {
          failed++;
          if (errors.size < 5) errors.add(record.error!);
        }
        o.onRun?.({ record, done: skipped + ran, total: mine.length, failed });
      }
    });
    if (todo.length > 0) await dispatch(todo, o.plan, o, writer);
    await writer.drain();
    const result = { outDir: o.outDir, dbFile: store.file, total: mine.length, skipped, ran, failed, errors: [...errors] };
    return { ...result, wallMs: performance.now() - started, interrupted: skipped + ran < mine.length };
  } finally {
    store.close();
  }
}
