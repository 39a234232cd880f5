/**
 * Column names every data tool reads as they are: letters, digits and
 * underscores, not starting with a digit. A parameter path becomes one by
 * `.` → `_` and a wildcard `*` → `all` (`regions.*.financeDepth` →
 * `regions_all_financeDepth`), so R's read.csv and pandas keep it whole;
 * the original path is written next to it (columns.csv, Parquet metadata).
 */

/** The safe name of one column. */
export function safeColumnName(name: string): string {
  const s = name
    .replace(/\*/g, 'all')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') return 'column';
  return /^[0-9]/.test(s) ? `x${s}` : s;
}

/** Safe names for a table's columns, in order; a clash gets `_2`, `_3`, … so every name stays unique. */
export function safeColumnNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const base = safeColumnName(n);
    let s = base;
    for (let k = 2; taken.has(s); k++) s = `${base}_${k}`;
    taken.add(s);
    return s;
  });
}
