/**
 * A scenario's scheduled events as a report shows them: a numbered list
 * (E1, E2, …) and the matching dashed rules on the time charts.
 */
import type { Scenario } from '../model/params.js';
import type { TimeMarker } from './charts.js';

export type ScenarioEvent = Scenario['events'][number];

/** One event of the report: its marker label, tick and what it changes. */
export type EventNote = { label: string; tick: number; year: number; changes: string };

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `path = value; …` for one event's `set`. */
function changesText(set: Record<string, unknown>): string {
  return Object.entries(set).map(([path, v]) => `${path} = ${valueText(v)}`).join('; ');
}

/** The events numbered in tick order, labelled `<prefix>1`, `<prefix>2`, …; the year counts from 1 (tick 36 opens year 4). */
export function eventNotes(events: readonly ScenarioEvent[], ticksPerYear: number, prefix = 'E'): EventNote[] {
  return [...events]
    .sort((a, b) => a.at - b.at)
    .map((e, k) => ({ label: `${prefix}${k + 1}`, tick: e.at, year: Math.floor(e.at / ticksPerYear) + 1, changes: changesText(e.set) }));
}

/** Events as one sentence: `E1 at tick 36 (year 4): path = value; …`. */
export function eventsText(notes: EventNote[]): string {
  return notes.map((n) => `${n.label} at tick ${n.tick} (year ${n.year}): ${n.changes}`).join('. ');
}

/** One marker per event tick; events at the same tick share it (`A1/B1`). */
export function eventMarkers(notes: EventNote[]): TimeMarker[] {
  const byTick = new Map<number, string[]>();
  for (const n of notes) byTick.set(n.tick, [...(byTick.get(n.tick) ?? []), n.label]);
  return [...byTick].map(([tick, labels]) => ({ tick, label: labels.join('/') }));
}
