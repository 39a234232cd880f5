/**
 * Reading a results folder written by `gvc-sim run` (or one side of
 * `gvc-sim compare`): its manifest, per-tick CSVs and final-year summary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type { Manifest } from '../output/manifest.js';
import type { MetricColumns } from './series.js';

/** A CSV of numbers (and label columns) by column. */
export type Columns = Record<string, Float64Array | string[]>;

const NOT_RESULTS = 'is this a results folder written by `gvc-sim run`?';

/** Reads a results CSV by column; label columns (region, group, market) stay text. */
export function readColumns(file: string): MetricColumns & Columns {
  if (!existsSync(file)) throw new UserError(`no file ${file}`, NOT_RESULTS);
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const out: Columns = {};
  for (const name of header) {
    const texts = rows.map((r) => r[name]!);
    const numeric = texts.every((t) => (t !== '' && Number.isFinite(Number(t))) || t === 'NaN');
    out[name] = numeric ? Float64Array.from(texts, Number) : texts;
  }
  return out as MetricColumns & Columns;
}

/** Checks that `dir` is an existing folder; a clear error beats "no manifest.json in ...". */
export function requireFolder(dir: string): void {
  if (!existsSync(dir)) throw new UserError(`no folder ${dir}`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is a file, not a results folder`, NOT_RESULTS);
}

export function readManifest(dir: string): Manifest {
  requireFolder(dir);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new UserError(`no manifest.json in ${dir}`, NOT_RESULTS);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The region table (regions.csv), or undefined when absent. */
export function readRegions(dir: string): Columns | undefined {
  const file = join(dir, 'regions.csv');
  return existsSync(file) ? readColumns(file) : undefined;
}
