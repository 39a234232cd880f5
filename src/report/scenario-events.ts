/**
 * A scenario's scheduled events as a report shows them: a numbered list
 * (E1, E2, …) and the matching dashed rules on the time charts.
 */
import type { Scenario } from '../model/params.js';
import type { TimeMarker } from './charts.js';
import type { Cell } from './table.js';

export type ScenarioEvent = Scenario['events'][number];

/** One event of the report: its marker label, tick and what it changes. */
export type EventNote = { label: string; tick: number; year: number; changes: string; scenarios?: string };

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `path = value; …` for one event's `set`. */
export function changesText(set: Record<string, unknown>): string {
  return Object.entries(set).map(([path, v]) => `${path} = ${valueText(v)}`).join('; ');
}

/** The events numbered in tick order. The year counts from 1, as in "tick 36 opens year 4". */
export function eventNotes(events: readonly ScenarioEvent[], ticksPerYear: number): EventNote[] {
  return [...events]
    .sort((a, b) => a.at - b.at)
    .map((e, k) => ({ label: `E${k + 1}`, tick: e.at, year: Math.floor(e.at / ticksPerYear) + 1, changes: changesText(e.set) }));
}

export function eventMarkers(notes: EventNote[]): TimeMarker[] {
  return notes.map((n) => ({ tick: n.tick, label: n.label }));
}

/** Rows for an events table: label, tick, year, changes (and which scenarios, when given). */
export function eventRows(notes: EventNote[]): Cell[][] {
  return notes.map((n) => [n.label, n.tick, n.year, ...(n.scenarios === undefined ? [] : [n.scenarios]), n.changes]);
}
