/** Plain-text and Markdown tables for terminal summaries and reports. */

export type Cell = string | number | null | undefined;

/** Formats a number for a table: fixed significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

function cellText(c: Cell, digits: number): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? formatNumber(c, digits) : c;
}

/** Numbers, and numbers with a unit or an error (`3.5%`, `+1.2 pp`, `0.12 ± 0.01`): right-aligned in tables. */
export function isNumberLike(c: Cell): boolean {
  return typeof c === 'number' || c == null || /^[+−-]?\d[\d.e+−-]*(%| pp| ± [\d.e+-]+)$/.test(c);
}

/** Aligned plain-text table: numbers right-aligned, text left-aligned. */
export function formatTable(header: string[], rows: Cell[][], digits = 4): string {
  const text = rows.map((r) => r.map((c) => cellText(c, digits)));
  const widths = header.map((h, j) => Math.max(h.length, ...text.map((r) => (r[j] ?? '').length)));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => isNumberLike(r[j])));
  const line = (cells: string[]) =>
    cells.map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** GitHub-flavoured Markdown table. */
export function formatMarkdownTable(header: string[], rows: Cell[][], digits = 4): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => esc(cellText(c, digits))).join(' | ')} |`),
  ].join('\n');
}
