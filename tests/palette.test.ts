/**
 * One palette and one time axis: a metric has the same colour in the demo,
 * the run report, the compare report and `gvc-sim figure`, and every time
 * chart counts years since the start.
 */
import { describe, expect, it } from 'vitest';
import { stackedAreaSpec, timeSeriesSpec, wrapTitle } from '../src/report/charts.js';
import { METRIC_COLORS, NEUTRAL, PALETTE, seriesColors, sideColors, TIME_AXIS_TITLE } from '../src/report/palette.js';
import { renderSvg } from '../src/report/render.js';
import { chartSpec, RUN_CHARTS } from '../src/report/run-charts.js';
import { textWidth } from '../src/report/text-width.js';
import { SERIES_CHARTS } from '../web/src/charts/series.js';
import { CHANNEL_COLORS, seriesSpec } from '../web/src/charts/specs.js';

type Enc = { color?: { scale?: { domain: string[]; range: string[] } }; x?: { field: string; title: string } };
type Layered = { layer: { encoding: Enc }[] };

/** label → colour of the first layer with a colour scale. */
function colours(spec: unknown): Record<string, string> {
  const enc = (spec as Layered).layer.find((l) => l.encoding.color?.scale)!.encoding.color!.scale!;
  return Object.fromEntries(enc.domain.map((d, k) => [d, enc.range[k]!]));
}

const flat = (_metric: string, label: string) => [0, 12, 24].map((tick) => ({ tick, mean: 0.3, lo: 0.2, hi: 0.4, label }));

describe('one colour per series', () => {
  it('gives each demo series the colour the run report gives the same metric', () => {
    let checked = 0;
    for (const chart of SERIES_CHARTS) {
      for (const s of chart.series) {
        const def = RUN_CHARTS.find((d) => d.metrics.some(([m]) => m === s.metric));
        if (!def) continue;
        const series = def.metrics.flatMap(([m, label]) => flat(m, label));
        const report = colours(chartSpec(def, series, { markers: [], ticksPerYear: 12 }));
        const label = def.metrics.find(([m]) => m === s.metric)![1];
        expect(report[label], s.metric).toBe(s.color);
        expect(s.color).toBe(METRIC_COLORS[s.metric]);
        checked++;
      }
    }
    expect(checked).toBe(11); // four stages, three channels, three value shares, lock-in
  });

  it('colours the demo firm view by channel as the channel shares are coloured', () => {
    expect(CHANNEL_COLORS.platform).toBe(METRIC_COLORS.platformSellerShare);
    expect(CHANNEL_COLORS.indirect).toBe(METRIC_COLORS.indirectShare);
    expect(CHANNEL_COLORS['direct offline']).toBe(METRIC_COLORS.directOfflineShare);
  });

  it('never gives two series of one chart the same colour', () => {
    for (const def of RUN_CHARTS) {
      const c = Object.values(colours(chartSpec(def, def.metrics.flatMap(([m, l]) => flat(m, l)), { markers: [], ticksPerYear: 12 })));
      expect(new Set(c).size, def.title).toBe(c.length);
    }
    // Two metrics of one colour in one chart: the second takes a free palette colour.
    const both = seriesColors(['a', 'b'], () => METRIC_COLORS.platformValueShare);
    expect(both.a).toBe(METRIC_COLORS.platformValueShare);
    expect(both.b).not.toBe(both.a);
    expect(PALETTE).toContain(both.b);
  });

  it('draws a comparison\u2019s A in grey and B in the metric\u2019s colour', () => {
    expect(sideColors('smeValueShare')).toEqual({ a: NEUTRAL, b: METRIC_COLORS.smeValueShare });
  });
});

describe('one time axis, in years', () => {
  it('puts years since the start on the x axis of report charts and the demo', async () => {
    const series = flat('m', 'x');
    for (const spec of [timeSeriesSpec({ title: 't', yTitle: 'y', series, ticksPerYear: 12 }), stackedAreaSpec({ title: 't', yTitle: 'y', series, ticksPerYear: 12 })]) {
      const x = (spec as Layered).layer[0]!.encoding.x!;
      expect(x).toMatchObject({ field: 'year', title: TIME_AXIS_TITLE });
      expect(((spec as { data: { values: { year: number }[] } }).data.values).map((p) => p.year)).toEqual([0, 1, 2]);
    }
    const demo = seriesSpec(SERIES_CHARTS[0]!, 10) as unknown as { encoding: Enc };
    expect(demo.encoding.x).toMatchObject({ field: 'year', title: TIME_AXIS_TITLE });
    const svg = await renderSvg(timeSeriesSpec({ title: 't', yTitle: 'y', series, ticksPerYear: 4, markers: [{ tick: 8, label: 'E1' }] }));
    expect(svg).toContain(`>${TIME_AXIS_TITLE}</text>`);
    expect(svg).toContain('>6</text>'); // 24 ticks at 4 a year: the axis reaches year 6
  });

  it('labels a percent axis with the decimals its ticks need (no "1%, 1%, 1%")', async () => {
    const series = Array.from({ length: 60 }, (_, tick) => ({ tick, mean: 0.02 - tick * 0.0003, label: 'x' }));
    const svg = await renderSvg(timeSeriesSpec({ title: 't', yTitle: 'y', series, yFormat: '%' }));
    const labels = [...svg.matchAll(/>(−?[\d.]+%)<\/text>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(3);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('wraps a long title to the chart width instead of running off the edge', () => {
    const title = 'inland-pilot-zone (platform.commission=0.05) vs baseline (platform.commission=0.05): value captured by SMEs, value captured by the platform';
    const lines = wrapTitle(title);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
    for (const l of lines) expect(textWidth(l, 14, true)).toBeLessThanOrEqual(600);
  });
});
