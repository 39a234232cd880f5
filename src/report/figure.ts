/**
 * `gvc-sim figure`: one chart of one or more metrics over time from a results
 * folder (mean line, CI band across seeds, scenario events as rules), written
 * as SVG or PNG for slides and papers. `regions.<metric>` draws a region
 * metric with one line per region; from a comparison folder, as the paired
 * difference B − A per region. Colours and the time axis (years) are those
 * of the reports and the demo (palette.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Manifest } from '../output/manifest.js';
import { writeFileAtomic } from '../output/atomic.js';
import { suggest } from '../scenario/suggest.js';
import { timeSeriesSpec, type VegaLiteSpec } from './charts.js';
import { bothEvents, isCompareFolder, readComparison, regionDifferenceSpec } from './compare-report.js';
import { isShareMetric, metricLabel } from './metric-labels.js';
import { metricColor, NEUTRAL, seriesColors } from './palette.js';
import { renderPng, renderSvg } from './render.js';
import { readColumns, readManifest, readRegions, type Columns } from './results-files.js';
import { metricColumns } from './run-report.js';
import { regionSeries } from './run-charts.js';
import { eventMarkers, eventNotes } from './scenario-events.js';
import { clampBands, summarizeMetric, type MetricColumns, type SeriesPoint } from './series.js';

export const FIGURE_FORMATS = ['svg', 'png'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

const REGION_PREFIX = 'regions.';

/** Every name `--metric` accepts: model columns, then `regions.<column>`. */
function availableMetrics(model: MetricColumns, regions?: Columns): string[] {
  const regionMetrics = regions ? Object.keys(regions).filter((c) => regions[c] instanceof Float64Array && c !== 'tick' && c !== 'seed') : [];
  return [...metricColumns(model), ...regionMetrics.map((c) => REGION_PREFIX + c)];
}

/** Splits `a,b` (and repeated flags) into metric names, checking each; an unknown one names the nearest. */
function parseMetrics(given: string[], available: string[]): string[] {
  const metrics = given.flatMap((g) => g.split(',')).map((m) => m.trim()).filter((m) => m);
  if (metrics.length === 0) throw new UserError('name at least one metric: --metric lockInShare');
  for (const m of metrics) {
    if (available.includes(m)) continue;
    const near = suggest(m, available);
    throw new UserError(`unknown metric '${m}'${near ? `; did you mean '${near}'?` : ''}`, `metrics: ${available.join(', ')}`);
  }
  return metrics;
}

/** A results folder's tables; `name` tags its lines when there are several folders (a comparison's sides). */
type Source = { name: string; manifest: Manifest; model: MetricColumns & Columns; regions?: Columns };

/** A line's label and what colours it: its metric, or its region. */
type Line = { label: string; metric: string; region?: string; side: number };

function readSource(dir: string, name: string): Source {
  return { name, manifest: readManifest(dir), model: readColumns(join(dir, 'model.csv')), regions: readRegions(dir) };
}

/** The run folder, or both sides of a comparison folder. */
function sourcesOf(dir: string): Source[] {
  if (!isCompareFolder(dir)) return [readSource(dir, '')];
  const c = readComparison(dir);
  return [readSource(join(dir, c.a.dir), `A: ${c.a.label}`), readSource(join(dir, c.b.dir), `B: ${c.b.label}`)];
}

/** One metric's lines: one for a model metric, one per region for `regions.<metric>` (labelled by region). */
function seriesOf(metric: string, src: Source): SeriesPoint[] {
  if (!metric.startsWith(REGION_PREFIX)) return summarizeMetric(src.model, metric, '');
  return regionSeries(src.regions!, metric.slice(REGION_PREFIX.length), 'region');
}

/** Every metric's lines from one source, labelled `source · region · metric` with the parts that tell lines apart. */
function sourceSeries(src: Source, metrics: string[], side: number, lines: Map<string, Line>): SeriesPoint[] {
  parseMetrics(metrics, availableMetrics(src.model, src.regions));
  return metrics.flatMap((m) => {
    const tag = metrics.length > 1 ? metricLabel(m.replace(REGION_PREFIX, '')) : '';
    const label = (region: string) => [src.name, region, tag].filter((x) => x).join(' · ') || metricLabel(m);
    return seriesOf(m, src).map((p) => {
      const l = label(p.label);
      if (!lines.has(l)) lines.set(l, { label: l, metric: m, region: m.startsWith(REGION_PREFIX) ? p.label : undefined, side });
      return { ...p, label: l };
    });
  });
}

/**
 * Colours of a figure's lines: by region for region metrics, else by metric
 * (palette.ts); a comparison's A side is grey when one metric is drawn, and
 * dashed when several are.
 */
