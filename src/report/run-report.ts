/**
 * The HTML report of a results folder: scenario and seeds, the final-year
 * summary, and charts over time (with CI bands across seeds) of the metrics
 * an analyst reads first. Built from the folder's files, so `gvc-sim report DIR`
 * rebuilds exactly what `run` wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type { Manifest } from '../output/manifest.js';
import { writeFileAtomic } from '../output/atomic.js';
import { stackedAreaSpec, timeSeriesSpec, type VegaLiteSpec } from './charts.js';
import { buildHtmlReport, type ReportSection } from './html.js';
import { summarizeMetric, summarizeMetrics, type MetricColumns } from './series.js';

/** A CSV of numbers (and label columns) by column. */
export type Columns = Record<string, Float64Array | string[]>;

/** Reads a results CSV by column; label columns (region, group, market) stay text. */
export function readColumns(file: string): MetricColumns & Columns {
  if (!existsSync(file)) throw new UserError(`no file ${file}`, 'is this a results folder written by `gvc-sim run`?');
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const out: Columns = {};
  for (const name of header) {
    const texts = rows.map((r) => r[name]!);
    const numeric = texts.every((t) => t !== '' && Number.isFinite(Number(t)) || t === 'NaN');
    out[name] = numeric ? Float64Array.from(texts, Number) : texts;
  }
  return out as MetricColumns & Columns;
}

export function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new UserError(`no manifest.json in ${dir}`, 'is this a results folder written by `gvc-sim run`?');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const share = { yDomain: [0, 1] as [number, number], yFormat: '.0%' };

/** The charts of a run report, from its model and region tables. */
export function runCharts(model: MetricColumns, regions?: Columns): VegaLiteSpec[] {
  const stages = summarizeMetrics(model, ['stageShare0', 'stageShare1', 'stageShare2', 'stageShare3'], {
    stageShare0: 'assembly (0)', stageShare1: 'design (1)', stageShare2: 'own brand (2)', stageShare3: 'brand + services (3)',
  });
  const charts: VegaLiteSpec[] = [
    stackedAreaSpec({ title: 'Functional stage of firms', yTitle: 'share of firms', series: stages }),
    timeSeriesSpec({
      title: 'Export channels (share of exporters)', yTitle: 'share of exporters', ...share,
      series: summarizeMetrics(model, ['indirectShare', 'directOfflineShare', 'platformSellerShare'], {
        indirectShare: 'via intermediary', directOfflineShare: 'direct offline', platformSellerShare: 'platform',
      }),
    }),
    timeSeriesSpec({
      title: 'Value capture (share of final export value)', yTitle: 'share', yFormat: '.0%',
      series: summarizeMetrics(model, ['smeValueShare', 'intermediaryValueShare', 'platformValueShare'], {
        smeValueShare: 'SMEs', intermediaryValueShare: 'intermediaries', platformValueShare: 'platform',
      }),
    }),
    timeSeriesSpec({ title: 'Low-end lock-in', yTitle: 'share of exporters', ...share, series: summarizeMetric(model, 'lockInShare', 'locked in at assembly') }),
    timeSeriesSpec({
      title: 'Platform take rate and GMV share', yTitle: 'share', yFormat: '.0%',
      series: summarizeMetrics(model, ['takeRate', 'platformGmvShare'], { takeRate: 'take rate', platformGmvShare: 'GMV share of exports' }),
    }),
    timeSeriesSpec({ title: 'Destination concentration (mean HHI of exporters)', yTitle: 'HHI', series: summarizeMetric(model, 'destinationHhi', 'HHI') }),
  ];
  if (regions) charts.push(timeSeriesSpec({ title: 'Exports by region (k USD per tick)', yTitle: 'k USD', series: regionSeries(regions, 'exports') }));
  return charts;
}

/** One line per region of a region metric. */
function regionSeries(regions: Columns, metric: string) {
  const names = regions.region as string[];
  return [...new Set(names)].flatMap((name) => {
    const keep = names.map((n, k) => (n === name ? k : -1)).filter((k) => k >= 0);
    const pick = (c: string) => Float64Array.from(keep, (k) => (regions[c] as Float64Array)[k]!);
    return summarizeMetric({ tick: pick('tick'), seed: pick('seed'), [metric]: pick(metric) }, metric, name);
  });
}

function summarySection(dir: string): ReportSection | undefined {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) return undefined;
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { metric: string; mean: number; lo?: number; hi?: number }[];
  return {
    heading: 'Final-year summary',
    text: 'Mean over the last year of the run; with several seeds, the 95% confidence interval across seeds.',
    table: { header: ['metric', 'mean', '95% CI low', '95% CI high'], rows: rows.map((r) => [r.metric, r.mean, r.lo ?? null, r.hi ?? null]) },
  };
}

/** Builds report.html for a results folder. */
export async function writeRunReport(dir: string): Promise<string> {
  const manifest = readManifest(dir);
  const model = readColumns(join(dir, 'model.csv'));
  const regionsFile = join(dir, 'regions.csv');
  const regions = existsSync(regionsFile) ? readColumns(regionsFile) : undefined;
  const s = manifest.scenario;
  const summary = summarySection(dir);
  const html = await buildHtmlReport({
    title: `gvc-sim — ${s.name}`,
    subtitle: s.description,
    meta: {
      seeds: manifest.seeds.join(', '), ticks: s.ticks, firms: s.firms, regions: s.regionPreset,
      platform: s.platform.enabled ? `stage ${s.platform.stage}, ${s.platform.traffic.rule}, commission ${s.platform.commission}` : 'none',
      version: manifest.tool.version, commit: manifest.gitCommit ?? 'none', 'parameter hash': manifest.parameterHash.slice(0, 12),
    },
    sections: [...(summary ? [summary] : []), { heading: 'Over time', text: 'Shaded bands: 95% CI across seeds.', charts: runCharts(model, regions) }],
  });
  const file = join(dir, 'report.html');
  writeFileAtomic(file, html);
  return file;
}
