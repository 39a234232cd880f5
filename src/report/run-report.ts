/**
 * The HTML report of a results folder: the scenario and seeds, the final-year
 * results, and charts over time (CI bands across seeds, scenario events as
 * dashed rules). Built from the folder's files alone, so `gvc-sim report DIR`
 * rebuilds exactly what `run` wrote.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { SUMMARY_METRICS } from '../experiment/summary.js';
import type { Manifest } from '../output/manifest.js';
import { writeFileAtomic } from '../output/atomic.js';
import type { TimeMarker } from './charts.js';
import { finalYearStart, finalYearSummary } from './final-year.js';
import { buildHtmlReport, type CaptionedChart, type ReportInput, type ReportSection } from './html.js';
import { metricLabel } from './metric-labels.js';
import { readColumns, readManifest, readRegions, type Columns } from './results-files.js';
import { REGION_EXPORTS_READ, regionExportsSpec, RUN_CHARTS, runChartSpec } from './run-charts.js';
import { runMeta, scenarioSection } from './scenario-section.js';
import { eventMarkers, eventNotes } from './scenario-events.js';
import type { MetricColumns } from './series.js';

/** The catalog charts of one run, each with its "how to read this" caption. */
export function runCharts(model: MetricColumns, regions: Columns | undefined, markers: TimeMarker[], ticksPerYear: number): CaptionedChart[] {
  const charts = RUN_CHARTS.filter((def) => def.metrics.every(([m]) => m in model)).map((def) => ({
    chart: runChartSpec(def, model, markers, ticksPerYear),
    caption: def.read,
  }));
  if (regions?.exports) charts.push({ chart: regionExportsSpec(regions, markers, ticksPerYear), caption: REGION_EXPORTS_READ });
  return charts;
}

/** The metric columns of a model table, in file order. */
export function metricColumns(model: MetricColumns): string[] {
  return Object.keys(model).filter((c) => c !== 'tick' && c !== 'seed');
}

/** A final-year table of `metrics`: label, column, mean and (with several seeds) the 95% CI. */
function finalYearTable(model: MetricColumns, metrics: string[], fromTick: number, seeds: number) {
  const rows = finalYearSummary(model, metrics, fromTick);
  const ci = seeds > 1;
  return {
    header: ['metric', 'column', 'final-year mean', ...(ci ? ['95% CI low', '95% CI high'] : [])],
    rows: rows.map((r) => [metricLabel(r.metric), r.metric, r.mean, ...(ci ? [r.lo ?? null, r.hi ?? null] : [])]),
  };
}

function spreadText(seeds: number): string {
  return seeds > 1
    ? `Lines are means across the ${seeds} seeds; shaded bands are 95% confidence intervals across seeds (t-based; for shares of a whole on the logit scale, so they stay within 0–100%).`
    : 'One seed, so no confidence bands: run with --seeds 5 or more to see how much of a change is noise.';
}

function tickText(ticksPerYear: number): string {
  return `Time is in years since the start of the run${ticksPerYear === 12 ? ' (one tick is one month)' : ` (${ticksPerYear} ticks a year)`}.`;
}

/** The sections of a run report. */
function runSections(manifest: Manifest, model: MetricColumns, regions: Columns | undefined): ReportSection[] {
  const s = manifest.scenario;
  const notes = eventNotes(s.events, s.ticksPerYear);
  const fromTick = finalYearStart(s.ticks, s.ticksPerYear);
  const seeds = manifest.seeds.length;
  const key = SUMMARY_METRICS.filter((m) => m in model);
  const yearText = `Mean over the final year of the run (ticks ${fromTick}–${s.ticks - 1}), averaged over ${seeds} seed(s).`;
  const rulesText = notes.length > 0 ? ' Dashed rules mark the scenario events (E1, E2, … listed under Scenario).' : '';
  return [
    scenarioSection(manifest, notes),
    { heading: 'Key results', text: `${yearText} All ${metricColumns(model).length} metrics are in the last section.`, table: finalYearTable(model, key, fromTick, seeds) },
    { heading: 'Over time', text: `${spreadText(seeds)} ${tickText(s.ticksPerYear)}${rulesText}`, charts: runCharts(model, regions, eventMarkers(notes), s.ticksPerYear) },
    { heading: 'All final-year metrics', text: `${yearText} Column names are those of model.csv.`, table: finalYearTable(model, metricColumns(model), fromTick, seeds) },
  ];
}

/** Everything the report shows, from a folder's manifest and tables. */
function runReportInput(manifest: Manifest, model: MetricColumns, regions?: Columns): ReportInput {
  const s = manifest.scenario;
  return { title: `${s.name} — gvc-sim run report`, subtitle: s.description, meta: runMeta(manifest), sections: runSections(manifest, model, regions) };
}

/** Reads the model table, explaining an unfinished run instead of a missing file. */
function readModel(dir: string, manifest: Manifest): MetricColumns & Columns {
  const file = join(dir, 'model.csv');
  if (!existsSync(file) && manifest.status !== 'complete') {
    throw new UserError(`the run in ${dir} did not finish (status: ${manifest.status})`, 'its rows so far are in the .partial files; run it again to get a report');
  }
  return readColumns(file);
}

/** Builds report.html for a results folder and returns its path. */
export async function writeRunReport(dir: string): Promise<string> {
  const manifest = readManifest(dir);
  const html = await buildHtmlReport(runReportInput(manifest, readModel(dir, manifest), readRegions(dir)));
  const file = join(dir, 'report.html');
  writeFileAtomic(file, html);
  return file;
}
