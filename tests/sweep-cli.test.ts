/**
 * `gvc-sim sweep`, `merge` and `export` as separate processes (node bin/gvc-sim, built dist/):
 * kill -9 and resume, Ctrl-C, and three shards (by --shard, a Slurm array and a Kubernetes
 * Indexed Job) merged back into the unsharded sweep, run by run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSweepSpec, runSweep } from '../src/experiment/sweep/index.js';
import { dumpResults } from './fixtures/sweeps/db-dump.js';

const SPEC = 'tests/fixtures/sweeps/tiny-grid.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'gvc-sweep-cli-'));
const children = new Set<ChildProcess>();
let reference: Awaited<ReturnType<typeof dumpResults>>;

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `node bin/gvc-sim ARGS`; `recorded(n)` resolves once n runs are logged as recorded. */
function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['bin/gvc-sim', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let recorded = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => {
    stderr += d;
    recorded = stderr.split('"msg":"run recorded"').length - 1;
    for (const w of waiters.filter((x) => recorded >= x.n)) w.resolve();
  });
  const done = new Promise<Done>((resolve) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return {
    child,
    done,
    recorded: (n: number) => new Promise<void>((resolve) => (recorded >= n ? resolve() : waiters.push({ n, resolve }))),
  };
}

const gvc = (args: string[], env?: NodeJS.ProcessEnv) => start(args, env).done;

beforeAll(async () => {
  const r = await runSweep({ plan: await loadSweepSpec(SPEC), outDir: join(tmp, 'reference'), workers: 2 });
  reference = await dumpResults(r.outDir);
});

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('gvc-sim sweep as a process', () => {
  it('after kill -9, --resume runs only what is missing and ends equal to an uninterrupted sweep', async () => {
    const out = join(tmp, 'killed');
    const p = start(['sweep', SPEC, '--out', out, '--workers', '1', '--log-level', 'debug']);
    await p.recorded(4);
    p.child.kill('SIGKILL');
    expect((await p.done).signal).toBe('SIGKILL');
    const partial = await dumpResults(out);
    expect(partial.runs.length).toBeGreaterThanOrEqual(4);
    expect(partial.runs.length).toBeLessThan(24);
    const resumed = await gvc(['sweep', SPEC, '--out', out, '--workers', '2', '--resume', '--log-level', 'warn']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`${24 - partial.runs.length} runs recorded (${partial.runs.length} already recorded)`);
    expect(await dumpResults(out)).toEqual(reference);
  });

  it('on Ctrl-C keeps finished runs, exits 130 and says how to resume', async () => {
    const out = join(tmp, 'interrupted');
    const p = start(['sweep', SPEC, '--out', out, '--workers', '1', '--log-level', 'debug']);
    await p.recorded(2);
    p.child.kill('SIGINT');
    const r = await p.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`resume with: gvc-sim sweep ${SPEC} --resume --out ${out}`);
    const kept = await dumpResults(out);
    expect(kept.runs.length).toBeGreaterThanOrEqual(2);
    expect(kept.runs.length).toBeLessThan(24);
    expect(kept.runs).toEqual(reference.runs.filter((x) => kept.runs.some((k) => k.run_id === x.run_id)));
  });

  it('reports a bad spec as a user error: exit 2, no stack trace', async () => {
    const r = await gvc(['sweep', 'tests/fixtures/sweeps/expression-fee.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \d+ problems in tests\/fixtures\/sweeps\/expression-fee\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('shards and merge', () => {
  const out = join(tmp, 'sharded');
  const shard = (i: number) => join(out, `shard-${i}-of-3`);

  beforeAll(async () => {
    const args = ['sweep', SPEC, '--out', out, '--workers', '1', '--log-level', 'warn'];
    const runs = await Promise.all([
      gvc([...args, '--shard', '1/3']),
      gvc(args, { SLURM_ARRAY_TASK_ID: '11', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_COUNT: '3' }),
      gvc(args, { JOB_COMPLETION_INDEX: '2', GVC_SHARD_COUNT: '3' }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
  });

  it('runs disjoint slices (run id mod 3), whichever way the shard is given', async () => {
    for (const i of [1, 2, 3]) {
      const ids = (await dumpResults(shard(i))).runs.map((r) => Number(r.run_id));
      expect(ids).toEqual(reference.runs.map((r) => Number(r.run_id)).filter((id) => id % 3 === i - 1));
    }
  });

  it('merges into the unsharded sweep, run by run, and exports it', async () => {
    const merged = join(tmp, 'merged');
    const r = await gvc(['merge', shard(1), shard(2), shard(3), '--out', merged]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('merged 24 of 24 runs (0 failed)');
    expect(await dumpResults(merged)).toEqual(reference);
    const exported = await gvc(['export', merged, '--format', 'csv']);
    expect(exported.stdout.trim().split('\n').map((f) => f.split('/').pop())).toEqual(['design.csv', 'meta.csv', 'outputs.csv', 'runs.csv', 'trajectories.csv', 'columns.csv']);
  });

  it('reports missing runs, and refuses shards of different specs', async () => {
    const partial = await gvc(['merge', shard(1), shard(3), '--out', join(tmp, 'partial')]);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toContain('8 runs are missing (run ids 1, 4, 7, 10, 13, 16, 19, 22)');
    const spec = join(tmp, 'other.yaml');
    const text = readFileSync(SPEC, 'utf8').replace('../../../scenarios/lock-in.yaml', resolve('scenarios/lock-in.yaml'));
    writeFileSync(spec, text.replace('seed: 7', 'seed: 8').replace('[0.05, 0.15, 0.25]', '[0.05, 0.15]').replace('replications: 4', 'replications: 1'));
    const other = join(tmp, 'other');
    await runSweep({ plan: await loadSweepSpec(spec), outDir: other, workers: 1 });
    const mixed = await gvc(['merge', shard(1), other, '--out', join(tmp, 'mixed')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/comes from a different sweep/);
  });
});
