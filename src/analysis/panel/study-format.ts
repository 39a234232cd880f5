/**
 * Renders a panel study: the comparison tables as terminal text, Markdown or
 * JSON, and the province-year panel as CSV (one row per seed × province × year).
 */
import { REGION_METRICS } from '../../model/reporters.js';
import { formatMarkdownTable, formatTable, type Cell } from '../../report/table.js';
import type { PanelStudy } from './study.js';
import { DERIVED_VARIABLES } from './study-data.js';
import type { PaperCell, StudyTable } from './study-tables.js';

export type StudyFormat = 'table' | 'md' | 'json';

export const STUDY_FORMATS: readonly StudyFormat[] = ['table', 'md', 'json'];

const HEADER = ['model', 'term', 'paper', 'sim mean', 'sd', 'min', 'max', 'p < 0.05'];

function paperText(p: PaperCell | null): string {
  if (!p) return '';
  const t = p.t === undefined ? '' : ` (${p.t.toFixed(2)})`;
  return `${p.estimate.toFixed(3)}${p.stars ?? ''}${t}${p.term ? ` ${p.term}` : ''}${p.note ? ' †' : ''}`;
}

function rows(table: StudyTable, seeds: number): Cell[][] {
  return table.rows.map((r) => [
    r.model, r.term, paperText(r.paper), r.sim.mean, r.sim.sd, r.sim.min, r.sim.max,
    r.sim.significant === null ? '' : `${r.sim.significant}/${seeds}`,
  ]);
}

/** The table's notes plus one line per paper cell that carries a note (marked † in the table). */
function notes(table: StudyTable): string[] {
  const paperNotes = table.rows.filter((r) => r.paper?.note).map((r) => `† paper, ${r.model} ${r.term}: ${r.paper!.note}`);
  return [...table.notes, ...paperNotes];
}

function headline(s: PanelStudy): string {
  const seeds = s.seeds.length > 1 ? `seeds ${s.seeds[0]}–${s.seeds.at(-1)}` : `seed ${s.seeds[0]}`;
  return `${s.scenario}: ${s.seeds.length} seed(s) (${seeds}) × ${s.provinces} provinces × ${s.years} years, ${s.firms} firms; simulated estimates pooled across seeds (mean, sd, min, max, seeds with p < 0.05)`;
}

function textReport(s: PanelStudy): string {
  const blocks = s.tables.map((t) => [t.title, '', formatTable(HEADER, rows(t, s.seeds.length), 4), '', ...notes(t)].join('\n'));
  return [headline(s), ...blocks].join('\n\n');
}

function markdownReport(s: PanelStudy): string {
  const blocks = s.tables.map((t) => [`### ${t.title}`, '', formatMarkdownTable(HEADER, rows(t, s.seeds.length), 4), '', ...notes(t).map((n) => `- ${n}`)].join('\n'));
  return [`## Panel study: ${s.scenario}`, '', headline(s), '', blocks.join('\n\n')].join('\n');
}

/** Plain object for JSON: run description, tables (with per-seed values) and the claims summary. */
export function studyJson(s: PanelStudy) {
  return {
    scenario: s.scenario,
    seeds: s.seeds,
    firms: s.firms,
    provinces: s.provinces,
    years: s.years,
    wallSeconds: s.wallSeconds,
    tables: s.tables,
    claims: s.claims,
  };
}

/** Non-finite numbers (e.g. an undefined sd) become null rather than invalid JSON. */
function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export function formatStudy(s: PanelStudy, format: StudyFormat): string {
  switch (format) {
    case 'table':
      return textReport(s);
    case 'md':
      return markdownReport(s);
    case 'json':
      return JSON.stringify(studyJson(s), finiteOrNull, 2);
  }
}

/** Columns of the panel CSV: identifiers, then derived variables, then the annual region metrics. */
export const PANEL_CSV_COLUMNS = ['seed', 'province', 'group', 'financeGroup', 'year', ...DERIVED_VARIABLES, ...REGION_METRICS];

/** The province-year panel of every seed as CSV text (numbers in shortest exact form). */
export function panelCsv(s: PanelStudy): string {
  const lines = [PANEL_CSV_COLUMNS.join(',')];
  for (const p of s.panels) {
    const numeric = [...DERIVED_VARIABLES, ...REGION_METRICS].map((name) => p.panel.vars[name]!);
    p.rows.forEach((r, i) => {
      lines.push([p.seed, r.province, r.group, p.financeGroup[i], r.year, ...numeric.map((v) => v[i])].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}
