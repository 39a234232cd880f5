/**
 * The HTML report of a comparison folder (`compare.html`): what differs
 * between A and B, the final-year differences with paired CIs, and each
 * metric over time with one line and band per scenario. Rebuilt from the
 * folder's files by `gvc-sim report DIR`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Comparison } from '../experiment/compare.js';
import { SUMMARY_METRICS } from '../experiment/summary.js';
import type { Manifest } from '../output/manifest.js';
import { writeFileAtomic } from '../output/atomic.js';
import { differenceText, differencesNote, differencesTable, effectiveText, noDifference } from './compare-table.js';
import { timeSeriesSpec, type TimeMarker } from './charts.js';
import { buildHtmlReport, type CaptionedChart, type ReportSection } from './html.js';
import { isShareMetric, metricLabel } from './metric-labels.js';
import { sideColors } from './palette.js';
import { readColumns, readManifest, readRegions, requireFolder, type Columns } from './results-files.js';
import { chartSpec, regionNames, regionRows, RUN_CHARTS, yOptions, type MetricChart } from './run-charts.js';
import { eventMarkers, eventNotes, eventsText, type EventNote } from './scenario-events.js';
import { parameterDiffRows, seedsText, sourceText } from './scenario-section.js';
import { pairedSeries, summarizeMetric, type MetricColumns } from './series.js';

/** True when `dir` holds a comparison written by `gvc-sim compare`. */
export function isCompareFolder(dir: string): boolean {
  return existsSync(join(dir, 'compare.json'));
}

export function readComparison(dir: string): Comparison {
  requireFolder(dir);
  const file = join(dir, 'compare.json');
  if (!existsSync(file)) throw new UserError(`no compare.json in ${dir}`, 'is this a folder written by `gvc-sim compare`?');
  const c = JSON.parse(readFileSync(file, 'utf8')) as Comparison;
  if (c.status !== 'complete') throw new UserError(`the comparison in ${dir} did not finish`, 'run it again to get a report');
  return c;
}

/** One side of a comparison: its name in the header, its legend label (`A: name`), manifest, model and region tables. */
type Side = { name: string; label: string; manifest: Manifest; model: MetricColumns; regions?: Columns };

function readSide(dir: string, sub: { label: string; dir: string }, letter: string): Side {
  const d = join(dir, sub.dir);
  return { name: sub.label, label: `${letter}: ${sub.label}`, manifest: readManifest(d), model: readColumns(join(d, 'model.csv')), regions: readRegions(d) };
}

/** Event notes of both sides: numbered E1… when A and B share their events, else A1… and B1…. */
export function bothEvents(a: Manifest, b: Manifest): EventNote[] {
  const [sa, sb] = [a.scenario, b.scenario];
  if (JSON.stringify(sa.events) === JSON.stringify(sb.events)) return eventNotes(sa.events, sa.ticksPerYear);
  return [...eventNotes(sa.events, sa.ticksPerYear, 'A'), ...eventNotes(sb.events, sb.ticksPerYear, 'B')];
}

const EXPORT_VALUE: MetricChart = {
  title: 'Export value',
  yTitle: 'k USD per tick',
  metrics: [['exportValue', 'export value']],
  read: '',
  y: 'number',
};

