import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { analyzePanelCommand, panelBuilder, panelCommand, type PanelArgs } from '../src/cli/analyze-panel.js';
import { UserError } from '../src/errors.js';
import { GRUNFELD_CSV } from './panel-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-panel-'));
const grunfeldText = readFileSync(GRUNFELD_CSV, 'utf8');

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const base: PanelArgs = { data: GRUNFELD_CSV, y: 'inv', x: ['value', 'capital'], entity: 'firm', time: 'year', effects: 'entity', format: 'table' };

/** Runs the command and returns the UserError it throws. */
function userError(args: Partial<PanelArgs>): UserError {
  try {
    panelCommand({ ...base, ...args });
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

/** Grunfeld plus a column built from each row's cells (firm, year, inv, value, capital). */
function grunfeldWith(column: string, make: (cells: string[], row: number) => string): string {
  const [header, ...rows] = grunfeldText.trim().split('\n');
  return [`${header},${column}`, ...rows.map((r, i) => `${r},${make(r.split(','), i)}`)].join('\n');
}

describe('analyze panel: output', () => {
  it('prints JSON with each regressor and the model statistics', () => {
    const out = JSON.parse(panelCommand({ ...base, cluster: 'firm', format: 'json' }));
    expect(Object.keys(out.coefficients)).toEqual(['value', 'capital']);
    expect(Object.keys(out.coefficients.value)).toEqual(['estimate', 'stdError', 't', 'p']);
    expect(out.coefficients.value.estimate).toBeCloseTo(0.1101238, 7);
    expect(out.coefficients.capital.stdError).toBeCloseTo(0.0527518, 7);
    expect(out).toMatchObject({ n: 200, dfResid: 188, effects: 'entity', cluster: 'firm', nClusters: 10, dfTest: 9, r2Kind: 'within' });
    expect(out.r2).toBeCloseTo(0.766758, 6);
  });

  it('prints CSV and an aligned table', () => {
    const csv = panelCommand({ ...base, effects: 'none', format: 'csv' }).split('\n');
    expect(csv[0]).toBe('term,estimate,stdError,t,p');
    expect(csv[1]).toMatch(/^\(Intercept\),-42\.7143694/);
    expect(csv).toHaveLength(4);
    const table = panelCommand({ ...base, effects: 'twoways' });
    expect(table).toContain('effects: twoways');
    expect(table).toMatch(/value\s+0\.117716\s+0\.0137513/);
    expect(table).toContain('dfResid = 169');
    expect(table).toContain('within R² = 0.720145');
  });

  it('is a yargs command `panel` with described options and examples', async () => {
    expect(analyzePanelCommand.command).toBe('panel');
    const help = await new Promise<string>((resolve) => {
      yargs().scriptName('gvc-sim').command(analyzePanelCommand).parse(['panel', '--help'], {}, (_e, _a, output) => resolve(output));
    });
    for (const text of ['--data', 'CSV file with a header row', '--x', 'comma-separated', '--effects', 'twoways', '--cluster', '--format', 'Examples:']) {
      expect(help).toContain(text);
    }
    const argv = await panelBuilder(yargs()).parse(['--data', 'd.csv', '--y', 'inv', '--x', 'value, capital', '--entity', 'firm', '--time', 'year']);
    expect(argv.x).toEqual(['value', 'capital']);
    expect([argv.effects, argv.format]).toEqual(['entity', 'table']);
  });
});

describe('analyze panel: bad input', () => {
  it('file not found', () => {
    expect(userError({ data: join(dir, 'nope.csv') }).message).toMatch(/file not found: .*nope\.csv/);
  });

  it('empty file and header-only file', () => {
    expect(userError({ data: csvFile('empty.csv', '') }).message).toBe('empty.csv is empty');
    expect(userError({ data: csvFile('header.csv', 'firm,year,inv,value,capital\n') }).message).toBe('header.csv has a header but no data rows');
  });

  it('missing column: names it, suggests the nearest, lists the available ones', () => {
    const err = userError({ x: ['valeu', 'capital'] });
    expect(err.message).toBe("column 'valeu' not found in grunfeld.csv (did you mean 'value'?)");
    expect(err.hint).toBe('available columns: firm, year, inv, value, capital');
    expect(userError({ entity: 'company' }).message).toBe("column 'company' not found in grunfeld.csv");
  });

  it('non-numeric and empty values: column, line and value', () => {
    const bad = grunfeldText.replace('1,1937,410.6,5387.1,156.9', '1,1937,410.6,n/a,156.9');
    expect(userError({ data: csvFile('bad.csv', bad) }).message).toBe("column 'value' has the non-numeric value 'n/a' on line 4 of bad.csv");
    const empty = grunfeldText.replace('2,1935,209.9,1362.4,53.8', '2,1935,,1362.4,53.8');
    expect(userError({ data: csvFile('gap.csv', empty) }).message).toBe("column 'inv' has an empty value on line 22 of gap.csv");
  });

  it('ragged rows report the line', () => {
    const ragged = grunfeldText.replace('1,1936,391.8,4661.7,52.6', '1,1936,391.8,4661.7');
    expect(userError({ data: csvFile('ragged.csv', ragged) }).message).toMatch(/ragged\.csv: .*line 3/);
  });

  it('singular design: regressor constant within entities', () => {
    const data = csvFile('founded.csv', grunfeldWith('founded', ([firm]) => String(1900 + Number(firm))));
    const err = userError({ data, x: ['value', 'founded'] });
    expect(err.message).toBe("singular design: 'founded' is constant within each entity, so the entity fixed effects absorb it");
  });

  it('singular design: collinear regressors are named', () => {
    const data = csvFile('combo.csv', grunfeldWith('combo', ([, , , value, capital]) => String(2 * Number(value) - Number(capital))));
    const err = userError({ data, x: ['value', 'capital', 'combo'] });
    expect(err.message).toBe("singular design: regressors are collinear: 'combo' is a linear combination of 'value', 'capital'");
    const flat = csvFile('flat.csv', grunfeldWith('k', () => '7'));
    expect(userError({ data: flat, x: ['value', 'k'], effects: 'none' }).message).toBe("singular design: regressors are collinear: 'k' is constant, so it duplicates the intercept");
  });

  it('an entity with a single observation is named', () => {
    const text = `${grunfeldText.trim()}\n11,1935,1.5,20.1,3.3\n`;
    expect(userError({ data: csvFile('single.csv', text) }).message).toMatch(/^entity '11' has only one observation/);
    expect(() => panelCommand({ ...base, data: csvFile('single2.csv', text), effects: 'none' })).not.toThrow();
  });

  it('contradictory options', () => {
    expect(userError({ x: ['inv', 'value'] }).message).toMatch(/'inv' is both the dependent variable/);
    expect(userError({ x: ['value', 'value'] }).message).toMatch(/listed twice/);
    expect(userError({ x: [] }).message).toMatch(/no regressors/);
  });
});
