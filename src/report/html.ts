/**
 * One self-contained HTML report: inline CSS, charts inlined as SVG, no
 * scripts and no external URLs, so the file opens offline and can be mailed.
 */
import type { VegaLiteSpec } from './charts.js';
import { renderSvg } from './render.js';
import { REPORT_CSS } from './report-css.js';
import { type Cell, formatNumber, isNumberLike } from './table.js';

export type ReportTable = { header: string[]; rows: Cell[][]; /** significant digits of numbers (default 4) */ digits?: number };

/** A chart with a short caption under it (e.g. how to read it). */
export type CaptionedChart = { chart: VegaLiteSpec; caption: string };

export type ReportSection = {
  heading: string;
  /** Plain text; blank lines separate paragraphs. */
  text?: string;
  table?: ReportTable;
  charts?: (VegaLiteSpec | CaptionedChart)[];
};

export type ReportInput = {
  title: string;
  subtitle?: string;
  meta: Record<string, string | number>;
  sections: ReportSection[];
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Integers in full (seeds, counts); other numbers like the terminal tables. */
function formatValue(v: string | number, digits = 4): string {
  return typeof v === 'number' && !Number.isInteger(v) ? formatNumber(v, digits) : String(v);
}

function metaHtml(meta: Record<string, string | number>): string {
  const items = Object.entries(meta).map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(formatValue(v))}</dd></div>`);
  return items.length ? `<dl class="meta">${items.join('')}</dl>` : '';
}

function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/** A table whose all-numeric columns are right-aligned (same rule as the terminal tables). */
function tableHtml({ header, rows, digits = 4 }: ReportTable): string {
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => isNumberLike(r[j])));
  const cls = (j: number) => (numeric[j] ? ' class="num"' : '');
  const cell = (c: Cell) => (c == null ? '' : escapeHtml(formatValue(c, digits)));
  const head = `<tr>${header.map((h, j) => `<th${cls(j)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${header.map((_, j) => `<td${cls(j)}>${cell(r[j])}</td>`).join('')}</tr>`);
  return `<div class="table-wrap"><table><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

function isCaptioned(c: VegaLiteSpec | CaptionedChart): c is CaptionedChart {
  return 'chart' in c && 'caption' in c;
}

function figureHtml(svg: string, c: VegaLiteSpec | CaptionedChart): string {
  const caption = isCaptioned(c) ? `<figcaption>${escapeHtml(c.caption)}</figcaption>` : '';
  return `<figure class="chart">${svg}${caption}</figure>`;
}

function sectionHtml(section: ReportSection, index: number, svgs: string[]): string {
  const parts = [`<h2>${escapeHtml(section.heading)}</h2>`];
  if (section.text) parts.push(paragraphsHtml(section.text));
  if (section.table) parts.push(tableHtml(section.table));
  if (svgs.length) parts.push(`<div class="charts">${svgs.map((s, k) => figureHtml(s, section.charts![k]!)).join('\n')}</div>`);
  return `<section id="s${index + 1}">\n${parts.join('\n')}\n</section>`;
}

function tocHtml(sections: ReportSection[]): string {
  if (sections.length < 2) return '';
  const items = sections.map((s, i) => `<li><a href="#s${i + 1}">${escapeHtml(s.heading)}</a></li>`);
  return `<nav class="toc" aria-label="Contents"><ol>${items.join('')}</ol></nav>`;
}

/** Renders every chart (in parallel) and assembles the report as one HTML string. */
export async function buildHtmlReport({ title, subtitle, meta, sections }: ReportInput): Promise<string> {
  // Inlined SVGs share one id space; Vega numbers clip paths and gradients process-wide, so they do not clash.
  const svgs = await Promise.all(sections.map((s) => Promise.all((s.charts ?? []).map((c) => renderSvg(isCaptioned(c) ? c.chart : c)))));
  const header = [`<h1>${escapeHtml(title)}</h1>`, subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '', metaHtml(meta)];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="masthead"><div class="wrap">${header.join('\n')}</div></header>
<main class="wrap">
${tocHtml(sections)}
${sections.map((s, i) => sectionHtml(s, i, svgs[i]!)).join('\n')}
</main>
</body>
</html>
`;
}
