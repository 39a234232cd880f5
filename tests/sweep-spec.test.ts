import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { inShard, loadSweepSpec, parseShard, resolveShard, runRef, runSeed, totalRuns } from '../src/experiment/sweep/index.js';
import { Reducer } from '../src/experiment/sweep/reduce.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-sweep-spec-'));
const LOCK_IN = resolve('scenarios/lock-in.yaml');

/** Writes a spec (its base is scenarios/lock-in.yaml unless the text says otherwise) and loads it. */
async function load(name: string, body: string) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, body.includes('base:') ? body : `base: ${LOCK_IN}\n${body}`);
  return loadSweepSpec(file);
}

/** The UserError message loading a spec throws. */
async function problem(name: string, body: string): Promise<string> {
  try {
    await load(name, body);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).message;
  }
  throw new Error('expected a UserError');
}

const GRID = `design: { kind: grid }
factors:
  platform.commission: [0.1, 0.2]
outputs:
  lockInShare: final-year
`;

describe('sweep spec', () => {
  it('loads a spec: wildcard factors expand, the design and runs follow, scale applies', async () => {
    const plan = await loadSweepSpec('tests/fixtures/sweeps/tiny-grid.yaml');
    expect(plan.name).toBe('tiny-grid');
    expect(plan.factors.map((f) => f.name)).toEqual(['platform.commission', 'regions.*.financeDepth']);
    expect(plan.factors[1]!.paths.map((p) => p.join('.'))).toEqual(['regions.east.financeDepth', 'regions.central.financeDepth', 'regions.west.financeDepth']);
    expect(plan.design.rows).toHaveLength(6);
    expect(totalRuns(plan)).toBe(24);
    expect(plan.base.scenario.firms).toBe(300);
    expect(plan.base.scenario.platform.traffic.rule).toBe('pay-to-rank');
    expect(plan.outputs.map((o) => o.reduction)).toEqual(['final-year', 'final', 'mean', 'trajectory']);
    expect(runRef(plan, 9)).toMatchObject({ id: 9, point: 2, replication: 1, seed: runSeed(7, 2, 1) });
  });

  it('hashes what determines results, not names or comments', async () => {
    const a = await load('h1', `name: one\n${GRID}`);
    const b = await load('h2', `# a comment\nname: two\n${GRID}`);
    const c = await load('h3', `${GRID}seed: 2\n`);
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('names file, line, column, key path and the nearest valid key', async () => {
    const msg = await problem('typo-key', `design: { kind: grid }\nfactor:\n  platform.commission: [0.1, 0.2]\noutputs: { lockInShare: final }\n`);
    expect(msg).toMatch(/typo-key\.yaml:3:1: factor: unknown key; did you mean 'factors'\?/);
    expect(msg).toMatch(/factors: missing/);
  });

  it('checks factor paths against the scenario schema', async () => {
    const msg = await problem('typo-path', GRID.replace('platform.commission', 'platform.comission'));
    expect(msg).toMatch(/typo-path\.yaml:4:3: factors\.platform\.comission: unknown key 'comission' in platform; did you mean 'platform\.commission'\?/);
  });

  it('checks metrics and reductions', async () => {
    const msg = await problem('typo-metric', GRID.replace('lockInShare', 'lockinShare'));
    expect(msg).toMatch(/:6:3: outputs\.lockinShare: unknown metric 'lockinShare'; did you mean 'lockInShare'\?/);
    const red = await problem('typo-reduction', GRID.replace('final-year', 'final-yr'));
    expect(red).toMatch(/:6:16: outputs\.lockInShare: expected one of final, final-year, mean, trajectory, got 'final-yr'; did you mean 'final-year'\?/);
  });

  it('checks factor values against the parameter, at the offending level', async () => {
    const msg = await problem('range', GRID.replace('[0.1, 0.2]', '[0.1, 1.5]'));
    expect(msg).toMatch(/range\.yaml:4:30: factors\.platform\.commission\[1\]: expected a number between 0 and 0\.9, got 1\.5/);
    const int = await problem('integer', GRID.replace('platform.commission: [0.1, 0.2]', 'platform.traffic.coldStartTicks: { min: 0, max: 12 }').replace('kind: grid', 'kind: lhs, n: 4'));
    expect(int).toMatch(/whole numbers: add `integer: true`/);
  });

  it('suggests design kinds, and needs levels for a grid over a range', async () => {
    expect(await problem('kind', GRID.replace('kind: grid', 'kind: sobel, n: 4'))).toMatch(/design\.kind: expected one of grid, lhs, sobol, morris, got 'sobel'; did you mean 'sobol'\?/);
    expect(await problem('grid-range', GRID.replace('[0.1, 0.2]', '{ min: 0.1, max: 0.2 }'))).toMatch(/a grid needs levels/);
  });

  it('rejects a missing base, a seed factor, and reports every problem at once', async () => {
    expect(await problem('nobase', `base: nowhere.yaml\n${GRID}`)).toMatch(/nobase\.yaml:1:7: base: scenario file not found: .*nowhere\.yaml \(the path is relative to the spec file\)/);
    expect(await problem('seed', GRID.replace('platform.commission', 'seed'))).toMatch(/run seeds come from the sweep/);
    const many = await problem('many', `${GRID.replace('lockInShare', 'lockinShare')}replications: 0\nextra: 1\n`);
    expect(many).toMatch(/^\d problems in .*many\.yaml:/);
    expect(many).toMatch(/replications: replications must be at least 1, got 0/);
    expect(many).toMatch(/extra: unknown key/);
  });
});

describe('run seeds and shards', () => {
  it('derives distinct 31-bit seeds from (sweep seed, point, replication)', () => {
    const seeds = new Set<number>();
    for (let p = 0; p < 50; p++) for (let r = 0; r < 4; r++) seeds.add(runSeed(1, p, r));
    expect(seeds.size).toBe(200);
    expect([...seeds].every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
    expect(runSeed(1, 3, 2)).toBe(runSeed(1, 3, 2));
    expect(runSeed(2, 3, 2)).not.toBe(runSeed(1, 3, 2));
  });

  it('puts every run in exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 64 }), (id, n) => {
        const owners = Array.from({ length: n }, (_, i) => i + 1).filter((index) => inShard(id, { index, count: n }));
        return owners.length === 1;
      }),
    );
  });

  it('reads --shard, Slurm arrays (0- or 1-based) and Kubernetes indexed jobs', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseShard('0/8')).toThrow(/between 1 and 8/);
    expect(() => parseShard('two')).toThrow(/expected I\/N/);
    const slurm = (id: number, min: number) => resolveShard(undefined, { SLURM_ARRAY_TASK_ID: `${id}`, SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: `${min}` });
    expect(slurm(0, 0)).toEqual({ index: 1, count: 4 });
    expect(slurm(4, 1)).toEqual({ index: 4, count: 4 });
    expect(resolveShard(undefined, { JOB_COMPLETION_INDEX: '2', GVC_SHARD_COUNT: '3' })).toEqual({ index: 3, count: 3 });
    expect(() => resolveShard(undefined, { JOB_COMPLETION_INDEX: '2' })).toThrow(/GVC_SHARD_COUNT/);
    expect(resolveShard('1/2', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 1, count: 2 });
    expect(resolveShard(undefined, {})).toEqual({ index: 1, count: 1 });
  });
});

