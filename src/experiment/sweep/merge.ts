/**
 * `gvc-sim merge`: shard folders into one results database. Shards must come
 * from the same spec (equal spec hash); a run recorded by several shards is
 * kept once. The merged database is a whole (unsharded) sweep, so
 * `gvc-sim sweep SPEC --resume --out MERGED` fills in whatever is missing.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { ident, literal, openDb, rows, transaction, type Db } from './db.js';
import { metaValue, openResults, resultsFile } from './results.js';
import { formatShard, WHOLE } from './shard.js';
import { DB_FILE } from './store.js';

export interface ShardSummary {
  dir: string;
  shard: string;
  runs: number;
  failed: number;
}

export interface MergeResult {
  dbFile: string;
  shards: ShardSummary[];
  total: number;
  recorded: number;
  failed: number;
  /** Run ids no shard recorded, ascending. */
  missing: number[];
}

interface ShardInfo {
  dir: string;
  file: string;
  hash: string;
  name: string;
  shard: string;
  total: number;
}

async function shardInfo(dir: string): Promise<ShardInfo> {
  const r = await openResults(dir);
  try {
    return { dir, file: r.file, hash: metaValue(r, 'spec_hash'), name: metaValue(r, 'spec_name'), shard: metaValue(r, 'shard'), total: Number(metaValue(r, 'runs_total')) };
  } finally {
    r.db.close();
  }
}

function checkSameSpec(infos: ShardInfo[]): void {
  const first = infos[0]!;
  const other = infos.find((i) => i.hash !== first.hash);
  if (other)
    throw new UserError(
      `${other.dir} comes from a different sweep than ${first.dir} (spec '${other.name}' hash ${other.hash.slice(0, 12)}…, spec '${first.name}' hash ${first.hash.slice(0, 12)}…)`,
      'merge only the shards of one spec, run with the same base scenario',
    );
}

/** Creates the merged tables with the shards' own definitions (keys included). */
async function createTables(db: Db, alias: string): Promise<string[]> {
  const defs = await rows(db.conn, `SELECT table_name, sql FROM duckdb_tables() WHERE database_name = ${literal(alias)} ORDER BY table_name`);
  for (const d of defs) await db.conn.run(String(d.sql));
  return defs.map((d) => String(d.table_name));
}

/** Copies one shard's rows, skipping runs already merged from an earlier shard. */
async function copyShard(db: Db, alias: string, tables: string[]): Promise<void> {
  const fresh = (t: string) => `INSERT INTO ${ident(t)} SELECT * FROM ${alias}.${ident(t)} WHERE run_id NOT IN (SELECT run_id FROM ${ident(t)})`;
  for (const t of tables.filter((x) => x !== 'meta' && x !== 'design')) await db.conn.run(fresh(t));
}

async function summarize(db: Db, alias: string, info: ShardInfo): Promise<ShardSummary> {
  const [c] = await rows(db.conn, `SELECT count(*) AS runs, count(*) FILTER (WHERE status = 'failed') AS failed FROM ${alias}.runs`);
  return { dir: info.dir, shard: info.shard, runs: Number(c!.runs), failed: Number(c!.failed) };
}

/** Run ids in 0 … total−1 that are not recorded. */
async function missingRuns(db: Db, total: number): Promise<number[]> {
  const have = new Set((await rows(db.conn, 'SELECT run_id FROM runs')).map((r) => Number(r.run_id)));
  return Array.from({ length: total }, (_, id) => id).filter((id) => !have.has(id));
}

/** Merges shard folders into `outDir`. */
export async function mergeSweeps(dirs: string[], outDir: string): Promise<MergeResult> {
  if (dirs.length === 0) throw new UserError('name the shard folders to merge');
  const infos = await Promise.all(dirs.map(shardInfo));
  checkSameSpec(infos);
  const file = join(outDir, DB_FILE);
  if (infos.some((i) => resolve(i.file) === resolve(file))) throw new UserError('--out must be a new folder, not one of the shards');
  if (existsSync(file)) throw new UserError(`${outDir} already holds a sweep (${DB_FILE})`, 'choose another --out folder');
  mkdirSync(outDir, { recursive: true });
  const db = await openDb(file);
  let merged: MergeResult | undefined;
  try {
    merged = await mergeInto(db, file, infos);
    return merged;
  } finally {
    db.close();
    // A merge that failed half-way leaves no database behind.
    if (!merged) for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
  }
}

async function mergeInto(db: Db, file: string, infos: ShardInfo[]): Promise<MergeResult> {
  const shards: ShardSummary[] = [];
  for (const [k, info] of infos.entries()) await db.conn.run(`ATTACH ${literal(resultsFile(info.dir))} AS s${k} (READ_ONLY)`);
  await transaction(db.conn, async () => {
    const tables = await createTables(db, 's0');
    await db.conn.run('INSERT INTO meta SELECT * FROM s0.meta');
    await db.conn.run('INSERT INTO design SELECT * FROM s0.design');
    await db.conn.run(`UPDATE meta SET value = ${literal(formatShard(WHOLE))} WHERE key = 'shard'`);
    await db.conn.run(`INSERT INTO meta VALUES ('merged_from', ${literal(JSON.stringify(infos.map((i) => i.dir)))})`);
    for (const [k, info] of infos.entries()) {
      await copyShard(db, `s${k}`, tables);
      shards.push(await summarize(db, `s${k}`, info));
    }
  });
  const [c] = await rows(db.conn, "SELECT count(*) AS runs, count(*) FILTER (WHERE status = 'failed') AS failed FROM runs");
  const missing = await missingRuns(db, infos[0]!.total);
  return { dbFile: file, shards, total: infos[0]!.total, recorded: Number(c!.runs), failed: Number(c!.failed), missing };
}
