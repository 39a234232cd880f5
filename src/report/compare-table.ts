/**
 * The differences table of a comparison, shared by the terminal, Markdown,
 * and HTML outputs: where (national, a region, a market), final-year A, B,
 * B − A with its paired 95% CI, and a marker where that CI excludes zero.
 * Shares print as percentages and their differences in percentage points.
 */
import type { Comparison, EffectiveParameters, MetricDifference } from '../experiment/compare.js';
import { isShareMetric, metricLabel } from './metric-labels.js';
import { type Cell, formatMarkdownTable, formatNumber, formatTable } from './table.js';

/** Marks a difference whose 95% CI excludes zero. */
const SIGNIFICANT_MARK = '*';

export type TableFormat = 'table' | 'md';

/** Whether a row is a share: recorded in the comparison, or (older compare.json) judged by its name. */
const isShareRow = (r: MetricDifference) => r.share ?? isShareMetric(r.metric);

/** A level as a share would be read: `3.54%`. */
export function percentText(x: number): string {
  return `${formatNumber(100 * x, 3)}%`;
}

/** A difference of shares in percentage points, signed: `+1.2 pp`, `-0.35 pp`. */
export function ppText(x: number): string {
  return `${x > 0 ? '+' : ''}${formatNumber(100 * x, 3)} pp`;
}

/** Where a row was measured: `national`, `region central`, `market EU`. */
export function whereText(r: MetricDifference): string {
  return !r.level || r.level === 'model' ? 'national' : `${r.level} ${r.unit ?? ''}`.trim();
}

/** A and B as levels (numbers, or percentages for shares). */
function levelCell(r: MetricDifference, x: number): Cell {
  return isShareRow(r) ? percentText(x) : x;
}

/** B − A and its CI bounds (numbers, or percentage points for shares). */
function diffCell(r: MetricDifference, x: number | undefined): Cell {
  if (x === undefined) return null;
  return isShareRow(r) ? ppText(x) : x;
}

/** Header and rows; `labels` adds the plain-language metric name before the column name. */
export function differencesTable(rows: MetricDifference[], seeds: number, labels = false): { header: string[]; rows: Cell[][] } {
  const ci = seeds > 1;
  const where = rows.some((r) => r.level && r.level !== 'model');
  const header = [...(where ? ['where'] : []), ...(labels ? ['metric', 'column'] : ['metric']), 'A', 'B', 'B − A', ...(ci ? ['95% CI low', '95% CI high', ''] : [])];
  const body = rows.map((r) => [
    ...(where ? [whereText(r)] : []),
    ...(labels ? [metricLabel(r.metric)] : []),
    r.metric,
    levelCell(r, r.a),
    levelCell(r, r.b),
    diffCell(r, r.diff),
    ...(ci ? [diffCell(r, r.lo), diffCell(r, r.hi), r.significant ? SIGNIFICANT_MARK : ''] : []),
  ]);
  return { header, rows: body };
}

/** The note printed under a differences table. */
export function differencesNote(seeds: number): string {
  const units = 'Shares are in percent and their differences in percentage points (pp); the CIs of shares of a whole are computed on a logit scale, so they stay within the possible range.';
  return seeds > 1
    ? `Final-year means on the same ${seeds} seeds; B − A with a paired 95% CI over the per-seed differences (t-based). ${SIGNIFICANT_MARK}: the CI excludes zero. ${units}`
    : `One seed: no confidence interval. Use --seeds 5 or more to tell a difference from noise. ${units}`;
}

/** The table as aligned text or Markdown, with its note. */
export function formatDifferences(rows: MetricDifference[], seeds: number, format: TableFormat): string {
  const { header, rows: body } = differencesTable(rows, seeds);
  const table = format === 'md' ? formatMarkdownTable(header, body) : formatTable(header, body);
  return `${table}\n\n${differencesNote(seeds)}`;
}

/** True when A and B agree on every seed (a parameter neither side changed, a region's constant flag). */
export function noDifference(r: MetricDifference): boolean {
  return r.diff === 0 && (r.lo === undefined || (r.lo === 0 && r.hi === 0));
}

/** A difference in words: percentage points for shares, e.g. `−3.2 pp (95% CI −4.1 to −2.3 pp)`. */
export function differenceText(r: MetricDifference): string {
  const f = (x: number) => (isShareRow(r) ? ppText(x) : formatNumber(x, 4));
  const ci = r.lo === undefined || r.hi === undefined ? '' : ` (95% CI ${f(r.lo)} to ${f(r.hi)})`;
  const verdict = r.lo === undefined ? '' : r.significant ? ': the CI excludes zero.' : ': the CI includes zero, no clear difference.';
  return `Final year, B − A = ${f(r.diff)}${ci}${verdict}`;
}

/**
 * What a side's platform charged: the fee policy and, when the commission is
 * not fixed, the realised commission, e.g. `market-power fee policy (base
 * commission 10%): realised commission 21.3%, take rate 24.1%`.
 */
export function effectiveText(e: EffectiveParameters | undefined): string {
  if (!e) return '';
  if (!e.platform) return 'no platform';
  const take = `take rate ${percentText(e.takeRate)} (fees / GMV, final year)`;
  if (e.feePolicy === 'fixed') return `commission ${percentText(e.commission)}, ${take}`;
  return `${e.feePolicy} fee policy (base commission ${percentText(e.commission)}): realised commission ${percentText(e.realisedCommission)}, ${take}`;
}

/** The lines above a printed table: each side with its own overrides and effective fees, then what both share. */
export function compareHeader(c: Comparison): string {
  const side = (letter: string, s: Comparison['a']) => `${letter} = ${s.label}${s.effective ? `: ${effectiveText(s.effective)}` : ''}`;
  const shared = c.shared?.length ? `Both: ${c.shared.join(', ')}` : 'Both: no shared overrides';
  return [side('A', c.a), side('B', c.b), shared].join('\n');
}
