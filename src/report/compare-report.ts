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
import type { TimeMarker } from './charts.js';
import { differenceText, differencesNote, differencesTable } from './compare-table.js';
import { buildHtmlReport, type CaptionedChart, type ReportSection } from './html.js';
import { readColumns, readManifest, requireFolder } from './results-files.js';
import { chartSpec, RUN_CHARTS, type MetricChart } from './run-charts.js';
import { eventMarkers, eventNotes, eventsText, type EventNote } from './scenario-events.js';
import { parameterDiffRows, platformText, seedsText, sourceText } from './scenario-section.js';
import { summarizeMetric, type MetricColumns } from './series.js';

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

/** One side of a comparison: its name in the header, its legend label (`A: name`), manifest and model table. */
type Side = { name: string; label: string; manifest: Manifest; model: MetricColumns };

function readSide(dir: string, sub: { label: string; dir: string }, letter: string): Side {
  const d = join(dir, sub.dir);
  return { name: sub.label, label: `${letter}: ${sub.label}`, manifest: readManifest(d), model: readColumns(join(d, 'model.csv')) };
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

/** One chart per catalog metric (and total exports), A and B as two lines with bands, captioned with B − A. */
function compareCharts(c: Comparison, a: Side, b: Side, markers: TimeMarker[]): CaptionedChart[] {
  const charts: CaptionedChart[] = [];
  for (const def of [...RUN_CHARTS, EXPORT_VALUE]) {
    // Lines, not stacks; shares on a scale fitted to the data, so small differences show.
    const lines: MetricChart = { ...def, stacked: false, y: def.y === 'share' ? 'percent' : def.y };
    for (const [metric, label] of def.metrics) {
      if (!(metric in a.model && metric in b.model)) continue;
      const series = [...summarizeMetric(a.model, metric, a.label), ...summarizeMetric(b.model, metric, b.label)];
      const title = def.metrics.length > 1 ? `${def.title}: ${label}` : def.title;
      const diff = c.metrics.find((r) => r.metric === metric);
      charts.push({ chart: chartSpec(lines, series, markers, title), caption: diff ? differenceText(diff) : '' });
    }
  }
  return charts;
}

function setupSection(a: Side, b: Side, notes: EventNote[]): ReportSection {
  const rows = parameterDiffRows(a.manifest.scenario, b.manifest.scenario);
  const events = notes.length ? `Scheduled events (dashed rules on the charts): ${eventsText(notes)}.` : 'No scheduled events.';
  return {
    heading: 'What was compared',
    text: [
      `${a.label} — ${sourceText(a.manifest)}.`,
      `${b.label} — ${sourceText(b.manifest)}.`,
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
  const key = c.metrics.filter((r) => r.metric === 'exportValue' || (SUMMARY_METRICS as readonly string[]).includes(r.metric));
  const bands = seeds > 1 ? 'Lines are means across seeds; shaded bands, 95% CIs of each scenario across seeds.' : 'One seed: no bands.';
  return [
    setupSection(a, b, notes),
    { heading: 'Final-year differences (B − A)', text: differencesNote(seeds), table: differencesTable(key, seeds, true) },
    { heading: 'Over time', text: `${bands} Each caption gives the paired final-year difference, which is what to judge a policy change by.`, charts: compareCharts(c, a, b, eventMarkers(notes)) },
    { heading: 'All final-year differences', text: differencesNote(seeds), table: differencesTable(c.metrics, seeds, true) },
  ];
}

function compareMeta(c: Comparison, a: Side, b: Side): Record<string, string | number> {
  const [sa, sb] = [a.manifest.scenario, b.manifest.scenario];
  const both = (x: string | number, y: string | number) => (x === y ? x : `${x} / ${y}`);
  return {
    A: a.name,
    B: b.name,
    seeds: `${seedsText(c.seeds)}, common to A and B`,
    ticks: both(sa.ticks, sb.ticks),
    firms: both(sa.firms, sb.firms),
    platform: both(platformText(sa), platformText(sb)),
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
