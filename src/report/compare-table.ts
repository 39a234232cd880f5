/**
 * The differences table of a comparison, shared by the terminal, Markdown,
 * and HTML outputs: final-year A, B, B − A with its paired 95% CI, and a
 * marker where that CI excludes zero.
 */
import type { MetricDifference } from '../experiment/compare.js';
import { isShareMetric, metricLabel } from './metric-labels.js';
import { type Cell, formatMarkdownTable, formatNumber, formatTable } from './table.js';

/** Marks a difference whose 95% CI excludes zero. */
const SIGNIFICANT_MARK = '*';

export type TableFormat = 'table' | 'md';

/** Header and rows; `labels` adds the plain-language metric name before the column name. */
export function differencesTable(rows: MetricDifference[], seeds: number, labels = false): { header: string[]; rows: Cell[][] } {
  const ci = seeds > 1;
  const header = [...(labels ? ['metric', 'column'] : ['metric']), 'A', 'B', 'B − A', ...(ci ? ['95% CI low', '95% CI high', ''] : [])];
  const body = rows.map((r) => [
    ...(labels ? [metricLabel(r.metric)] : []),
    r.metric,
    r.a,
    r.b,
    r.diff,
    ...(ci ? [r.lo ?? null, r.hi ?? null, r.significant ? SIGNIFICANT_MARK : ''] : []),
  ]);
  return { header, rows: body };
}

/** The note printed under a differences table. */
export function differencesNote(seeds: number): string {
  return seeds > 1
    ? `Final-year means on the same ${seeds} seeds; B − A with a paired t-based 95% CI over the per-seed differences. ${SIGNIFICANT_MARK}: the CI excludes zero.`
    : 'One seed: no confidence interval. Use --seeds 5 or more to tell a difference from noise.';
}

/** The table as aligned text or Markdown, with its note. */
export function formatDifferences(rows: MetricDifference[], seeds: number, format: TableFormat): string {
  const { header, rows: body } = differencesTable(rows, seeds);
  const table = format === 'md' ? formatMarkdownTable(header, body) : formatTable(header, body);
  return `${table}\n\n${differencesNote(seeds)}`;
}

/** A difference in words: percentage points for shares, e.g. `−3.2 pp (95% CI −4.1 to −2.3 pp)`. */
export function differenceText(r: MetricDifference): string {
  const share = isShareMetric(r.metric);
  const f = (x: number) => (share ? `${formatNumber(100 * x, 3)} pp` : formatNumber(x, 4));
  const ci = r.lo === undefined || r.hi === undefined ? '' : ` (95% CI ${f(r.lo)} to ${f(r.hi)})`;
  const verdict = r.lo === undefined ? '' : r.significant ? ': the CI excludes zero.' : ': the CI includes zero, no clear difference.';
  return `Final year, B − A = ${f(r.diff)}${ci}${verdict}`;
}
