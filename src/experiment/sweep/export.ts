/**
 * `gvc-sim export` and `sweep --format parquet`: every table of a sweep
 * database as Parquet or CSV files, in key order. Parquet columns get safe
 * names (`regions.*.financeDepth` → `regions_all_financeDepth`), the names as
 * in the database kept in each file's metadata (experiment/parquet.ts).
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { copyToParquet, type OutputFormat } from '../parquet.js';
import { ident, literal, rows, tableNames } from './db.js';
import { openResults } from './results.js';

export type ExportFormat = OutputFormat;

/** How each table is ordered in its file. */
const ORDER: Record<string, string> = {
  meta: 'key',
  design: 'point',
  runs: 'run_id',
  outputs: 'run_id',
  trajectories: 'run_id, metric, tick',
};

const OPTIONS = { csv: 'FORMAT csv, HEADER true' };

/** Writes each table to `outDir/<table>.<format>` (atomically: a finished file or none); returns the files written. */
export async function exportSweep(dir: string, format: ExportFormat, outDir = dir): Promise<string[]> {
  const r = await openResults(dir);
  try {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
    for (const table of await tableNames(r.db.conn)) {
      const file = join(outDir, `${table}.${format}`);
      if (format === 'parquet') {
        const columns = await rows(r.db.conn, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]);
        await copyToParquet(r.db.conn, `SELECT * FROM ${ident(table)}`, columns.map((c) => String(c.column_name)), file, ORDER[table]);
      } else {
        const order = ORDER[table] ? ` ORDER BY ${ORDER[table]}` : '';
        await r.db.conn.run(`COPY (SELECT * FROM ${ident(table)}${order}) TO ${literal(`${file}.partial`)} (${OPTIONS.csv})`);
        renameSync(`${file}.partial`, file);
      }
      files.push(file);
    }
    return files;
  } finally {
    r.db.close();
  }
}
