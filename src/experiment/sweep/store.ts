/**
 * A sweep's results database, written as runs finish: each batch of finished
 * runs is one committed transaction, so a crash or `kill -9` loses only runs
 * that were still in flight. `--resume` reopens it and skips recorded runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender } from '@duckdb/node-api';
import { UserError } from '../../errors.js';
import { openDb, rows, tableNames, transaction, type Db } from './db.js';
import { trajectoryOutputs, type RunRef, type SweepPlan } from './plan.js';
import { formatShard, type Shard } from './shard.js';
import { metaEntries, schemaSql, writeDesign, writeMeta } from './store-schema.js';

export const DB_FILE = 'results.duckdb';

/** One finished run, as stored. */
export interface RunRecord {
  run: RunRef;
  /** Factor values of its design point, in factor order. */
  values: readonly number[];
  status: 'ok' | 'failed';
  wallMs: number;
  error?: string;
  /** Scalar outputs in plan order (ok runs). */
  outputs?: readonly number[];
  /** One series per trajectory output (ok runs). */
  trajectories?: readonly Float64Array[];
}

/** The meta table as a map. */
export async function readMeta(db: Db): Promise<Map<string, string>> {
  return new Map((await rows(db.conn, 'SELECT key, value FROM meta')).map((r) => [String(r.key), String(r.value)]));
}

export class SweepStore {
  private constructor(
    private readonly db: Db,
    private readonly plan: SweepPlan,
    readonly file: string,
  ) {}

  /** Whether `dir` holds a sweep database with its tables (a sweep killed while creating it holds none). */
  static async exists(dir: string): Promise<boolean> {
    const file = join(dir, DB_FILE);
    if (!existsSync(file)) return false;
    const db = await openDb(file);
    try {
      return (await tableNames(db.conn)).includes('meta');
    } finally {
      db.close();
    }
  }

  /** Creates the database with its tables, meta and design in one transaction. */
  static async create(dir: string, plan: SweepPlan, shard: Shard): Promise<SweepStore> {
    const file = join(dir, DB_FILE);
    const db = await openDb(file);
    await transaction(db.conn, async () => {
      for (const sql of schemaSql(plan)) await db.conn.run(sql);
      await writeMeta(db.conn, metaEntries(plan, shard));
      await writeDesign(db.conn, plan);
    });
    return new SweepStore(db, plan, file);
  }

  /** Reopens a database to resume it; refuses one made from a different spec or for a different shard. */
  static async reopen(dir: string, plan: SweepPlan, shard: Shard): Promise<SweepStore> {
    const file = join(dir, DB_FILE);
    const db = await openDb(file);
    const meta = await readMeta(db);
    const problem =
      meta.get('spec_hash') !== plan.hash
        ? `it was made from a different spec (or base scenario): stored hash ${meta.get('spec_hash')?.slice(0, 12)}…, this spec ${plan.hash.slice(0, 12)}…`
        : meta.get('shard') !== formatShard(shard)
          ? `it holds shard ${meta.get('shard')}, not ${formatShard(shard)}`
          : undefined;
    if (problem) {
      db.close();
      throw new UserError(`cannot resume the sweep in ${dir}: ${problem}`, 'resume with the spec and shard it was started with, or start afresh in another --out folder');
    }
    return new SweepStore(db, plan, file);
  }

  /** Ids of the runs already recorded, ok or failed. */
  async finishedRuns(): Promise<Set<number>> {
    return new Set((await rows(this.db.conn, 'SELECT run_id FROM runs')).map((r) => Number(r.run_id)));
  }

  /** Records a batch of finished runs in one transaction; a failed write (a full disk, say) is a UserError. */
  async write(batch: readonly RunRecord[]): Promise<void> {
    const conn = this.db.conn;
    try {
      await transaction(conn, async () => {
        const runs = await conn.createAppender('runs');
        const outputs = await conn.createAppender('outputs');
        const series = trajectoryOutputs(this.plan).length > 0 ? await conn.createAppender('trajectories') : undefined;
        for (const r of batch) this.append(r, runs, outputs, series);
        for (const a of [runs, outputs, series]) a?.closeSync();
      });
    } catch (err) {
      throw new UserError(`cannot record runs in ${this.file}: ${(err as Error).message.split('\n')[0]}`, 'runs committed before this are kept: fix the cause and continue with --resume');
    }
  }

  private append(r: RunRecord, runs: DuckDBAppender, outputs: DuckDBAppender, series: DuckDBAppender | undefined): void {
    [r.run.id, r.run.point, r.run.replication, r.run.seed].forEach((x) => runs.appendInteger(x));
    r.values.forEach((x) => runs.appendDouble(x));
    runs.appendVarchar(r.status);
    runs.appendDouble(r.wallMs);
    if (r.error === undefined) runs.appendNull();
    else runs.appendVarchar(r.error);
    runs.endRow();
    if (r.status !== 'ok') return;
    outputs.appendInteger(r.run.id);
    r.outputs!.forEach((x) => outputs.appendDouble(x));
    outputs.endRow();
    trajectoryOutputs(this.plan).forEach((o, k) =>
      r.trajectories![k]!.forEach((v, tick) => {
        series!.appendInteger(r.run.id);
        series!.appendInteger(tick);
        series!.appendVarchar(o.metric);
        series!.appendDouble(v);
        series!.endRow();
      }),
    );
  }

  close(): void {
    this.db.close();
  }
}