describe('reductions', () => {
  it('keeps the last tick, the last year, the whole-run mean and the trajectory', () => {
    const r = new Reducer(
      [{ index: 0, reduction: 'final' }, { index: 0, reduction: 'final-year' }, { index: 1, reduction: 'mean' }, { index: 1, reduction: 'trajectory' }],
      6,
      4,
    );
    for (let t = 0; t < 6; t++) r.add(t, Float64Array.of(t, 10 * t));
    const out = r.result();
    expect(out.values).toEqual([5, (2 + 3 + 4 + 5) / 4, 25]);
    expect([...out.trajectories[0]!]).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe('fixed overrides', () => {
  it('applies scale, then set, and locates their problems', async () => {
    const plan = await load('fixed', `${GRID}scale: { firms: 500, ticks: 36 }\nset:\n  platform.supplyChainFinance: true\n  regions.*.digitalInfra: 0.9\n`);
    expect(plan.base.scenario).toMatchObject({ firms: 500, ticks: 36, platform: { supplyChainFinance: true } });
    expect(plan.base.scenario.regions.west!.digitalInfra).toBe(0.9);
    const msg = await problem('fixed-bad', `${GRID}scale: { firms: 5 }\nset: { platform.traffic.rule: pay2rank }\n`);
    expect(msg).toMatch(/fixed-bad\.yaml:7:17: scale\.firms: expected an integer between 10 and 5000000, got 5/);
    expect(msg).toMatch(/fixed-bad\.yaml:8:\d+: set\.platform\.traffic\.rule: expected one of .*, got 'pay2rank'; did you mean 'pay-to-rank'\?/);
  });
});
