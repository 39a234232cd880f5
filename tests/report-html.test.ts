import { describe, expect, it } from 'vitest';
import { heatmapSpec, timeSeriesSpec } from '../src/report/charts.js';
import { buildHtmlReport, escapeHtml } from '../src/report/html.js';

const line = (title: string) =>
  timeSeriesSpec({
    title,
    yTitle: 'share',
    yDomain: [0, 1],
    series: [0, 1, 2].map((tick) => ({ tick, mean: 0.5, lo: 0.4, hi: 0.6, label: 'A' })),
  });
const heat = (title: string) =>
  heatmapSpec({ title, xTitle: 'fee', yTitle: 'oversight', valueTitle: 'lock-in', cells: [{ x: 1, y: 1, value: 0.3 }, { x: 2, y: 1, value: 0.7 }] });

async function report(): Promise<string> {
  return buildHtmlReport({
    title: 'Run <script>alert(1)</script>',
    subtitle: 'fees & "oversight"',
    meta: { scenario: 'baseline.yaml', seeds: 20, 'wall time (s)': 12.34567 },
    sections: [
      { heading: 'Upgrading', text: 'First paragraph.\n\nSecond <b>one</b>.', charts: [line('Stage shares'), heat('Lock-in map A')] },
      {
        heading: 'Claims',
        table: { header: ['claim', 'baseline', 'variant'], rows: [['C1 <i>', 0.123456, null], ['C2', 1234567, 2]] },
        charts: [heat('Lock-in map B')],
      },
    ],
  });
}

describe('buildHtmlReport', () => {
  it('is self-contained: no scripts, no URLs but the SVG namespaces', async () => {
    const html = await report();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect(urls.filter((u) => u !== 'http://www.w3.org/2000/svg' && u !== 'http://www.w3.org/1999/xlink')).toEqual([]);
    expect(html).not.toMatch(/<link|@import|url\((?!#)/);
  });

  it('escapes all caller text', async () => {
    const html = await report();
    expect(html).toContain('<h1>Run &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>Run &lt;script&gt;');
    expect(html).toContain('fees &amp; &quot;oversight&quot;');
    expect(html).toContain('<p>Second &lt;b&gt;one&lt;/b&gt;.</p>');
    expect(html).toContain('<td>C1 &lt;i&gt;</td>');
  });

  it('inlines every chart, with ids unique across charts', async () => {
    const html = await report();
    expect(html.split('<svg').length - 1).toBe(3);
    for (const t of ['Stage shares', 'Lock-in map A', 'Lock-in map B']) expect(html).toContain(`>${t}</text>`);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(4); // sections, clip paths, two heatmap gradients
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, ref] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });

  it('right-aligns numeric columns and formats numbers', async () => {
    const html = await report();
    expect(html).toContain('<th class="num">baseline</th>');
    expect(html).toContain('<td class="num">0.1235</td>');
    expect(html).toContain('<td class="num">1234567</td>');
    expect(html).toContain('<th>claim</th>');
    expect(html).toContain('<dd>12.35</dd>');
    expect(html).toContain('<dd>20</dd>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
