/**
 * The public API (src/index.ts, docs/api.md) as a script uses it: the doc's
 * example runs as written against the built package; replications are
 * `gvc-sim run`'s numbers; custom phases run where they are put and custom
 * reporters beside the model's; and the second platform of
 * examples/second-platform, added from outside the model, keeps the model's
 * accounting and changes nothing when it offers sellers nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, grid, MODEL_METRICS, PHASE_NAMES, replicate, runScenario, runSweepSpec, scenario, sweep, UserError, withPhases, type Scenario, type World } from 'gvc-sim';
import { runSeed } from '../src/experiment/sweep/seeds.js';
import { secondPlatform } from '../examples/second-platform/rival.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gvc-api-'));
let small: Scenario;

beforeAll(async () => {
  small = await scenario('scenarios/baseline.yaml', { set: { firms: 200, ticks: 24, burnInTicks: 12 } });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docs/api.md', () => {
  it('its example runs as written, in a project with gvc-sim installed', async () => {
    const doc = readFileSync(join(root, 'docs/api.md'), 'utf8');
    const code = /<!-- example: run by tests\/api.test.ts -->\n```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const project = join(tmp, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(root, join(project, 'node_modules', 'gvc-sim'), 'dir');
    writeFileSync(join(project, 'example.mjs'), (await transform(code!, { loader: 'ts', format: 'esm', target: 'node20' })).code);
    const r = spawnSync(process.execPath, [join(project, 'example.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^tick 12: exporter share 0\.\d{3}, mean cash -?\d+\.\d k USD$/m);
    expect(r.stdout).toMatch(/^meanCash: -?\d+\.\d{3} → -?\d+\.\d{3} \(95% CI/m);
    expect(r.stdout.match(/│ \d+\s+│ 0\.(05|15)/g)).toHaveLength(8); // the sweep's table: 4 points × 2 replications
  });
});

describe('scenarios', () => {
  it('come from a file or an object, with --set-style values, and name what is wrong', async () => {
    expect(small.firms).toBe(200);
    const fromObject = await scenario({ firms: 300, platform: { commission: 0.12 } }, { set: { 'regions.*.financeDepth': 0.6 } });
    expect(fromObject.platform.commission).toBe(0.12);
    expect(Object.values(fromObject.regions).map((r) => r.financeDepth)).toEqual([0.6, 0.6, 0.6]);
    await expect(scenario({ platform: { comission: 0.1 } })).rejects.toThrow("did you mean 'commission'?");
    await expect(scenario({ platform: { comission: 0.1 } })).rejects.toBeInstanceOf(UserError);
  });
});

describe('replications', () => {
  it('give the final-year means of gvc-sim run, to the last bit', async () => {
    const dir = join(tmp, 'run');
    mkdirSync(dir);
    const files = await runScenario({ scenario: small, seeds: [4, 5], outDir: dir });
    const api = replicate(small, { seeds: [4, 5] });
    expect(api.runs.map((r) => MODEL_METRICS.map((m) => r.finalYear[m]))).toEqual(files.finalYear.map((row) => [...row]));
    expect(api.runs[0]!.rows).toHaveLength(small.ticks);
    const share = api.summary.find((m) => m.metric === 'exporterShare')!;
    expect(share.seeds).toBe(2);
    expect(share.lo).toBeLessThanOrEqual(share.mean);
  });
});

describe('custom phases and reporters', () => {
  it('a phase runs where it is put, every tick, burn-in included', () => {
    const names = withPhases([{ name: 'a', after: 'matching', run: () => {} }, { name: 'b', before: 'a', run: () => {} }, { name: 'c', run: () => {} }]).map((p) => p.name);
    expect(names).toEqual([...PHASE_NAMES.slice(0, 6), 'b', 'a', ...PHASE_NAMES.slice(6), 'c']);
    const seen: Array<[number, number]> = [];
    const model = createModel(small, { phases: [{ name: 'spy', after: 'matching', run: (w) => seen.push([w.tick, w.ledger.receipts]) }] });
    expect(seen).toHaveLength(small.burnInTicks);
    model.step();
    expect(seen.at(-1)![0]).toBe(0);
  });

  it('an unknown anchor, a taken name or a reporter named like a metric is a user error', () => {
    expect(() => withPhases([{ name: 'x', after: 'matchin', run: () => {} }])).toThrow("there is no phase 'matchin'");
    expect(() => withPhases([{ name: 'matching', run: () => {} }])).toThrow(UserError);
    expect(() => createModel(small, { reporters: { exporterShare: () => 0 } })).toThrow('model metric');
  });

  it('reporters are read after each tick, beside the model’s', () => {
    const model = createModel(small, { reporters: { tickSeen: (w: World) => w.tick, firms: (w: World) => w.firms.capacity } });
    const rows = model.run(3);
    expect(rows.map((r) => r.tickSeen)).toEqual([0, 1, 2]);
    expect(rows[2]).toMatchObject({ tick: 2, firms: 200 });
    expect(rows[2]!.exporterShare).toBe(model.reporters().exporterShare);
  });

  it('a model with no custom phase gives the same run as one with a phase that changes nothing', () => {
    const a = createModel(small, { seed: 9 }).run();
    const b = createModel(small, { seed: 9, phases: [{ name: 'idle', after: 'settlement', run: () => {} }] }).run();
    expect(b).toEqual(a);
  });
});

describe('sweeps', () => {
  it('run every point of the grid with the seeds a sweep spec gives', () => {
    const factors = { 'platform.commission': [0.05, 0.2], 'regions.*.financeDepth': [0.3] };
    expect(grid(factors)).toEqual([{ 'platform.commission': 0.05, 'regions.*.financeDepth': 0.3 }, { 'platform.commission': 0.2, 'regions.*.financeDepth': 0.3 }]);
    const rows = sweep(small, { factors, replications: 2, seed: 11 });
    expect(rows.map((r) => [r.point, r.replication, r.seed])).toEqual([0, 1].flatMap((p) => [0, 1].map((k) => [p, k, runSeed(11, p, k)])));
    expect(rows[3]).toMatchObject({ 'platform.commission': 0.2, 'regions.*.financeDepth': 0.3 });
    expect(typeof rows[3]!.lockInShare).toBe('number');
  });
});

describe('a sweep spec from a script', () => {
  it('runs as gvc-sim sweep does and exports its tables', async () => {
    const r = await runSweepSpec('tests/fixtures/sweeps/tiny-grid.yaml', { outDir: join(tmp, 'spec'), workers: 1, format: 'parquet' });
    expect(r).toMatchObject({ total: 24, ran: 24, failed: 0, interrupted: false });
    expect(r.files.map((f) => f.split(/[\\/]/).pop()).sort()).toEqual(['columns.csv', 'design.parquet', 'meta.parquet', 'outputs.parquet', 'runs.parquet', 'trajectories.parquet']);
  });
});

describe('a second platform added from outside the model (examples/second-platform)', () => {
  const longer = () => ({ ...small, ticks: 48 });

  it('draws multi-homing sellers when cheaper, and the model’s accounting still adds up', () => {
    const rival = secondPlatform({ commission: 0.02, reach: 0.2 });
    const rows = createModel(longer(), { seed: 3, checkInvariants: true, ...rival }).run();
    const last = rows.at(-1)!;
    expect(last.rivalSellerShare).toBeGreaterThan(0.1);
    expect(last.rivalGmvShare).toBeGreaterThan(0);
    expect(last.rivalCommission).toBeGreaterThan(0);
  });

  it('takes part in replications, and one object serves many runs', () => {
    const r = replicate(longer(), { seeds: 2, ...secondPlatform({ commission: 0.02, reach: 0.2 }) });
    expect(r.runs.map((run) => run.finalYear.rivalSellerShare! > 0)).toEqual([true, true]);
  });

  it('changes nothing when it is no cheaper than the incumbent', () => {
    const alone = createModel(longer(), { seed: 3 }).run();
    const rival = secondPlatform({ commission: longer().platform.commission });
    const both = createModel(longer(), { seed: 3, ...rival }).run();
    expect(both.map((r) => r.rivalSellerShare)).toEqual(both.map(() => 0));
    expect(both.map(({ rivalSellerShare, rivalGmvShare, rivalCommission, ...model }) => model)).toEqual(alone);
  });
});
