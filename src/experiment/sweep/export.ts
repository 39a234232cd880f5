/** `gvc-sim export`: every table of a sweep database as Parquet or CSV files, in key order. */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ident, literal, tableNames } from './db.js';
import { openResults } from './results.js';

export type ExportFormat = 'csv' | 'parquet';

/** How each table is ordered in its file. */
const ORDER: Record<string, string> = {
  meta: 'key',
  design: 'point',
  runs: 'run_id',
  outputs: 'run_id',
  trajectories: 'run_id, metric, tick',
};

const OPTIONS: Record<ExportFormat, string> = { csv: 'FORMAT csv, HEADER true', parquet: 'FORMAT parquet' };

/** Writes each table to `outDir/<table>.<format>` (atomically: a finished file or none); returns the files written. */
export async function exportSweep(dir: string, format: ExportFormat, outDir = dir): Promise<string[]> {
  const r = await openResults(dir);
  try {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
    for (const table of await tableNames(r.db.conn)) {
      const file = join(outDir, `${table}.${format}`);
      const order = ORDER[table] ? ` ORDER BY ${ORDER[table]}` : '';
      await r.db.conn.run(`COPY (SELECT * FROM ${ident(table)}${order}) TO ${literal(`${file}.partial`)} (${OPTIONS[format]})`);
      renameSync(`${file}.partial`, file);
      files.push(file);
    }
    return files;
  } finally {
    r.db.close();
  }
}
