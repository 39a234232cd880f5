/**
 * docs/metrics.md documents every output column the code writes, and nothing
 * the code no longer writes: each reporter list in src/model/reporters.ts, and
 * each column list of the firm panel in src/experiment/firm-panel.ts, has
 * its own table in the doc (between `<!-- LIST table … -->` and
 * `<!-- end LIST table -->`), whose first column is the backticked name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRM_MARKET_COLUMNS, FIRM_YEAR_COLUMNS } from '../src/experiment/firm-panel.js';
import { AGENT_COLUMNS, MARKET_METRICS, MODEL_METRICS, REGION_METRICS } from '../src/model/reporters.js';
import { isShareOfWhole } from '../src/report/metric-labels.js';

const DOC_PATH = fileURLToPath(new URL('../docs/metrics.md', import.meta.url));
const doc = readFileSync(DOC_PATH, 'utf8');

/** The text between the start and end markers of a list's table. */
function tableOf(list: string): string {
  const start = doc.indexOf(`<!-- ${list} table`);
  const end = doc.indexOf(`<!-- end ${list} table -->`);
  if (start < 0 || end < start) {
    throw new Error(`docs/metrics.md has no ${list} table: mark it with '<!-- ${list} table … -->' and '<!-- end ${list} table -->'`);
  }
  return doc.slice(start, end);
}

/** Each documented name of a table with the text of its last (unit) column. */
function documentedUnits(list: string): [string, string][] {
  return tableOf(list)
    .split('\n')
    .map((line) => /^\s*\|\s*`([^`]+)`.*\|([^|]*)\|\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!.trim()]);
}

/** The backticked names in the first column of a table's body rows. */
function documentedNames(list: string): string[] {
  return tableOf(list)
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) => /^\s*\|\s*`([^`]+)`/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

const LISTS: Array<[string, readonly string[]]> = [
  ['MODEL_METRICS', MODEL_METRICS],
  ['REGION_METRICS', REGION_METRICS],
  ['MARKET_METRICS', MARKET_METRICS],
  ['AGENT_COLUMNS', AGENT_COLUMNS],
  ['FIRM_YEAR_COLUMNS', FIRM_YEAR_COLUMNS],
  ['FIRM_MARKET_COLUMNS', FIRM_MARKET_COLUMNS],
];

describe('docs/metrics.md', () => {
  it.each(LISTS)('documents every name of %s as `name`', (_list, names) => {
    const missing = names.filter((name) => !doc.includes(`\`${name}\``));
    expect(missing, `not documented in docs/metrics.md: ${missing.join(', ')}`).toEqual([]);
  });

  it.each(LISTS)('documents every name of %s in its own table', (list, names) => {
    const documented = new Set(documentedNames(list));
    const missing = names.filter((name) => !documented.has(name));
    expect(missing, `missing from the ${list} table of docs/metrics.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('documents no model metric that the code does not compute', () => {
    const known = new Set<string>(MODEL_METRICS);
    const stale = documentedNames('MODEL_METRICS').filter((name) => !known.has(name));
    expect(stale, `docs/metrics.md documents model metrics that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it.each(LISTS.slice(1))('documents no %s column that the code does not write', (list, names) => {
    const known = new Set<string>(names);
    const stale = documentedNames(list).filter((name) => !known.has(name));
    expect(stale, `the ${list} table of docs/metrics.md documents columns that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it.each(LISTS)('documents each name of %s once', (list) => {
    const names = documentedNames(list);
    const twice = names.filter((name, k) => names.indexOf(name) !== k);
    expect(twice, `documented more than once in the ${list} table: ${twice.join(', ')}`).toEqual([]);
  });

  // Intervals of shares of a whole are built on a logit scale (shareAwareCi): the doc's unit column says which those are.
  it.each(['MODEL_METRICS', 'REGION_METRICS'])('names as a share of a whole exactly the %s whose unit is "share of …, 0–1"', (list) => {
    const rows = documentedUnits(list);
    expect(rows.length).toBeGreaterThan(10);
    const disagree = rows.filter(([name, unit]) => /^share of .*, 0–1$/.test(unit) !== isShareOfWhole(name)).map(([name, unit]) => `${name} (${unit})`);
    expect(disagree, 'isShareOfWhole and the unit column of docs/metrics.md disagree').toEqual([]);
  });
});
