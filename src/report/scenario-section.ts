/**
 * What a report says about the scenario it shows: the header facts (seeds,
 * length, platform, provenance), the files and overrides it came from, the
 * parameters that differ from the defaults, and its scheduled events.
 */
import { isAbsolute, relative } from 'node:path';
import { ScenarioSchema, type Scenario } from '../model/params.js';
import type { Manifest } from '../output/manifest.js';
import type { ReportSection } from './html.js';
import { eventsText, type EventNote } from './scenario-events.js';
import type { Cell } from './table.js';

/** Seeds as `1–10` when consecutive, else listed; with their count. */
export function seedsText(seeds: readonly number[]): string {
  const consecutive = seeds.every((s, k) => k === 0 || s === seeds[k - 1]! + 1);
  const list = consecutive && seeds.length > 2 ? `${seeds[0]}–${seeds.at(-1)}` : seeds.join(', ');
  return `${list} (${seeds.length} seed${seeds.length === 1 ? '' : 's'})`;
}

/** A file path relative to the working folder when inside it. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** One line on the platform: off, or its stage, ranking rule and commission. */
export function platformText(s: Scenario): string {
  const p = s.platform;
  return p.enabled ? `stage ${p.stage}, ${p.traffic.rule} ranking, commission ${p.commission}` : 'none';
}

/** The header facts of a run. */
export function runMeta(m: Manifest): Record<string, string | number> {
  const s = m.scenario;
  return {
    seeds: seedsText(m.seeds),
    ticks: `${s.ticks} (${+(s.ticks / s.ticksPerYear).toFixed(2)} years)`,
    firms: s.firms,
    regions: s.regionPreset,
    platform: platformText(s),
    started: m.startedAt.replace('T', ' ').slice(0, 16),
    'wall time': m.wallSeconds === null ? 'unfinished' : `${m.wallSeconds.toFixed(1)} s`,
    version: m.tool.version,
    commit: m.gitCommit?.slice(0, 12) ?? 'none',
    'parameter hash': m.parameterHash.slice(0, 12),
  };
}

const NOT_PARAMETERS = new Set(['name', 'description', 'seed', 'events']);

/** Leaf paths where `value` differs from `base`; lists compare whole. */
function differences(value: unknown, base: unknown, path: string, out: [string, unknown, unknown][]): void {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(value) && isObject(base)) {
    const v = value as Record<string, unknown>;
    const b = base as Record<string, unknown>;
    for (const key of new Set([...Object.keys(v), ...Object.keys(b)])) differences(v[key], b[key], path ? `${path}.${key}` : key, out);
  } else if (JSON.stringify(value) !== JSON.stringify(base)) {
    out.push([path, value, base]);
  }
}

/** Rows `parameter, value in x, value in y` for every parameter (not name, description, seed or events) that differs. */
export function parameterDiffRows(x: Scenario, y: Scenario): Cell[][] {
  const out: [string, unknown, unknown][] = [];
  differences(x, y, '', out);
  const text = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return out.filter(([p]) => !NOT_PARAMETERS.has(p.split('.')[0]!)).map(([p, v, d]) => [p, text(v), text(d)]);
}

/** Where a scenario came from: `file, which extends …; overrides: k=v, …`. */
export function sourceText(m: Manifest): string {
  const files = m.scenarioFiles.length ? m.scenarioFiles.map(shortPath).join(', which extends ') : 'no file recorded';
  return `${files}; overrides (--set): ${m.overrides.length ? m.overrides.join(', ') : 'none'}`;
}

/** The "Scenario" section: provenance, non-default parameters and scheduled events. */
export function scenarioSection(m: Manifest, notes: EventNote[]): ReportSection {
  const rows = parameterDiffRows(m.scenario, ScenarioSchema.parse({}));
  const eventText = notes.length
    ? `Scheduled events (dashed rules on the charts): ${eventsText(notes)}.`
    : 'No scheduled events.';
  return {
    heading: 'Scenario',
    text: `Scenario: ${sourceText(m)}.${m.command ? `\n\nCommand: gvc-sim ${m.command}` : ''}\n\n${eventText}\n\nParameters that differ from the defaults (gvc-sim params lists them all):`,
    table: { header: ['parameter', 'value', 'default'], rows: rows.length ? rows : [['(none)', '', '']] },
  };
}
