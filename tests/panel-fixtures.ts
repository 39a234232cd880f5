/** Shared test data for the panel-analysis tests. */
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { panelFromTable, readCsvTable } from '../src/analysis/panel/csv.js';
import type { Panel } from '../src/analysis/panel/types.js';

export const GRUNFELD_CSV = fileURLToPath(new URL('./fixtures/grunfeld.csv', import.meta.url));

/** Grunfeld (plm/Baltagi version): 10 firms × 20 years, inv ~ value + capital. */
export function grunfeld(): Panel {
  return panelFromTable(readCsvTable(GRUNFELD_CSV), { y: 'inv', x: ['value', 'capital'], entity: 'firm', time: 'year' }).panel;
}

/** Standard normal draws from a seeded generator (Box–Muller). */
export function normalSampler(seed: string): () => number {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** A balanced panel with `entities` × `periods` rows and variables filled by `make(entity, period)`. */
export function syntheticPanel(entities: number, periods: number, make: (e: number, t: number) => Record<string, number>): Panel {
  const rows = Array.from({ length: entities * periods }, (_, i) => ({ e: Math.floor(i / periods), t: i % periods }));
  const values = rows.map(({ e, t }) => make(e, t));
  const names = Object.keys(values[0] ?? {});
  return {
    vars: Object.fromEntries(names.map((n) => [n, values.map((v) => v[n]!)])),
    entity: rows.map(({ e }) => `e${e}`),
    time: rows.map(({ t }) => String(2000 + t)),
  };
}
