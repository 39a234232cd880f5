import { describe, expect, it } from 'vitest';
import { barSpec, heatmapSpec, stackedAreaSpec, timeSeriesSpec } from '../src/report/charts.js';
import { renderPng, renderSvg } from '../src/report/render.js';
import type { SeriesPoint } from '../src/report/series.js';
import { textWidth } from '../src/report/text-metrics.js';

/** Three labelled series over 5 ticks; `band` adds a CI to every point. */
function series(band: boolean): SeriesPoint[] {
  return ['stage 0', 'stage 1', 'stage 2'].flatMap((label, k) =>
    [0, 1, 2, 3, 4].map((tick) => {
      const mean = 0.2 * k + 0.01 * tick;
      return band ? { tick, mean, lo: mean - 0.02, hi: mean + 0.02, label } : { tick, mean, label };
    }),
  );
}

/** Number of SVG paths Vega drew for one mark type (e.g. 'line mark'). */
const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;

describe('timeSeriesSpec', () => {
  it('renders one line and one CI band per series, with title and legend', async () => {
    const svg = await renderSvg(timeSeriesSpec({ title: 'Stage shares', yTitle: 'share', series: series(true) }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Stage shares</text>');
    expect(svg).toContain('>years since start</text>');
    expect(count(svg, 'line mark')).toBe(3);
    expect(count(svg, 'area mark')).toBe(3);
    expect(count(svg, 'legend')).toBe(1);
    for (const label of ['stage 0', 'stage 1', 'stage 2']) expect(svg).toContain(`>${label}</text>`);
  });

  it('leaves the caller\'s points unmodified', async () => {
    const points = series(true);
    await renderSvg(timeSeriesSpec({ title: 't', yTitle: 'y', series: points }));
    expect(Object.getOwnPropertySymbols(points[0])).toEqual([]);
    expect(points).toEqual(series(true));
  });

  it('draws no band without lo/hi and no legend for a single series', async () => {
    const one = series(false).filter((p) => p.label === 'stage 1');
    const svg = await renderSvg(timeSeriesSpec({ title: 'GMV', yTitle: 'k USD', series: one, xTitle: 'month' }));
    expect(count(svg, 'line mark')).toBe(1);
    expect(count(svg, 'area mark')).toBe(0);
    expect(count(svg, 'legend')).toBe(0);
    expect(svg).toContain('>month</text>');
  });

  it('assigns the colour-blind-safe palette in first-seen label order', async () => {
    const colour = (svg: string) => svg.match(/aria-label="[^"]*label: stage 1"[^>]*stroke="(#[0-9a-fA-F]+)"/)?.[1];
    const second = await renderSvg(timeSeriesSpec({ title: 'a', yTitle: 'y', series: series(false) }));
    const first = await renderSvg(timeSeriesSpec({ title: 'b', yTitle: 'y', series: series(false).filter((p) => p.label !== 'stage 0') }));
    expect(colour(second)).toBe('#E69F00');
    expect(colour(first)).toBe('#0072B2');
  });
});

describe('time markers', () => {
  it('draws a dashed rule and label per marker inside the tick range, and drops the others', async () => {
    const markers = [{ tick: 2, label: 'E1' }, { tick: 40, label: 'E2' }];
    for (const spec of [
      timeSeriesSpec({ title: 't', yTitle: 'y', series: series(true), markers }),
      stackedAreaSpec({ title: 's', yTitle: 'share', series: series(false), markers }),
    ]) {
      const svg = await renderSvg(spec);
      expect(count(svg, 'rule mark')).toBe(1);
      expect(svg).toContain('>E1</text>');
      expect(svg).not.toContain('>E2</text>');
      expect(svg).toContain('stroke-dasharray="4,3"');
    }
  });
});

describe('other chart kinds', () => {
  it('stacks shares as one area per label', async () => {
    const svg = await renderSvg(stackedAreaSpec({ title: 'Composition', yTitle: 'share', series: series(false) }));
    expect(count(svg, 'area mark')).toBe(3);
    expect(svg).toContain('>100%</text>');
  });

  it('draws bars with error bars', async () => {
    const bars = [
      { label: 'baseline', mean: 0.4, lo: 0.35, hi: 0.45 },
      { label: 'low fees', mean: 0.3, lo: 0.26, hi: 0.34 },
    ];
    const svg = await renderSvg(barSpec({ title: 'Lock-in', yTitle: 'share', bars }));
    expect(count(svg, 'bar')).toBe(2);
    expect(count(svg, 'errorbar')).toBe(2);
    expect(svg).toContain('>low fees</text>');
  });

  it('draws one rect per heatmap cell and prints small grids', async () => {
    const cells = [1, 2, 3].flatMap((x) => [10, 20].map((y) => ({ x, y, value: x * y })));
    const spec = heatmapSpec({ title: 'Map', xTitle: 'fee', yTitle: 'oversight', valueTitle: 'lock-in', cells });
    const svg = await renderSvg(spec);
    expect(count(svg, 'rect mark')).toBe(6);
    expect(svg).toContain('>60</text>');
  });
});

describe('renderPng', () => {
  it('writes a PNG scaled from the SVG size', async () => {
    const spec = timeSeriesSpec({ title: 'PNG', yTitle: 'y', series: series(true) });
    const svgWidth = Number((await renderSvg(spec)).match(/width="(\d+)"/)![1]);
    const png = await renderPng(spec, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2); // IHDR width
  });
});

describe('textWidth', () => {
  it('uses real glyph widths, wider for bold', () => {
    expect(textWidth('iii', 10)).toBeLessThan(textWidth('MMM', 10));
    expect(textWidth('Stage', 10, true)).toBeGreaterThan(textWidth('Stage', 10));
    expect(textWidth('中', 10)).toBe(10);
  });
});