/** One chart per catalog metric (and total exports), A (grey, dashed) and B (the metric's colour) with bands, captioned with B − A. */
function compareCharts(c: Comparison, a: Side, b: Side, markers: TimeMarker[]): CaptionedChart[] {
  const charts: CaptionedChart[] = [];
  const ticksPerYear = a.manifest.scenario.ticksPerYear;
  for (const def of [...RUN_CHARTS, EXPORT_VALUE]) {
    // Lines, not stacks; shares on a scale fitted to the data, so small differences show.
    const lines: MetricChart = { ...def, stacked: false, y: def.y === 'share' ? 'percent' : def.y };
    for (const [metric, label] of def.metrics) {
      if (!(metric in a.model && metric in b.model)) continue;
      const series = [...summarizeMetric(a.model, metric, a.label), ...summarizeMetric(b.model, metric, b.label)];
      const title = def.metrics.length > 1 ? `${def.title}: ${label}` : def.title;
      const diff = c.metrics.find((r) => r.metric === metric && (!r.level || r.level === 'model'));
      const colors = sideColors(metric);
      const frame = { markers, ticksPerYear, colors: { [a.label]: colors.a, [b.label]: colors.b }, dashed: [a.label] };
      charts.push({ chart: chartSpec(lines, series, frame, title), caption: diff ? differenceText(diff) : '' });
    }
  }
  return charts;
}

/** Region metrics drawn as B − A per region over time in the compare report. */
const REGION_CHART_METRICS = ['exports', 'exporterShare', 'platformExportShare', 'lockInShare'] as const;

/**
 * The paired difference B − A over time of a region metric, one line (and
 * paired band) per region: what a policy does where, without six overlapping lines.
 */
export function regionDifferenceSpec(a: Columns, b: Columns, metric: string, markers: TimeMarker[], ticksPerYear: number, title?: string) {
  const series = regionNames(a).flatMap((name) => pairedSeries(regionRows(a, name), regionRows(b, name), metric, name));
  const share = isShareMetric(metric);
  return timeSeriesSpec({
    title: title ?? `B − A by region: ${metricLabel(metric)}`,
    yTitle: share ? 'B − A (percentage points)' : `B − A (${metricLabel(metric)})`,
    series: share ? series.map((p) => ({ ...p, mean: 100 * p.mean, lo: p.lo === undefined ? undefined : 100 * p.lo, hi: p.hi === undefined ? undefined : 100 * p.hi })) : series,
    markers,
    ticksPerYear,
    ...(share ? {} : yOptions('number')),
  });
}

/** The region charts: B − A by region for the key region metrics, captioned with each region's final-year difference. */
function regionCharts(c: Comparison, a: Side, b: Side, markers: TimeMarker[]): CaptionedChart[] {
  if (!a.regions || !b.regions) return [];
  const ticksPerYear = a.manifest.scenario.ticksPerYear;
  return REGION_CHART_METRICS.filter((m) => m in a.regions! && m in b.regions!).map((metric) => {
    const rows = c.metrics.filter((r) => r.level === 'region' && r.metric === metric);
    const caption = rows.map((r) => `${r.unit}: ${differenceText(r).replace(/^Final year, /, '')}`).join(' ');
    return { chart: regionDifferenceSpec(a.regions!, b.regions!, metric, markers, ticksPerYear), caption: `Final year, ${caption}` };
  });
}

function setupSection(c: Comparison, a: Side, b: Side, notes: EventNote[]): ReportSection {
  const rows = parameterDiffRows(a.manifest.scenario, b.manifest.scenario);
  const events = notes.length ? `Scheduled events (dashed rules on the charts): ${eventsText(notes)}.` : 'No scheduled events.';
  const effective = (e: Comparison['a']['effective']) => (e ? ` Platform fees as charged: ${effectiveText(e)}.` : '');
  return {
    heading: 'What was compared',
    text: [
      `${a.label} — ${sourceText(a.manifest)}.${effective(c.a.effective)}`,
      `${b.label} — ${sourceText(b.manifest)}.${effective(c.b.effective)}`,
      `Overrides both sides ran with: ${c.shared?.length ? c.shared.join(', ') : 'none'}.`,
      'Both ran on the same seeds (common random numbers), so the per-seed difference B − A nets out much of the chance variation the two runs share: its CI can be far narrower than the two runs\u2019 own bands suggest.',
      events,
      'Parameters that differ between A and B:',
    ].join('\n\n'),
    table: { header: ['parameter', 'A', 'B'], rows: rows.length ? rows : [['(none: A and B have the same parameters)', '', '']] },
  };
}

