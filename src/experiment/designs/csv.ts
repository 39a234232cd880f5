/**
 * Design and output CSV files.
 *
 * Design CSV: bookkeeping columns first, then one column per parameter
 * (header = parameter name), one row per model run.
 * - grid, lhs: parameter columns only.
 * - sobol: `design` (= sobol), `block` (base sample j, 0-based), `step`
 *   (0 = A, i = 1..D = A_B^(i), i counting parameter columns left to right, D+1 = B).
 * - morris: `design` (= morris), `trajectory` (0-based), `step` (0..D),
 *   `moved` (name of the parameter changed from the previous step; empty at
 *   step 0), `delta` (signed change of that parameter in the unit cube, ±Δ; 0 at step 0).
 * Numbers are written in JavaScript's shortest round-trip form. When read
 * back, the number of parameters D follows from the steps (sobol: D + 1 is the
 * largest step; morris: D); columns after the first D parameter columns, such
 * as outputs appended to the design, are not parameters.
 *
 * Outputs CSV: one column per output (header = output name), rows aligned
 * with the design's rows.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { UserError } from '../../errors.js';
import { suggestionHint } from '../../scenario/suggest.js';
import { BOOKKEEPING_COLUMNS, RESERVED_COLUMNS, type DesignTable, type MorrisDesign, type SobolDesign } from './types.js';

/** A parsed CSV: header and string cells. */
export interface CsvTable {
  file: string;
  header: string[];
  cells: string[][];
}

/** One output column. */
export interface OutputColumn {
  name: string;
  values: number[];
}

/** Reads a text file, turning a missing or unreadable file into a UserError naming `what`. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** Bookkeeping cells of row r, in BOOKKEEPING_COLUMNS order. */
function bookkeeping(d: DesignTable, r: number): (string | number)[] {
  if (d.method === 'sobol') return [d.method, d.block[r]!, d.step[r]!];
  if (d.method === 'morris') return [d.method, d.trajectory[r]!, d.step[r]!, d.moved[r]! < 0 ? '' : d.names[d.moved[r]!]!, d.delta[r]!];
  return [];
}

/** The design as CSV text (see the module comment for the columns). */
export function designToCsv(d: DesignTable): string {
  const header = [...BOOKKEEPING_COLUMNS[d.method], ...d.names];
  const lines = d.rows.map((row, r) => [...bookkeeping(d, r), ...row].map(String).join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** Parses CSV text with a header row; empty lines are skipped, cells trimmed. */
export function parseCsv(text: string, file: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new UserError(`${file}: not a valid CSV file: ${(err as Error).message}`);
  }
  const [header, ...cells] = records;
  if (!header || cells.length === 0) throw new UserError(`${file}: needs a header row and at least one data row`);
  return { file, header, cells };
}

/** Index of a column, or a UserError naming the file and suggesting the nearest header. */
export function columnIndex(t: CsvTable, name: string, why = ''): number {
  const j = t.header.indexOf(name);
  if (j < 0) throw new UserError(`${t.file}: no column "${name}"${why}`, suggestionHint(name, t.header));
  return j;
}

/** Numeric values of column j; a UserError names the row (1-based, after the header) and column. */
export function numericColumn(t: CsvTable, j: number): number[] {
  return t.cells.map((row, i) => {
    const cell = row[j] ?? '';
    const x = cell === '' ? NaN : Number(cell);
    if (!Number.isFinite(x)) throw new UserError(`${t.file}: row ${i + 1}, column "${t.header[j]}": "${cell}" is not a finite number`);
    return x;
  });
}

/**
 * How to get a design for `method`: the sweep spec first (the sweep runs it
 * and `analyze` reads the results folder), the CSV route second.
 */
export function designHint(method: string): string {
  const design = method === 'sobol' ? '{ kind: sobol, n: 256 }' : method === 'morris' ? '{ kind: morris, n: 20, levels: 4 }' : `{ kind: ${method} }`;
  return `in the sweep spec, set \`design: ${design}\` with each factor a range { min, max }, run \`gvc-sim sweep SPEC.yaml\`, then \`gvc-sim analyze ${method} results/NAME --metric M\`; or, without a sweep, write a design CSV with \`gvc-sim design ${method} --params PARAMS.yaml\``;
}

/** Reads a sobol or morris design CSV back, checking that the method's bookkeeping columns are there. */
export function parseDesignCsv(text: string, file: string, method: 'sobol'): SobolDesign;
export function parseDesignCsv(text: string, file: string, method: 'morris'): MorrisDesign;
export function parseDesignCsv(text: string, file: string, method: 'sobol' | 'morris'): SobolDesign | MorrisDesign;
export function parseDesignCsv(text: string, file: string, method: 'sobol' | 'morris'): SobolDesign | MorrisDesign {
  const t = parseCsv(text, file);
  const need = BOOKKEEPING_COLUMNS[method];
  const missing = need.filter((c) => !t.header.includes(c));
  if (missing.length > 0)
    throw new UserError(`${file}: not a ${method} design: missing column(s) ${missing.join(', ')}`, designHint(method));
  const kinds = new Set(t.cells.map((row) => row[t.header.indexOf('design')]));
  if (kinds.size !== 1 || !kinds.has(method)) throw new UserError(`${file}: column "design" must be "${method}" on every row (found ${[...kinds].join(', ')})`);
  const int = (c: string) => numericColumn(t, t.header.indexOf(c));
  const step = int('step');
  const last = step.reduce((a, b) => Math.max(a, b), -Infinity);
  const names = parameterColumns(t, method === 'sobol' ? last - 1 : last);
  const cols = names.map((n) => numericColumn(t, t.header.indexOf(n)));
  const rows = t.cells.map((_, i) => cols.map((c) => c[i]!));
  if (method === 'sobol') return { method, names, rows, block: int('block'), step };
  return { method, names, rows, trajectory: int('trajectory'), step, moved: movedColumn(t, names), delta: int('delta') };
}

/**
 * The D parameter columns: the first D non-bookkeeping columns, D being
 * implied by the largest step; later columns (outputs appended to the
 * design, say) are not parameters.
 */
function parameterColumns(t: CsvTable, d: number): string[] {
  const candidates = t.header.filter((h) => !RESERVED_COLUMNS.includes(h));
  if (!(d >= 1) || candidates.length < d)
    throw new UserError(`${t.file}: the steps imply ${d} parameters, but there are ${candidates.length} parameter columns`);
  return candidates.slice(0, d);
}

/** The `moved` column as parameter indices (-1 where empty). */
function movedColumn(t: CsvTable, names: string[]): number[] {
  const j = t.header.indexOf('moved');
  return t.cells.map((row, i) => {
    const cell = row[j]!;
    if (cell === '') return -1;
    const k = names.indexOf(cell);
    if (k < 0) throw new UserError(`${t.file}: row ${i + 1}, column "moved": "${cell}" is not a parameter column`, suggestionHint(cell, names));
    return k;
  });
}

/**
 * Output columns of an outputs CSV: the one named `column`, or else every
 * column not in `exclude` (so a design CSV with outputs appended works too).
 */
export function parseOutputsCsv(text: string, file: string, opts: { column?: string; exclude?: readonly string[] } = {}): OutputColumn[] {
  const t = parseCsv(text, file);
  const indices = opts.column !== undefined ? [columnIndex(t, opts.column)] : t.header.flatMap((h, j) => (opts.exclude?.includes(h) ? [] : [j]));
  if (indices.length === 0) throw new UserError(`${file}: no output columns besides the design's`, 'name one with --column');
  return indices.map((j) => ({ name: t.header[j]!, values: numericColumn(t, j) }));
}
