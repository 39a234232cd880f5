/**
 * The yearly firm panel of a run (`gvc-sim run --firm-panel`): every firm-year
 * (experiment/firm-years.ts) of every seed as `firm-years.parquet`, and its
 * sales by market as `firm-markets.parquet`. Rows go through DuckDB appenders
 * into a scratch database in the results folder as they are made, so memory
 * stays bounded; the files are copied out of it at the end, each to
 * `<file>.partial` first and renamed only when whole.
 */
import { rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender } from '@duckdb/node-api';
import { UserError } from '../errors.js';
import { buildMarkets } from '../model/markets.js';
import type { Scenario } from '../model/params.js';
import { resolveRegions } from '../model/regions.js';
import { ident, literal, openDb, type Db } from './sweep/db.js';
import type { FirmYear } from './firm-years.js';

/** Columns of firm-years.parquet, in file order (snake_case, as in the sweep database). */
export const FIRM_YEAR_COLUMNS = [
  'seed', 'year', 'firm', 'region', 'group', 'stage', 'indirect', 'direct', 'platform', 'productivity', 'entered', 'exited', 'ticks',
  'exports', 'receipts_indirect', 'receipts_direct', 'receipts_platform', 'domestic_sales', 'destinations',
] as const;

/** Columns of firm-markets.parquet, in file order. */
export const FIRM_MARKET_COLUMNS = ['seed', 'year', 'firm', 'market', 'sales'] as const;

const FIRM_PANEL_FILES = ['firm-years.parquet', 'firm-markets.parquet'] as const;

const SCRATCH = 'firm-panel.duckdb.partial';

// DuckDB would otherwise cache up to 80 % of RAM; past this it spills to `<scratch>.tmp`.
const MEMORY_LIMIT = '256MB';

// Regions and markets are stored by index and named when the files are written: fewer strings to append.
const SCHEMA = [
  'CREATE TABLE regions (region_index INTEGER, region VARCHAR, "group" VARCHAR)',
  'CREATE TABLE markets (market_index INTEGER, market VARCHAR)',
  `CREATE TABLE firm_years (seed INTEGER, year INTEGER, firm INTEGER, region_index INTEGER, stage TINYINT,
    indirect TINYINT, direct TINYINT, platform TINYINT, productivity DOUBLE, entered TINYINT, exited TINYINT, ticks INTEGER,
    exports DOUBLE, receipts_indirect DOUBLE, receipts_direct DOUBLE, receipts_platform DOUBLE, domestic_sales DOUBLE, destinations INTEGER)`,
  'CREATE TABLE firm_markets (seed INTEGER, year INTEGER, firm INTEGER, market_index INTEGER, sales DOUBLE)',
];

const COPIES: Record<(typeof FIRM_PANEL_FILES)[number], string> = {
  'firm-years.parquet': `SELECT ${FIRM_YEAR_COLUMNS.map(ident).join(', ')} FROM firm_years JOIN regions USING (region_index) ORDER BY seed, year, firm`,
  'firm-markets.parquet': `SELECT ${FIRM_MARKET_COLUMNS.map(ident).join(', ')} FROM firm_markets JOIN markets USING (market_index) ORDER BY seed, year, firm, market_index`,
};

/** The panel holds whole years only: a run ending mid-year would silently lose its last ticks. */
export function checkFirmPanel(s: Pick<Scenario, 'ticks' | 'ticksPerYear'>): void {
  if (s.ticks % s.ticksPerYear !== 0) {
    throw new UserError(
      `--firm-panel needs whole years: ticks (${s.ticks}) is not a multiple of ticksPerYear (${s.ticksPerYear})`,
      `run ${Math.max(1, Math.round(s.ticks / s.ticksPerYear)) * s.ticksPerYear} ticks, or drop --firm-panel`,
    );
  }
}

export class FirmPanel {
  private constructor(
    private readonly dir: string,
    private readonly db: Db,
    private readonly years: DuckDBAppender,
    private readonly markets: DuckDBAppender,
  ) {}

  /** Opens the scratch database in `dir` with the scenario's region and market names. */
  static async open(dir: string, s: Scenario): Promise<FirmPanel> {
    checkFirmPanel(s);
    removeScratch(dir);
    const db = await openDb(join(dir, SCRATCH));
    try {
      await db.conn.run(`SET memory_limit = ${literal(MEMORY_LIMIT)}`);
      for (const sql of SCHEMA) await db.conn.run(sql);
      const regions = await db.conn.createAppender('regions');
      resolveRegions(s).forEach((r, k) => appendRow(regions, [k], [r.name, r.group]));
      regions.closeSync();
      const markets = await db.conn.createAppender('markets');
      buildMarkets(s.markets).forEach((m, k) => appendRow(markets, [k], [m.name]));
      markets.closeSync();
      return new FirmPanel(dir, db, await db.conn.createAppender('firm_years'), await db.conn.createAppender('firm_markets'));
    } catch (err) {
      db.close();
      removeScratch(dir);
      throw err;
    }
  }

  /** Appends one firm-year of `seed` and its markets with sales. */
  add(seed: number, r: FirmYear): void {
    const y = this.years;
    for (const x of [seed, r.year, r.id, r.region, r.stage, r.indirect, r.direct, r.platform]) y.appendInteger(x);
    y.appendDouble(r.productivity);
    for (const x of [r.entered, r.exited, r.ticks]) y.appendInteger(x);
    for (const x of [r.exports, r.receiptsIndirect, r.receiptsDirect, r.receiptsPlatform, r.domesticSales]) y.appendDouble(x);
    let destinations = 0;
    r.marketSales.forEach((sales, m) => {
      if (sales <= 0) return;
      destinations++;
      for (const x of [seed, r.year, r.id, m]) this.markets.appendInteger(x);
      this.markets.appendDouble(sales);
      this.markets.endRow();
    });
    y.appendInteger(destinations);
    y.endRow();
  }

  /**
   * Writes both files and removes the scratch database; returns the names
   * written. An interrupted run's files keep their `.partial` suffix, as its CSVs do.
   */
  async close(interrupted: boolean): Promise<string[]> {
    try {
      return await failsAsUserError(this.dir, async () => {
        this.years.closeSync();
        this.markets.closeSync();
        const written: string[] = [];
        for (const name of FIRM_PANEL_FILES) {
          const file = join(this.dir, name);
          await this.db.conn.run(`COPY (${COPIES[name]}) TO ${literal(`${file}.partial`)} (FORMAT PARQUET)`);
          if (!interrupted) renameSync(`${file}.partial`, file);
          written.push(interrupted ? `${name}.partial` : name);
        }
        return written;
      });
    } finally {
      this.db.close();
      removeScratch(this.dir);
    }
  }
}

function appendRow(a: DuckDBAppender, ints: number[], texts: string[]): void {
  ints.forEach((x) => a.appendInteger(x));
  texts.forEach((x) => a.appendVarchar(x));
  a.endRow();
}

/** A failed write (a full disk, say) is the user's to fix, not a bug. */
async function failsAsUserError<T>(dir: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot write the firm panel in ${dir}: ${(err as Error).message.split('\n')[0]}`);
  }
}

function removeScratch(dir: string): void {
  for (const f of [SCRATCH, `${SCRATCH}.wal`, `${SCRATCH}.tmp`]) rmSync(join(dir, f), { force: true, recursive: true });
}
