/** The sweep engine in-process (its workers run the compiled dist/ build): determinism, resume, faults, export, analysis. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { analyzeSobolCommand } from '../src/cli/analyze-sensitivity.js';
import { UserError } from '../src/errors.js';
import { sweepResultsReader } from '../src/experiment/designs/index.js';
import { openDb, rows } from '../src/experiment/sweep/db.js';
import { exportSweep, loadSweepSpec, registerSweepReader, runSweep, type SweepPlan, type SweepResult } from '../src/experiment/sweep/index.js';
import { copyWithout, dumpResults } from './fixtures/sweeps/db-dump.js';
import { meanSe, sweepSummary } from '../src/experiment/sweep/summary.js';
import { safeColumnName, safeColumnNames } from '../src/output/column-names.js';
import { formatNumber } from '../src/report/table.js';

const tmp = mkdtempSync(join(tmpdir(), 'gvc-sweep-engine-'));
const GRID = 'tests/fixtures/sweeps/tiny-grid.yaml';
let plan: SweepPlan;
let clean: SweepResult;
let reference: Awaited<ReturnType<typeof dumpResults>>;

beforeAll(async () => {
  plan = await loadSweepSpec(GRID);
  clean = await runSweep({ plan, outDir: join(tmp, 'clean'), workers: 2 });
  reference = await dumpResults(clean.outDir);
});

afterEach(() => vi.restoreAllMocks());

async function userError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

describe('sweep engine', () => {
  it('records every run with its factor values, outputs and trajectories', () => {
    expect(clean).toMatchObject({ total: 24, ran: 24, failed: 0, skipped: 0, interrupted: false });
    expect(reference.runs).toHaveLength(24);
    expect(reference.runs.every((r) => r.status === 'ok' && r.error === null)).toBe(true);
    expect(reference.runs[9]).toMatchObject({ run_id: 9, point: 2, replication: 1, 'platform.commission': 0.15, 'regions.*.financeDepth': 0.2 });
    expect(reference.outputs).toHaveLength(24);
    expect(reference.trajectories).toHaveLength(24 * 24);
    // Replications differ (own seeds), and the outputs are not all zero.
    expect(reference.outputs[0]!.exporterShare).not.toBe(reference.outputs[1]!.exporterShare);
    expect(reference.outputs.some((o) => Number(o.lockInShare) > 0)).toBe(true);
  });

  it('gives bit-identical results with another worker count', async () => {
    await runSweep({ plan, outDir: join(tmp, 'one-worker'), workers: 1 });
    expect(await dumpResults(join(tmp, 'one-worker'))).toEqual(reference);
  });

  it('resumes only the missing runs and ends equal to an uninterrupted sweep', async () => {
    const dir = join(tmp, 'resumed');
    await copyWithout(clean.outDir, dir, [0, 5, 6, 17, 23]);
    expect((await dumpResults(dir)).runs).toHaveLength(19);
    const r = await runSweep({ plan, outDir: dir, workers: 2, resume: true });
    expect(r).toMatchObject({ total: 24, skipped: 19, ran: 5, interrupted: false });
    expect(await dumpResults(dir)).toEqual(reference);
  });

  it('stops dispatching when asked, keeps what finished, and resumes', async () => {
    const dir = join(tmp, 'stopped');
    const stop = new AbortController();
    const first = await runSweep({ plan, outDir: dir, workers: 1, stop: stop.signal, onRun: () => stop.abort() });
    expect(first.interrupted).toBe(true);
    expect(first.ran).toBeGreaterThan(0);
    expect(first.ran).toBeLessThan(24);
    expect((await dumpResults(dir)).runs).toHaveLength(first.ran);
    await runSweep({ plan, outDir: dir, workers: 2, resume: true });
    expect(await dumpResults(dir)).toEqual(reference);
  });

  it('abandons the runs under way when asked twice, recording none of them', async () => {
    const dir = join(tmp, 'abandoned');
    const stop = new AbortController();
    const abandon = new AbortController();
    const r = await runSweep({ plan, outDir: dir, workers: 2, stop: stop.signal, abandon: abandon.signal, onRun: () => (stop.abort(), abandon.abort()) });
    expect(r.interrupted).toBe(true);
    const kept = (await dumpResults(dir)).runs;
    expect(kept).toHaveLength(r.ran);
    expect(kept).toEqual(reference.runs.filter((x) => kept.some((k) => k.run_id === x.run_id)));
  });

  it('refuses to overwrite a sweep, and to resume one from another spec', async () => {
    expect((await userError(runSweep({ plan, outDir: clean.outDir, workers: 1 }))).message).toMatch(/already holds a sweep/);
    const other = { ...plan, hash: 'f'.repeat(64) };
    expect((await userError(runSweep({ plan: other, outDir: clean.outDir, workers: 1, resume: true }))).message).toMatch(/different spec/);
  });

  it('records a run that throws as failed, with its error, and goes on', async () => {
    const failing = await loadSweepSpec('tests/fixtures/sweeps/failing-fee.yaml');
    const r = await runSweep({ plan: failing, outDir: join(tmp, 'failing'), workers: 1 });
    expect(r).toMatchObject({ total: 4, ran: 4, failed: 2, interrupted: false });
    expect(r.errors[0]).toMatch(/fee expression .* gave NaN/);
    const d = await dumpResults(r.outDir);
    expect(d.runs.map((x) => [x['platform.commission'], x.status])).toEqual([[0, 'failed'], [0, 'failed'], [0.1, 'ok'], [0.1, 'ok']]);
    expect(d.outputs.map((o) => o.run_id)).toEqual([2, 3]);
  });
});

describe('export', () => {
  it('writes every table as CSV and Parquet', async () => {
    const csv = await exportSweep(clean.outDir, 'csv', join(tmp, 'csv'));
    expect(csv.map((f) => f.split('/').pop())).toEqual(['design.csv', 'meta.csv', 'outputs.csv', 'runs.csv', 'trajectories.csv', 'columns.csv']);
    const runs = readFileSync(join(tmp, 'csv', 'runs.csv'), 'utf8').trim().split('\n');
    // Names R's read.csv and pandas keep as they are; columns.csv maps them back to the parameter paths.
    expect(runs[0]).toBe('run_id,point,replication,seed,platform_commission,regions_all_financeDepth,status,wall_ms,error');
    const columns = readFileSync(join(tmp, 'csv', 'columns.csv'), 'utf8').trim().split('\n');
    expect(columns[0]).toBe('file,column,name');
    expect(columns).toContain('runs.csv,regions_all_financeDepth,regions.*.financeDepth');
    expect(columns).toContain('design.csv,platform_commission,platform.commission');
    expect(columns).toContain('runs.csv,run_id,run_id');
    expect(runs).toHaveLength(25);
    const parquet = await exportSweep(clean.outDir, 'parquet', join(tmp, 'pq'));
    expect(parquet.every(existsSync)).toBe(true);
    const db = await openDb(':memory:');
    const [n] = await rows(db.conn, `SELECT count(*) AS n, sum(exporterShare) AS s FROM '${join(tmp, 'pq', 'outputs.parquet')}'`);
    const [meta] = await rows(db.conn, `SELECT decode(value) AS v FROM parquet_kv_metadata('${join(tmp, 'pq', 'runs.parquet')}') WHERE decode(key) = 'gvc-sim:columns'`);
    const [cols] = await rows(db.conn, `SELECT * FROM '${join(tmp, 'pq', 'runs.parquet')}' LIMIT 1`);
    db.close();
    expect(JSON.parse(String(meta!.v))).toMatchObject({ regions_all_financeDepth: 'regions.*.financeDepth', platform_commission: 'platform.commission' });
    expect(Object.keys(cols!)).toContain('regions_all_financeDepth');
    expect(Number(n!.n)).toBe(24);
    expect(n!.s).toBeCloseTo(reference.outputs.reduce((a, o) => a + Number(o.exporterShare), 0), 12);
  });
});

describe('analyze a sweep directory', () => {
  let dir: string;
  beforeAll(async () => {
    registerSweepReader();
    const sobol = await loadSweepSpec('tests/fixtures/sweeps/tiny-sobol.yaml');
    dir = (await runSweep({ plan: sobol, outDir: join(tmp, 'sobol'), workers: 2 })).outDir;
  });

  it('rebuilds the design in design order with one output per point', async () => {
    const { design, outputs } = await sweepResultsReader().readDesignAndOutputs(dir, 'exporterShare');
    expect(design.method).toBe('sobol');
    expect(design.names).toEqual(['platform.commission', 'platform.traffic.coldStartTicks']);
    expect(design.rows).toHaveLength(16);
    expect(design.method === 'sobol' && design.step.slice(0, 4)).toEqual([0, 1, 2, 3]);
    const d = await dumpResults(dir);
    expect(outputs).toEqual(d.outputs.map((o) => o.exporterShare));
  });

  it('explains metrics it cannot analyse', async () => {
    const reader = sweepResultsReader();
    expect((await userError(reader.readDesignAndOutputs(dir, 'exporterShar'))).message).toMatch(/did you mean 'exporterShare'/);
    expect((await userError(reader.readDesignAndOutputs(dir, 'stageShare0'))).message).toMatch(/stored as a trajectory/);
    expect((await userError(reader.readDesignAndOutputs(join(tmp, 'nowhere'), 'x'))).message).toMatch(/holds no sweep results/);
  });

  it('refuses a sweep with holes', async () => {
    const holey = join(tmp, 'holey');
    await copyWithout(dir, holey, [3]);
    expect((await userError(sweepResultsReader().readDesignAndOutputs(holey, 'exporterShare'))).message).toMatch(/1 of 16 design points lack results/);
  });

  it('feeds `analyze sobol DIR --metric`', async () => {
    let out = '';
    vi.spyOn(console, 'log').mockImplementation((s) => void (out += `${s}\n`));
    await yargs(['sobol', dir, '--metric', 'exporterShare', '--bootstrap', '20'])
      .command(analyzeSobolCommand)
      .fail((msg, err) => {
        throw err ?? new Error(msg);
      })
      .parseAsync();
    expect(out).toContain('Sobol indices of "exporterShare" (N = 4, D = 2');
    expect(out).toMatch(/platform\.traffic\.coldStartTicks/);
  });
});

describe('sweep summary', () => {
  it('shows each design point’s mean with its standard error over the replications', async () => {
    const s = await sweepSummary(clean.outDir);
    expect(s.title).toBe('mean ± standard error over replications, by design point');
    const col = s.header.indexOf('lockInShare (final-year)');
    for (const [k, row] of s.rows.entries()) {
      const values = reference.outputs.filter((o) => Math.floor(Number(o.run_id) / 4) === k).map((o) => Number(o.lockInShare));
      expect(values).toHaveLength(4);
      const mean = values.reduce((a, b) => a + b) / 4;
      const se = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 3) / 2;
      expect(row[col]).toBe(se > 0 ? `${formatNumber(mean, 4)} ± ${formatNumber(se, 2)}` : mean);
    }
    expect(meanSe(0.5, 0.1, 1)).toBe(0.5);
  });
});

describe('safe column names', () => {
  it('turns paths into names R and pandas keep, unique within a table', () => {
    expect(safeColumnName('regions.*.financeDepth')).toBe('regions_all_financeDepth');
    expect(safeColumnName('platform.traffic.weights.ad')).toBe('platform_traffic_weights_ad');
    expect(safeColumnName('2x')).toBe('x2x');
    expect(safeColumnNames(['a.b', 'a_b', 'run_id'])).toEqual(['a_b', 'a_b_2', 'run_id']);
  });
});
