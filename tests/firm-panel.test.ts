/**
 * `gvc-sim run --firm-panel`: firm-years.parquet and firm-markets.parquet
 * hold every firm alive in each year once, add up to the run's own ledger
 * (less the exit-tick sales the panel documents it leaves out), are the same
 * for the same run, and leave the run itself unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { FIRM_MARKET_COLUMNS, FIRM_YEAR_COLUMNS } from '../src/experiment/firm-panel.js';
import { runScenario, type RunOptions } from '../src/experiment/run.js';
import { literal, openDb, rows, type Db } from '../src/experiment/sweep/db.js';
import { loadScenario } from '../src/scenario/index.js';

const N = 300;
const YEAR = 12;
const SMALL = [`firms=${N}`, 'ticks=36', 'burnInTicks=12', 'markets.count=8'];
const SEEDS = [1, 2];

const root = mkdtempSync(join(tmpdir(), 'gvc-panel-'));
let db: Db;

async function run(name: string, opts: Partial<RunOptions> & { set?: string[] } = {}): Promise<string> {
  const { scenario } = await loadScenario('scenarios/baseline.yaml', { overrides: [...SMALL, ...(opts.set ?? [])] });
  const outDir = join(root, name);
  await runScenario({ scenario, seeds: SEEDS, outDir, ...opts });
  return outDir;
}

const q = (sql: string) => rows(db.conn, sql);
const file = (dir: string, name: string) => literal(join(dir, name));
const years = (dir: string) => file(dir, 'firm-years.parquet');
const markets = (dir: string) => file(dir, 'firm-markets.parquet');
const manifestFiles = (dir: string): string[] => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

let panel: string;
let again: string;
let plain: string;
let noExits: string;

beforeAll(async () => {
  for (const d of ['panel', 'again', 'plain', 'no-exits', 'stopped']) mkdirSync(join(root, d));
  [panel, again, plain, noExits] = await Promise.all([
    run('panel', { firmPanel: true }),
    run('again', { firmPanel: true }),
    run('plain'),
    // No firm can stay insolvent for 120 ticks within burn-in and run: nobody exits.
    run('no-exits', { firmPanel: true, set: ['firm.exitAfterTicks=120'] }),
  ]);
  db = await openDb(':memory:');
});

afterAll(() => db?.close());

describe('gvc-sim run --firm-panel', () => {
  it('writes both files with the documented columns, lists them in the manifest and leaves no scratch files', async () => {
    expect(readdirSync(panel).sort()).toEqual(['firm-markets.parquet', 'firm-years.parquet', 'manifest.json', 'markets.csv', 'model.csv', 'regions.csv']);
    expect(manifestFiles(panel)).toEqual(expect.arrayContaining(['firm-years.parquet', 'firm-markets.parquet']));
    const columns = async (f: string) => (await q(`DESCRIBE SELECT * FROM ${f}`)).map((r) => r.column_name);
    expect(await columns(years(panel))).toEqual([...FIRM_YEAR_COLUMNS]);
    expect(await columns(markets(panel))).toEqual([...FIRM_MARKET_COLUMNS]);
  });

  it('holds each firm alive in a year once: N less the year’s last-tick entrants stay, and the slots’ ticks add up', async () => {
    const [dups] = await q(`SELECT count(*) - count(DISTINCT (seed, year, firm)) AS n FROM ${years(panel)}`);
    expect(Number(dups!.n)).toBe(0);
    // An entrant arrives at the end of a tick, so its slot's tick counts for neither occupant: Σ ticks = N·12 − entries.
    const check = await q(`
      WITH m AS (SELECT seed, tick // ${YEAR} AS year, round("entryRate" * ${N}) AS entries, round("exitRate" * ${N}) AS exits, tick % ${YEAR} = ${YEAR - 1} AS last
                 FROM read_csv(${file(panel, 'model.csv')})),
      ledger AS (SELECT seed, year, sum(entries) AS entries, sum(exits) AS exits, sum(entries) FILTER (last) AS last_entries FROM m GROUP BY ALL),
      p AS (SELECT seed, year, count(*) FILTER (exited = 0) AS stayers, count(*) FILTER (exited = 1) AS leavers, sum(ticks) AS ticks,
                   count(*) FILTER (entered = 0 AND exited = 0 AND ticks <> ${YEAR}) AS odd_ticks FROM ${years(panel)} GROUP BY ALL)
      SELECT * FROM ledger JOIN p USING (seed, year) ORDER BY seed, year`);
    expect(check.length).toBe(SEEDS.length * 3);
    for (const r of check) {
      expect(Number(r.stayers), `seed ${r.seed} year ${r.year}`).toBe(N - Number(r.last_entries));
      expect(Number(r.ticks), `seed ${r.seed} year ${r.year}`).toBe(N * YEAR - Number(r.entries));
      expect(Number(r.leavers)).toBeLessThanOrEqual(Number(r.exits));
      expect(Number(r.odd_ticks)).toBe(0);
    }
    expect(check.reduce((s, r) => s + Number(r.leavers), 0), 'the run should see exits').toBeGreaterThan(0);
  });

  it('counts as destinations exactly the markets in firm-markets.parquet, each with positive sales', async () => {
    const [r] = await q(`
      WITH fm AS (SELECT seed, year, firm, count(*) AS n, min(sales) AS least FROM ${markets(panel)} GROUP BY ALL)
      SELECT count(*) FILTER (destinations <> coalesce(n, 0)) AS mismatched, min(least) AS least, count(*) FILTER (destinations > 1) AS multi
      FROM ${years(panel)} LEFT JOIN fm USING (seed, year, firm)`);
    expect(Number(r!.mismatched)).toBe(0);
    expect(r!.least as number).toBeGreaterThan(0);
    expect(Number(r!.multi), 'some firm should sell to several markets').toBeGreaterThan(0);
  });

  // Without exits, nothing falls between the panel and the ledger: every sale of the year is some firm-year's.
  it('adds up to model.csv exportValue and to markets.csv own-name sales, by market, when no firm exits', async () => {
    const [exits] = await q(`SELECT sum("exitRate") AS x FROM read_csv(${file(noExits, 'model.csv')})`);
    expect(Number(exits!.x)).toBe(0);
    const byYear = await q(`
      WITH ledger AS (SELECT seed, tick // ${YEAR} AS year, sum("exportValue") AS v FROM read_csv(${file(noExits, 'model.csv')}) GROUP BY ALL),
      p AS (SELECT seed, year, sum(exports) AS v FROM ${years(noExits)} GROUP BY ALL)
      SELECT ledger.v AS ledger, p.v AS panel FROM ledger JOIN p USING (seed, year)`);
    expect(byYear.length).toBe(SEEDS.length * 3);
    for (const r of byYear) expect(close(r.ledger as number, r.panel as number), `${r.ledger} vs ${r.panel}`).toBe(true);
    const byMarket = await q(`
      WITH ledger AS (SELECT seed, tick // ${YEAR} AS year, market, sum("platformSales" + "directSales") AS v FROM read_csv(${file(noExits, 'markets.csv')}) GROUP BY ALL),
      p AS (SELECT seed, year, market, sum(sales) AS v FROM ${markets(noExits)} GROUP BY ALL)
      SELECT ledger.v AS ledger, coalesce(p.v, 0) AS panel FROM ledger LEFT JOIN p USING (seed, year, market)`);
    expect(byMarket.length).toBe(SEEDS.length * 3 * 8);
    for (const r of byMarket) expect(close(r.ledger as number, r.panel as number), `${r.ledger} vs ${r.panel}`).toBe(true);
  });

  // With exits, the ledger also holds what leavers sold in their exit tick: a gap ≥ 0, of which the own-name part is a share.
  it('falls short of the ledger only by leavers’ exit-tick sales', async () => {
    const gaps = await q(`
      WITH m AS (SELECT seed, tick // ${YEAR} AS year, sum("exportValue") AS v, sum("exitRate") AS exits FROM read_csv(${file(panel, 'model.csv')}) GROUP BY ALL),
      own AS (SELECT seed, tick // ${YEAR} AS year, sum("platformSales" + "directSales") AS v FROM read_csv(${file(panel, 'markets.csv')}) GROUP BY ALL),
      p AS (SELECT seed, year, sum(exports) AS v FROM ${years(panel)} GROUP BY ALL),
      pm AS (SELECT seed, year, sum(sales) AS v FROM ${markets(panel)} GROUP BY ALL)
      SELECT m.exits, m.v - p.v AS total, own.v - pm.v AS own, m.v AS scale FROM m JOIN own USING (seed, year) JOIN p USING (seed, year) JOIN pm USING (seed, year)`);
    for (const r of gaps) {
      const [total, own, tol] = [r.total as number, r.own as number, 1e-9 * (r.scale as number)];
      expect(own).toBeGreaterThanOrEqual(-tol);
      expect(own).toBeLessThanOrEqual(total + tol);
      if (r.exits === 0) expect(Math.abs(total)).toBeLessThanOrEqual(tol);
    }
    const [firms] = await q(`
      WITH fm AS (SELECT seed, year, firm, sum(sales) AS v FROM ${markets(panel)} GROUP BY ALL)
      SELECT count(*) AS n FROM ${years(panel)} JOIN fm USING (seed, year, firm) WHERE fm.v > exports * (1 + 1e-12)`);
    expect(Number(firms!.n), 'own-name sales are part of exports').toBe(0);
  });

  it('gives the same contents for the same run and leaves the run’s CSVs unchanged', async () => {
    for (const f of [years, markets]) {
      const [a, b] = await Promise.all([panel, again].map((d) => q(`SELECT * FROM ${f(d)}`)));
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    }
    for (const f of ['model.csv', 'regions.csv', 'markets.csv']) expect(readFileSync(join(panel, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
  });

  it('writes no Parquet file without firmPanel', () => {
    expect(readdirSync(plain).filter((f) => /parquet|duckdb/.test(f))).toEqual([]);
    expect(manifestFiles(plain).filter((f) => f.includes('parquet'))).toEqual([]);
  });

  it('leaves an interrupted run’s panel as .partial files, as its CSVs', async () => {
    let ticks = 0;
    const dir = await run('stopped', { firmPanel: true, shouldStop: () => ++ticks > 30 });
    expect(readdirSync(dir).sort()).toEqual(['firm-markets.parquet.partial', 'firm-years.parquet.partial', 'manifest.json', 'markets.csv.partial', 'model.csv.partial', 'regions.csv.partial']);
    expect(manifestFiles(dir)).toContain('firm-years.parquet.partial');
    // Years 0 and 1 of seed 1 ended before the stop at tick 30; leavers of year 2 were written as they left.
    const [r] = await q(`SELECT max(year) FILTER (exited = 0) AS y, count(DISTINCT seed) AS s FROM read_parquet(${file(dir, 'firm-years.parquet.partial')})`);
    expect([r!.y, Number(r!.s)]).toEqual([1, 1]);
  });

  it('refuses a run that ends mid-year before writing anything', async () => {
    const dir = join(root, 'mid-year');
    const err = await run('mid-year', { firmPanel: true, set: ['ticks=30'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('ticksPerYear');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('gvc-sim run --firm-panel on the command line', () => {
  const gvc = (args: string[]) => spawnSync(process.execPath, ['bin/gvc-sim', 'run', 'scenarios/baseline.yaml', ...args], { encoding: 'utf8' });
  const quick = ['--firms', '200', '--set', 'burnInTicks=12', '--no-report'];

  it('writes the panel when asked', () => {
    const out = join(root, 'cli');
    const r = gvc([...quick, '--ticks', '24', '--firm-panel', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['firm-years.parquet', 'firm-markets.parquet']));
  });

  it('answers a run that ends mid-year with one line, exit code 2 and no folder', () => {
    const out = join(root, 'cli-mid-year');
    const r = gvc([...quick, '--ticks', '30', '--firm-panel', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --firm-panel needs whole years: ticks (30) is not a multiple of ticksPerYear (12)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('documents the option in --help', () => {
    expect(spawnSync(process.execPath, ['bin/gvc-sim', 'run', '--help'], { encoding: 'utf8' }).stdout).toContain('--firm-panel');
  });
});