function lineStyles(lines: Line[], sides: number, metrics: string[]): { colors: Record<string, string>; dashed: string[] } {
  const one = metrics.length === 1;
  const key = (l: Line) => (l.region !== undefined ? `region ${l.region}` : l.metric);
  const keys = [...new Set(lines.map(key))];
  const byKey = seriesColors(keys, (k) => (k.startsWith('region ') ? undefined : metricColor(k)));
  const colors = Object.fromEntries(lines.map((l) => [l.label, sides > 1 && one && l.side === 0 && l.region === undefined ? NEUTRAL : byKey[key(l)]!]));
  return { colors, dashed: sides > 1 ? lines.filter((l) => l.side === 0).map((l) => l.label) : [] };
}

/** The y-axis title: the metric's plain name (with its unit), or what several metrics have in common. */
function yTitle(metrics: string[], shares: boolean): string {
  if (metrics.length > 1) return shares ? 'share' : 'value';
  const m = metrics[0]!;
  return m.startsWith(REGION_PREFIX) ? `${metricLabel(m.slice(REGION_PREFIX.length))}, by region` : metricLabel(m);
}

export interface FigureOptions {
  dir: string;
  /** Metric names; each entry may list several, comma-separated. */
  metrics: string[];
  title?: string;
}

/** The chart spec of a figure and the metrics it shows; throws a UserError for an unknown metric or folder. */
export function buildFigure({ dir, metrics: given, title }: FigureOptions): { spec: VegaLiteSpec; metrics: string[] } {
  const sources = sourcesOf(dir);
  const [first, second] = sources as [Source, Source | undefined];
  const metrics = parseMetrics(given, availableMetrics(first.model, first.regions));
  const shares = metrics.every((m) => isShareMetric(m.replace(REGION_PREFIX, '')));
  const notes = second ? bothEvents(first.manifest, second.manifest) : eventNotes(first.manifest.scenario.events, first.manifest.scenario.ticksPerYear);
  const name = second ? `${first.name} vs ${second.name}` : first.manifest.scenario.name;
  const ticksPerYear = first.manifest.scenario.ticksPerYear;
  const markers = eventMarkers(notes);
  // A region metric of a comparison: B − A per region, not two lines and bands per region.
  if (second && metrics.length === 1 && metrics[0]!.startsWith(REGION_PREFIX) && first.regions && second.regions) {
    const metric = metrics[0]!.slice(REGION_PREFIX.length);
    const spec = regionDifferenceSpec(first.regions, second.regions, metric, markers, ticksPerYear, title ?? `${name}: B − A by region, ${metricLabel(metric)}`);
    return { spec, metrics };
  }
  const lines = new Map<string, Line>();
  const series = sources.flatMap((src, side) => sourceSeries(src, metrics, side, lines));
  const spec = timeSeriesSpec({
    title: title ?? `${name}: ${metrics.map((m) => metricLabel(m.replace(REGION_PREFIX, ''))).join(', ')}`,
    yTitle: yTitle(metrics, shares),
    series: shares ? clampBands(series, [0, 1]) : series,
    markers,
    ticksPerYear,
    ...lineStyles([...lines.values()], sources.length, metrics),
    ...(shares ? { yFormat: '%' } : {}),
  });
  return { spec, metrics };
}

/** The format to write: --format, else the --out extension, else SVG; they must agree when both are given. */
function figureFormat(format: string | undefined, out: string | undefined): FigureFormat {
  const fromOut = out ? extname(out).slice(1).toLowerCase() : '';
  const chosen = format ?? (FIGURE_FORMATS.includes(fromOut as FigureFormat) ? fromOut : 'svg');
  if (!FIGURE_FORMATS.includes(chosen as FigureFormat)) throw new UserError(`unknown format '${chosen}'`, 'use svg or png');
  if (format && fromOut && FIGURE_FORMATS.includes(fromOut as FigureFormat) && fromOut !== format) {
    throw new UserError(`--format ${format} does not match --out ${out}`, `name the file .${format}, or drop --format`);
  }
  return chosen as FigureFormat;
}

/** Renders the figure and writes it (default: `<dir>/figure-<metrics>.<format>`); returns the path. */
export async function writeFigure(o: FigureOptions & { format?: string; out?: string }): Promise<string> {
  const format = figureFormat(o.format, o.out);
  const { spec, metrics } = buildFigure(o);
  const file = o.out ?? join(o.dir, `figure-${metrics.join('+')}.${format}`);
  if (!existsSync(dirname(resolve(file)))) throw new UserError(`no folder ${dirname(file)} to write ${file} into`);
  writeFileAtomic(file, format === 'png' ? await renderPng(spec) : await renderSvg(spec));
  return file;
}
