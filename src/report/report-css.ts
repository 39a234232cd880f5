/** Stylesheet inlined into HTML reports; system fonts only, so nothing is fetched. */
export const REPORT_CSS = `
:root {
  --ink: #1f2937; --muted: #4b5563; --rule: #e5e7eb; --bg: #f8fafc; --card: #ffffff; --accent: #0072B2;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
.masthead { background: var(--card); border-bottom: 1px solid var(--rule); border-top: 4px solid var(--accent); padding: 28px 0 20px; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
.subtitle { color: var(--muted); font-size: 1.05rem; margin: 0 0 16px; }
.meta { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 16px 0 0; font-size: 0.875rem; }
.meta div { min-width: 0; }
.meta dt { color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
.meta dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.toc { margin: 24px 0 8px; font-size: 0.9rem; }
.toc ol { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0; padding-left: 1.2em; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover { text-decoration: underline; }
section { margin: 32px 0 40px; }
h2 { font-size: 1.3rem; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
section > p { max-width: 80ch; margin: 0 0 12px; }
.table-wrap { overflow-x: auto; margin: 16px 0; background: var(--card); border: 1px solid var(--rule); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
th, td { padding: 6px 12px; text-align: left; white-space: nowrap; }
th { background: #f1f5f9; font-weight: 600; border-bottom: 1px solid var(--rule); }
tbody tr:nth-child(even) { background: #f8fafc; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 600px), 1fr)); gap: 16px; margin-top: 16px; }
.chart { margin: 0; padding: 12px; background: var(--card); border: 1px solid var(--rule); border-radius: 6px; }
.chart svg { display: block; width: 100%; height: auto; }
.chart figcaption { margin: 8px 4px 0; color: var(--muted); font-size: 0.85rem; max-width: 80ch; }
@media print {
  :root { background: white; }
  .toc { display: none; }
  .chart, .table-wrap { break-inside: avoid; }
}
`;
