/**
 * The classroom demo's non-browser parts: presets match their scenario files,
 * levers match the parameter schema, lever moves reach a running model, the
 * firm sample and the lock-in map measure what the reporters measure, and the
 * static server stays inside its folder on 127.0.0.1.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import demo from '../src/cli/demo.js';
import { UserError } from '../src/errors.js';
import { defaultScenario } from '../src/model/params.js';
import { TRAFFIC_PRESETS } from '../src/model/platform.js';
import { inLockInCohort, MODEL_METRICS } from '../src/model/reporters.js';
import { Simulation } from '../src/model/simulation.js';
import { validateScenarioObject } from '../src/scenario/check.js';
import { loadScenario } from '../src/scenario/load.js';
import { parsePath, resolveParamPath } from '../src/scenario/paths.js';
import { schemaAt } from '../src/scenario/schema.js';
import { loadPresets, PRESET_FILES } from '../web/build.mjs';
import { serveDemo } from '../web/serve.mjs';
import { sampleFirms } from '../web/src/firm-sample.js';
import { formatLever, gridValues, LEVERS, leverById, leverUnit, readLever } from '../web/src/levers.js';
import { finalLockIn } from '../web/src/lockin-map.js';
import { cellRun, MAP_FIRMS, mapCaption } from '../web/src/map-grid.js';
import type { RunSettings } from '../web/src/protocol.js';
import { DemoSession } from '../web/src/session.js';
import { resolveRun } from '../web/src/settings.js';

const presets = await loadPresets();
const preset = (id: string) => presets.find((p) => p.id === id)!;
const run = (id: string, extra: Partial<RunSettings> = {}): RunSettings => ({
  presetLabel: id,
  preset: preset(id).input,
  overrides: {},
  firms: 300,
  seed: 3,
  ...extra,
});

describe('presets', () => {
  it.each(PRESET_FILES.map((p) => [p.id, p.file]))('%s resolves exactly as the scenario loader resolves %s', async (id, file) => {
    const fromFile = (await loadScenario(file)).scenario;
    expect(validateScenarioObject(preset(id).input, id)).toEqual(fromFile);
  });

  it('include the lecture scenarios and say what each changes', () => {
    expect(presets.map((p) => p.label)).toEqual(['Baseline', 'Lock-in', 'Escape', 'Over-regulation', 'Inland pilot zone']);
    const over = resolveRun(run('over-regulation')).platform.governance;
    expect(over.oversight).toBe(1);
    expect(over.complianceCost).toBeGreaterThan(2 * defaultScenario().platform.governance.complianceCost);
    const inland = resolveRun(run('inland-pilot-zone'));
    expect(inland.platform.stage).toBe(1);
    expect(inland.regions.central?.pilotZone).toBe(true);
    expect(inland.regions.west?.pilotZone).toBe(true);
    for (const p of presets) expect(p.description.length).toBeGreaterThan(10);
  });
});

describe('levers', () => {
  it('name schema parameters, with slider ranges inside the schema’s and a unit', () => {
    for (const lever of LEVERS) {
      expect(resolveParamPath(lever.path, ['east', 'central', 'west']), lever.id).toHaveProperty('paths');
      const schema = schemaAt(parsePath(lever.path))!;
      expect(lever.min, lever.id).toBeGreaterThanOrEqual(schema.minimum!);
      expect(lever.max, lever.id).toBeLessThanOrEqual(schema.maximum!);
      expect(leverUnit(lever), lever.id).not.toBe('');
    }
    expect(LEVERS).toHaveLength(10);
  });

  it('read each preset’s effective value, ranking presets and region means included', () => {
    const lockIn = resolveRun(run('lock-in'));
    expect(readLever(leverById('payToRank'), lockIn)).toBe(TRAFFIC_PRESETS['pay-to-rank'].ad);
    expect(readLever(leverById('commission'), lockIn)).toBe(0.15);
    // Firm-weighted mean of the three regions' finance depth (shares 0.55 / 0.27 / 0.18).
    expect(readLever(leverById('financeDepth'), lockIn)).toBeCloseTo(0.55 * 0.15 + 0.27 * 0.1 + 0.18 * 0.1, 10);
    expect(readLever(leverById('newSellerBoost'), resolveRun(run('escape')))).toBe(TRAFFIC_PRESETS['new-seller-boost'].newSeller);
    for (const lever of LEVERS) {
      const v = readLever(lever, resolveRun(run('baseline')));
      expect(v, lever.id).toBeGreaterThanOrEqual(lever.min);
      expect(v, lever.id).toBeLessThanOrEqual(lever.max);
    }
  });

  it('format values for the screen and lay the map grid on their steps', () => {
    expect(formatLever(leverById('commission'), 0.15)).toBe('15%');
    expect(formatLever(leverById('platformStage'), 2)).toBe('2 · ecosystem');
    expect(gridValues(leverById('commission'), 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(gridValues(leverById('platformStage'), 5)).toEqual([0, 1, 2]);
    expect(gridValues(leverById('absorptive'), 5)).toEqual([0.05, 0.25, 0.5, 0.7, 0.95]);
  });

  it('override the preset, a region wildcard setting every region', () => {
    const s = resolveRun(run('lock-in', { overrides: { 'regions.*.financeDepth': 0.8, 'platform.commission': 0.05 } }));
    expect(Object.values(s.regions).map((r) => r.financeDepth)).toEqual([0.8, 0.8, 0.8]);
    expect(s.platform.commission).toBe(0.05);
    expect(s.platform.passThrough).toBe(0.3); // the rest of the preset stays
  });
});

describe('a demo session', () => {
  const COMMISSION = MODEL_METRICS.indexOf('commission');

  it('takes a lever move from the next tick on, through the model’s event phase', () => {
    const session = new DemoSession(run('baseline'));
    session.step();
    session.apply({ 'platform.commission': 0.3, 'regions.*.financeDepth': 0.9 });
    expect(session.step().tick).toBe(1);
    const sim = (session as unknown as { sim: Simulation }).sim;
    expect(sim.reporters.model[COMMISSION]).toBe(0.3);
    expect(sim.world.regions.map((r) => r.financeDepth)).toEqual([0.9, 0.9, 0.9]);
  });

  it('refuses an invalid value and keeps running as before', () => {
    const session = new DemoSession(run('baseline'));
    expect(() => session.apply({ 'platform.commission': 2 })).toThrow(/commission/);
    session.step();
    expect((session as unknown as { sim: Simulation }).sim.reporters.model[COMMISSION]).toBe(0.1);
  });

  it('reports every tick of the run and then is done', () => {
    const session = new DemoSession(run('baseline', { preset: { ...preset('baseline').input, ticks: 5 } }));
    const ticks = [];
    while (!session.done) ticks.push(session.step().tick);
    expect(ticks).toEqual([0, 1, 2, 3, 4]);
    expect(session.tick).toBe(5);
  });
});

describe('the firm sample', () => {
  it('marks locked-in firms as the lockInShare reporter counts them', () => {
    const sim = new Simulation(resolveRun(run('lock-in', { firms: 800 })));
    for (let t = 0; t < 30; t++) sim.step();
    const s = sampleFirms(sim.world); // 800 firms: every one is sampled
    const cohort = Array.from(s.slot).filter((i) => inLockInCohort(sim.world, i, sim.world.tick - 1)).length;
    const locked = s.locked.reduce((n, l) => n + l, 0);
    expect(s.slot).toHaveLength(800);
    expect(locked).toBeGreaterThan(0);
    expect(locked / cohort).toBeCloseTo(sim.reporters.model[MODEL_METRICS.indexOf('lockInShare')]!, 12);
  });

  it('spreads at most 3,000 dots evenly over a large population', () => {
    const sim = new Simulation(resolveRun(run('baseline', { firms: 7000 })));
    const s = sampleFirms(sim.world);
    expect(s.slot).toHaveLength(3000);
    expect(s.slot[0]).toBe(0);
    expect(s.slot[2999]).toBeGreaterThan(6990);
    expect(new Set(s.slot).size).toBe(3000);
  });
});

describe('the lock-in map', () => {
  it('sets both levers over the page’s settings and caps the population', () => {
    const x = { path: 'platform.commission', values: [0, 0.2] };
    const y = { path: 'regions.*.financeDepth', values: [0.1, 0.9] };
    const cell = cellRun(run('lock-in', { firms: 10000, overrides: { 'platform.commission': 0.3, 'buyers.searchCost': 2 } }), x, y, 0.2, 0.9);
    expect(cell.firms).toBe(MAP_FIRMS);
    expect(cell.overrides).toEqual({ 'platform.commission': 0.2, 'buyers.searchCost': 2, 'regions.*.financeDepth': 0.9 });
  });

  it('says which preset, moved levers, seed and population it was computed for', () => {
    const x = { path: 'firm.absorptiveMean', values: [0.05, 0.95] };
    const y = { path: 'intermediary.margin', values: [0, 1] };
    const moved = run('lock-in', { presetLabel: 'Lock-in', firms: 10000, seed: 7, overrides: { 'platform.traffic.weights.ad': 0, 'intermediary.margin': 0.5 } });
    expect(mapCaption(moved, x, y)).toBe('Lock-in preset, with Pay-to-rank weight 0; seed 7, 2,000 firms per cell');
    expect(mapCaption(run('escape', { presetLabel: 'Escape', firms: 1000 }), x, y)).toBe('Escape preset; seed 3, 1,000 firms per cell');
  });

  it('scores a cell by its final-year mean lock-in share', () => {
    const settings = run('lock-in', { firms: 400, preset: { ...preset('lock-in').input, ticks: 30 } });
    const sim = new Simulation(resolveRun(settings));
    const shares: number[] = [];
    while (!sim.done) {
      sim.step();
      shares.push(sim.reporters.model[MODEL_METRICS.indexOf('lockInShare')]!);
    }
    const lastYear = shares.slice(-12);
    expect(finalLockIn(settings)).toBeCloseTo(lastYear.reduce((a, b) => a + b, 0) / 12, 12);
  });
});

describe('the demo server', () => {
  const get = (url: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      // A raw path: fetch() would normalise `..` away before it reached the server.
      const u = new URL(url);
      const req = request({ host: u.hostname, port: u.port, path: url.slice(u.origin.length) }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject).end();
    });

  it('serves its folder on 127.0.0.1 and nothing outside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gvc-demo-serve-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(dir, 'main.js'), 'export {};');
    const server = await serveDemo({ dir, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await get(server.url)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
      expect(await get(`${server.url}main.js`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
      expect((await get(`${server.url}missing.js`)).status).toBe(404);
      expect((await get(`${server.url}../../etc/passwd`)).status).toBe(404);
      expect((await get(`${server.url}..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(404); // an encoded slash survives URL parsing
      expect((await get(`${server.url}%E0%A4%A`)).status).toBe(404); // malformed escape
      await expect(serveDemo({ dir, port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await server.close();
    }
  });

  it('the demo command refuses a port that is not one', async () => {
    const handler = demo.handler as (a: { port: number }) => Promise<void>;
    await expect(handler({ port: 70000 })).rejects.toBeInstanceOf(UserError);
    await expect(handler({ port: 1.5 })).rejects.toThrow(/--port must be a whole number/);
  });
});
