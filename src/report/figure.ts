/**
 * `gvc-sim figure`: one chart of one or more metrics over time from a results
 * folder (mean line, CI band across seeds, scenario events as rules), written
 * as SVG or PNG for slides and papers. `regions.<metric>` draws a region
 * metric with one line per region.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Manifest } from '../output/manifest.js';
import { writeFileAtomic } from '../output/atomic.js';
import { suggest } from '../scenario/suggest.js';
import { timeSeriesSpec, type VegaLiteSpec } from './charts.js';
import { bothEvents, isCompareFolder, readComparison } from './compare-report.js';
import { isShareMetric, metricLabel } from './metric-labels.js';
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
function sourceSeries(src: Source, metrics: string[]): SeriesPoint[] {
  parseMetrics(metrics, availableMetrics(src.model, src.regions));
  return metrics.flatMap((m) => {
    const tag = metrics.length > 1 ? metricLabel(m.replace(REGION_PREFIX, '')) : '';
    const label = (region: string) => [src.name, region, tag].filter((x) => x).join(' · ') || metricLabel(m);
    return seriesOf(m, src).map((p) => ({ ...p, label: label(p.label) }));
  });
}

export interface FigureOptions {
  dir: string;
  /** Metric names; each entry may list several, comma-separated. */
  metrics: string[];
  title?: string;
}

/** The chart spec of a figure and the metrics it shows; throws a UserError for an unknown metric or folder. */
function buildFigure({ dir, metrics: given, title }: FigureOptions): { spec: VegaLiteSpec; metrics: string[] } {
  const sources = sourcesOf(dir);
  const [first, second] = sources as [Source, Source | undefined];
  const metrics = parseMetrics(given, availableMetrics(first.model, first.regions));
  const shares = metrics.every((m) => isShareMetric(m.replace(REGION_PREFIX, '')));
  const notes = second ? bothEvents(first.manifest, second.manifest) : eventNotes(first.manifest.scenario.events, first.manifest.scenario.ticksPerYear);
  const name = second ? `${first.name} vs ${second.name}` : first.manifest.scenario.name;
  const series = sources.flatMap((src) => sourceSeries(src, metrics));
  const spec = timeSeriesSpec({
    title: title ?? `${name}: ${metrics.length > 1 ? metrics.join(', ') : metricLabel(metrics[0]!)}`,
    yTitle: metrics.length > 1 ? (shares ? 'share' : 'value') : metrics[0]!,
    series: shares ? clampBands(series, [0, 1]) : series,
    markers: eventMarkers(notes),
    ...(shares ? { yFormat: '.0%' } : {}),
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
