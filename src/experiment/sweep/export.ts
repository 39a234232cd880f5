/**
 * `gvc-sim export`: every table of a sweep database as Parquet or CSV files,
 * in key order. Columns get names Python and R read cleanly
 * (`regions.*.financeDepth` → `regions_all_financeDepth`, see
 * output/column-names.ts); `columns.csv` maps each back to its original
 * name, and each Parquet file carries the same map in its metadata.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../output/atomic.js';
import { copyWithSafeNames, type OutputFormat } from '../parquet.js';
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

/** One exported column: the file it is in, its safe name there, and its name in the database (a parameter path or metric). */
export type ExportedColumn = { file: string; column: string; name: string };

function columnsCsv(columns: ExportedColumn[]): string {
  const text = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['file,column,name', ...columns.map((c) => [c.file, c.column, c.name].map(text).join(','))].join('\n') + '\n';
}

/**
 * Writes each table to `outDir/<table>.<format>` (atomically: a finished file
 * or none) with safe column names, and `columns.csv`; returns the files written.
 */
export async function exportSweep(dir: string, format: ExportFormat, outDir = dir): Promise<string[]> {
  const r = await openResults(dir);
  try {
    mkdirSync(outDir, { recursive: true });
    const files: string[] = [];
    const all: ExportedColumn[] = [];
    for (const table of await tableNames(r.db.conn)) {
      const name = `${table}.${format}`;
      const file = join(outDir, name);
      const names = (await rows(r.db.conn, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ${literal(table)} ORDER BY ordinal_position`)).map((x) => String(x.column_name));
      const safe = await copyWithSafeNames(r.db.conn, `SELECT * FROM ${ident(table)}`, names, file, format, ORDER[table]);
      files.push(file);
      all.push(...safe.map((column, k) => ({ file: name, column, name: names[k]! })));
    }
    const map = join(outDir, 'columns.csv');
    writeFileAtomic(map, columnsCsv(all));
    return [...files, map];
  } finally {
    r.db.close();
  }
}