function compareSections(c: Comparison, a: Side, b: Side): ReportSection[] {
  const notes = bothEvents(a.manifest, b.manifest);
  const seeds = c.seeds.length;
  const national = c.metrics.filter((r) => !r.level || r.level === 'model');
  const key = national.filter((r) => r.metric === 'exportValue' || (SUMMARY_METRICS as readonly string[]).includes(r.metric));
  const at = (level: string) => c.metrics.filter((r) => r.level === level && !noDifference(r));
  const bands = seeds > 1 ? 'Lines are means across seeds; shaded bands, 95% CIs of each scenario across seeds. A is grey and dashed, B in the metric\u2019s colour.' : 'One seed: no bands.';
  const markers = eventMarkers(notes);
  const left = 'Rows where A and B agree on every seed are left out; differences.csv has every row.';
  const sections: ReportSection[] = [
    setupSection(c, a, b, notes),
    { heading: 'Final-year differences (B − A)', text: differencesNote(seeds), table: differencesTable(key, seeds, true) },
    { heading: 'Over time', text: `${bands} Each caption gives the paired final-year difference, which is what to judge a policy change by.`, charts: compareCharts(c, a, b, markers) },
  ];
  const regions = regionCharts(c, a, b, markers);
  if (at('region').length || regions.length) {
    sections.push({
      heading: 'By region (B − A)',
      text: `Final-year differences in each region, paired by seed. ${left} The charts draw B − A over time with its paired 95% band, one line per region.`,
      table: differencesTable(at('region'), seeds, true),
      charts: regions,
    });
  }
  if (at('market').length) sections.push({ heading: 'By export market (B − A)', text: `Final-year differences in each destination market. ${left}`, table: differencesTable(at('market'), seeds, true) });
  sections.push({ heading: 'All national final-year differences', text: differencesNote(seeds), table: differencesTable(national, seeds, true) });
  return sections;
}

/** A side's platform in the header: stage and ranking from its parameters, fees as actually charged. */
function sidePlatform(s: Manifest['scenario'], e: Comparison['a']['effective']): string {
  if (!s.platform.enabled) return 'none';
  const fees = e ? effectiveText(e) : `commission ${s.platform.commission}`;
  return `stage ${s.platform.stage}, ${s.platform.traffic.rule} ranking, ${fees}`;
}

function compareMeta(c: Comparison, a: Side, b: Side): Record<string, string | number> {
  const [sa, sb] = [a.manifest.scenario, b.manifest.scenario];
  const both = (x: string | number, y: string | number) => (x === y ? x : `${x} / ${y}`);
  return {
    A: a.name,
    B: b.name,
    'shared overrides': c.shared?.length ? c.shared.join(', ') : 'none',
    seeds: `${seedsText(c.seeds)}, common to A and B`,
    ticks: both(sa.ticks, sb.ticks),
    firms: both(sa.firms, sb.firms),
    'platform A': sidePlatform(sa, c.a.effective),
    'platform B': sidePlatform(sb, c.b.effective),
    'wall time': `${c.wallSeconds.toFixed(1)} s`,
    version: a.manifest.tool.version,
    commit: a.manifest.gitCommit?.slice(0, 12) ?? 'none',
  };
}

/** Builds compare.html for a comparison folder and returns its path. */
export async function writeCompareReport(dir: string): Promise<string> {
  const c = readComparison(dir);
  const a = readSide(dir, c.a, 'A');
  const b = readSide(dir, c.b, 'B');
  const html = await buildHtmlReport({
    title: `${c.a.label} vs ${c.b.label} — gvc-sim compare`,
    subtitle: 'B − A on common random numbers: what changes when you move from scenario A to scenario B.',
    meta: compareMeta(c, a, b),
    sections: compareSections(c, a, b),
  });
  const file = join(dir, 'compare.html');
  writeFileAtomic(file, html);
  return file;
}
