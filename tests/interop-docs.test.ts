/**
 * Results that Python and R read in one line: `--format parquet` writes each
 * table of a run and a sweep as Parquet with safe column names, the names as
 * written elsewhere in the metadata, and the CSV's numbers exactly; the DuckDB
 * queries of docs/interop.md run on a small sweep's files as written there.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS_KEY, safeColumnName, safeColumnNames } from '../src/experiment/parquet.js';
import { runScenario } from '../src/experiment/run.js';
import { literal, openDb, rows, type Db } from '../src/experiment/sweep/db.js';
import { exportSweep, loadSweepSpec, runSweep } from '../src/experiment/sweep/index.js';
import { loadScenario } from '../src/scenario/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'gvc-interop-'));
const doc = readFileSync(new URL('../docs/interop.md', import.meta.url), 'utf8');
let db: Db;
let sweepDir: string;
let runDir: string;

/** The names a Parquet file keeps in its metadata: safe name → name as written elsewhere. */
async function columnsOf(file: string): Promise<Record<string, string>> {
  const [r] = await rows(db.conn, `SELECT decode(value) AS v FROM parquet_kv_metadata(${literal(file)}) WHERE decode(key) = ${literal(COLUMNS_KEY)}`);
  return JSON.parse(String(r!.v));
}

beforeAll(async () => {
  db = await openDb(':memory:');
  // The tiny grid has the factors of the doc's fee-finance-lockin sweep, at 300 firms × 24 ticks.
  const sweep = await runSweep({ plan: await loadSweepSpec('tests/fixtures/sweeps/tiny-grid.yaml'), outDir: join(tmp, 'fee-finance-lockin'), workers: 1 });
  sweepDir = sweep.outDir;
  await exportSweep(sweepDir, 'parquet');
  const { scenario } = await loadScenario('scenarios/baseline.yaml', { overrides: ['firms=200', 'ticks=12', 'burnInTicks=6'] });
  runDir = join(tmp, 'run');
  mkdirSync(runDir);
  await runScenario({ scenario, seeds: [3, 4], outDir: runDir, agentsEvery: 6, format: 'parquet' });
});

afterAll(() => {
  db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('safe column names', () => {
  it('keep letters, digits and _ only, and are unique', () => {
    expect(safeColumnName('regions.*.financeDepth')).toBe('regions_all_financeDepth');
    expect(safeColumnName('platform.feePolicy.tiers[1]')).toBe('platform_feePolicy_tiers_1');
    expect(safeColumnName('2x')).toBe('x2x');
    expect(safeColumnNames(['a.b', 'a_b', 'a-b'])).toEqual(['a_b', 'a_b_2', 'a_b_3']);
  });
});

describe('a run with --format parquet', () => {
  it('writes a Parquet file beside each CSV and lists them in the manifest', () => {
    const files = readdirSync(runDir).sort();
    expect(files).toEqual(['agents.csv', 'agents.parquet', 'manifest.json', 'markets.csv', 'markets.parquet', 'model.csv', 'model.parquet', 'regions.csv', 'regions.parquet']);
    expect(JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')).files).toEqual(expect.arrayContaining(['model.parquet', 'agents.parquet']));
  });

  it.each(['model', 'regions', 'markets', 'agents'])('%s.parquet holds the CSV’s header and every value exactly', async (table) => {
    const [header, ...lines] = readFileSync(join(runDir, `${table}.csv`), 'utf8').trimEnd().split('\n');
    const file = join(runDir, `${table}.parquet`);
    const names = header!.split(',');
    expect(Object.values(await columnsOf(file))).toEqual(names);
    const reader = await db.conn.runAndReadAll(`SELECT * FROM ${literal(file)}`);
    expect(reader.columnNames()).toEqual(names);
    const parquet = reader.getRows().map((r) => r.map(String).join(','));
    expect(parquet).toEqual(lines);
  });

  it('types ticks and seeds as integers, names as text, the rest as doubles', async () => {
    const types = await rows(db.conn, `SELECT column_name AS c, column_type AS t FROM (DESCRIBE SELECT * FROM ${literal(join(runDir, 'regions.parquet'))})`);
    const byName = Object.fromEntries(types.map((r) => [r.c, r.t]));
    expect(byName).toMatchObject({ tick: 'INTEGER', seed: 'BIGINT', region: 'VARCHAR', group: 'VARCHAR', exports: 'DOUBLE', firms: 'DOUBLE' });
  });
});

describe('a sweep as Parquet', () => {
  it('names factor columns safely and keeps their paths in the metadata', async () => {
    const cols = await columnsOf(join(sweepDir, 'runs.parquet'));
    expect(cols).toMatchObject({ platform_commission: 'platform.commission', regions_all_financeDepth: 'regions.*.financeDepth', run_id: 'run_id' });
    const [n] = await rows(db.conn, `SELECT count(*)::INTEGER AS n FROM ${literal(join(sweepDir, 'outputs.parquet'))}`);
    expect(n!.n).toBe(24);
  });

  it('answers the DuckDB queries of docs/interop.md as the sweep database does', async () => {
    const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.replaceAll('results/fee-finance-lockin/', `${sweepDir}/`));
    expect(blocks).toHaveLength(3);
    const answers = [];
    for (const block of blocks) {
      const statements = block.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
      for (const sql of statements.slice(0, -1)) await db.conn.run(sql);
      answers.push((await db.conn.runAndReadAll(statements.at(-1)!)).getRows());
    }
    const [fromParquet, fromDatabase, metadata] = answers;
    expect(fromParquet).toHaveLength(6);
    expect(fromParquet!.map((r) => r.slice(0, 3))).toEqual(fromDatabase);
    expect(JSON.parse(String(metadata![0]![0]))).toMatchObject({ regions_all_financeDepth: 'regions.*.financeDepth' });
  });
});
