/**
 * Reads a CSV file into raw string columns and turns the columns a panel
 * model names into a typed `Panel`, with errors that name the file, column,
 * line and value at fault.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../../errors.js';
import { nearestName } from './names.js';
import type { ClusterSpec, Panel } from './types.js';

export interface CsvTable {
  /** File name used in messages. */
  readonly file: string;
  readonly header: readonly string[];
  /** Raw (trimmed) cells by column name. */
  readonly columns: ReadonlyMap<string, readonly string[]>;
  /** Line in the file on which each data row ends (the header is line 1). */
  readonly lines: readonly number[];
}

function assertHeader(header: readonly string[], file: string): void {
  const blank = header.findIndex((h) => h === '');
  if (blank >= 0) throw new UserError(`${file}: column ${blank + 1} of the header has no name`);
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new UserError(`${file}: the header names column '${h}' twice`);
    seen.add(h);
  }
}

/** Parses CSV text (first row = header). `file` names the source in messages. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` csv-parse returns {record, info} objects; its typings only describe string[][].
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw new UserError(`${file}: ${err.message}`, 'check quoting and that every row has as many fields as the header');
    throw err;
  }
  if (records.length === 0) throw new UserError(`${file} is empty`, 'expected a header row followed by one row per observation');
  const header = records[0]!.record;
  assertHeader(header, file);
  const rows = records.slice(1);
  if (rows.length === 0) throw new UserError(`${file} has a header but no data rows`);
  const columns = new Map(header.map((name, j) => [name, rows.map((r) => r.record[j]!)]));
  return { file, header, columns, lines: rows.map((r) => r.info.lines) };
}

/** Reads and parses a CSV file; a missing or unreadable file is a UserError. */
export function readCsvTable(path: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`file not found: ${path}`);
    if (code === 'EISDIR') throw new UserError(`${path} is a directory, not a CSV file`);
    throw new UserError(`cannot read ${path}: ${(err as Error).message}`);
  }
  return parseCsvTable(text, basename(path));
}

/** The raw cells of a column; a missing name is reported with the closest existing one. */
export function rawColumn(table: CsvTable, name: string): readonly string[] {
  const column = table.columns.get(name);
  if (column) return column;
  const guess = nearestName(name, table.header);
  throw new UserError(
    `column '${name}' not found in ${table.file}${guess ? ` (did you mean '${guess}'?)` : ''}`,
    `available columns: ${table.header.join(', ')}`,
  );
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A column as numbers; an empty or non-numeric cell is reported with its line and value. */
export function numericColumn(table: CsvTable, name: string): number[] {
  return rawColumn(table, name).map((cell, i) => {
    if (!DECIMAL.test(cell)) {
      const what = cell === '' ? 'an empty value' : `the non-numeric value '${cell}'`;
      throw new UserError(`column '${name}' has ${what} on line ${table.lines[i]} of ${table.file}`, 'numeric columns must hold plain decimal numbers; remove or fill rows with missing data');
    }
    return Number(cell);
  });
}

/** A column of labels (entity, time, cluster, group); empty cells are errors. */
export function labelColumn(table: CsvTable, name: string): readonly string[] {
  const column = rawColumn(table, name);
  const blank = column.findIndex((cell) => cell === '');
  if (blank >= 0) throw new UserError(`column '${name}' is empty on line ${table.lines[blank]} of ${table.file}`, 'every row needs a label in this column');
  return column;
}

/** Which columns of a CSV file make up a panel model. */
export interface PanelColumns {
  readonly y: string;
  readonly x: readonly string[];
  readonly entity: string;
  readonly time: string;
  readonly cluster?: string;
}

/** Builds the typed panel (and cluster labels) for a model from a parsed CSV table. */
export function panelFromTable(table: CsvTable, cols: PanelColumns): { panel: Panel; cluster?: ClusterSpec } {
  const entity = labelColumn(table, cols.entity);
  const time = labelColumn(table, cols.time);
  const names = [...new Set([cols.y, ...cols.x])];
  const vars = Object.fromEntries(names.map((name) => [name, numericColumn(table, name)]));
  const panel: Panel = { vars, entity, time };
  return cols.cluster ? { panel, cluster: { name: cols.cluster, labels: labelColumn(table, cols.cluster) } } : { panel };
}
