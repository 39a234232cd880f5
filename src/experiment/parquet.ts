/**
 * Parquet beside the CSVs (`--format parquet`), for pandas, polars, R and
 * DuckDB. Column names are made safe for every tool (`regions.*.financeDepth`
 * → `regions_all_financeDepth`); each file keeps its columns' names as written
 * in its key-value metadata under `gvc-sim:columns` (a JSON object: safe name →
 * name). Files are written to `<file>.partial` and renamed when whole, as the CSVs are.
 */
import { renameSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.js';
import { safeColumnNames } from '../output/column-names.js';
import { ident, literal, openDb } from './sweep/db.js';

export { safeColumnName, safeColumnNames } from '../output/column-names.js';

export type OutputFormat = 'csv' | 'parquet';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'parquet'];

/** The metadata key holding the JSON object safe column name → name as the tool writes it elsewhere. */
export const COLUMNS_KEY = 'gvc-sim:columns';

/** A column of a CSV file and its DuckDB type. */
export interface CsvColumn {
  name: string;
  type: 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR';
}

/**
 * Writes `select` (a query whose columns are `columns`, in order), ordered by
 * `orderBy` if given, to `file` as Parquet or CSV with safe column names (a
 * Parquet file keeps the names as given in its metadata); returns the safe names.
 */
export async function copyWithSafeNames(
  conn: DuckDBConnection, select: string, columns: readonly string[], file: string, format: OutputFormat = 'parquet', orderBy?: string,
): Promise<string[]> {
  const safe = safeColumnNames(columns);
  const renamed = columns.map((c, k) => `${ident(c)} AS ${ident(safe[k]!)}`).join(', ');
  const names = Object.fromEntries(safe.map((s, k) => [s, columns[k]!]));
  const options = format === 'csv' ? 'FORMAT csv, HEADER true' : `FORMAT parquet, KV_METADATA {${literal(COLUMNS_KEY)}: ${literal(JSON.stringify(names))}}`;
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  await conn.run(`COPY (SELECT ${renamed} FROM (${select})${order}) TO ${literal(`${file}.partial`)} (${options})`);
  renameSync(`${file}.partial`, file);
  return safe;
}

// DuckDB would otherwise cache up to 80 % of RAM for a large agents.csv.
const MEMORY_LIMIT = '256MB';

/**
 * Copies each CSV written by a run to a Parquet file of the same name beside
 * it, with the given column types; returns the names of the files written.
 * The numbers are the CSV's, read back exactly (it holds each in its shortest exact form).
 */
export async function csvsToParquet(files: ReadonlyArray<{ csv: string; columns: readonly CsvColumn[] }>): Promise<string[]> {
  const db = await openDb(':memory:');
  try {
    await db.conn.run(`SET memory_limit = ${literal(MEMORY_LIMIT)}`);
    const written: string[] = [];
    for (const { csv, columns } of files) {
      const file = csv.replace(/\.csv$/, '.parquet');
      const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
      const read = `SELECT * FROM read_csv(${literal(csv)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
      await copyWithSafeNames(db.conn, read, columns.map((c) => c.name), file);
      written.push(file.split(/[\\/]/).pop()!);
    }
    return written;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot write Parquet files: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    db.close();
  }
}
