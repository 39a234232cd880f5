/**
 * `gvc-sim run` as a user meets it: files written, never silently
 * overwritten, bit-identical for a seed, different across seeds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_METRICS, REGION_METRICS, MARKET_METRICS, AGENT_COLUMNS } from '../src/model/reporters.js';

const QUICK = ['--firms', '300', '--ticks', '24', '--no-report', '--set', 'burnInTicks=12'];

function gvc(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/gvc-sim'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'gvc-run-'));

describe('gvc-sim run', () => {
  it('writes manifest, model, regions, markets and agents files with the documented columns', () => {
    const out = join(tmp(), 'r');
    const r = gvc(['run', 'scenarios/baseline.yaml', ...QUICK, '--seeds', '2', '--agents-every', '12', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['agents.csv', 'manifest.json', 'markets.csv', 'model.csv', 'regions.csv', 'summary.json']);
    const header = (f: string) => readFileSync(join(out, f), 'utf8').split('\n')[0]!.split(',');
    expect(header('model.csv')).toEqual(['tick', 'seed', ...MODEL_METRICS]);
    expect(header('regions.csv')).toEqual(['tick', 'seed', 'region', 'group', ...REGION_METRICS]);
    expect(header('markets.csv')).toEqual(['tick', 'seed', 'market', ...MARKET_METRICS]);
    expect(header('agents.csv')).toEqual(['tick', 'seed', ...AGENT_COLUMNS]);
    const lines = readFileSync(join(out, 'model.csv'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 2 * 24);
    const agents = readFileSync(join(out, 'agents.csv'), 'utf8').trim().split('\n');
    expect(agents.length).toBe(1 + 2 * 3 * 300); // ticks 0, 12 and the last, per seed
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    expect(manifest.seeds).toEqual([1, 2]);
    expect(manifest.scenario.firms).toBe(300);
    expect(manifest.parameterHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.out).toContain('95% CI');
  });

  it('with --format parquet also writes model, regions and markets as Parquet; the CSVs stay the same', () => {
    const [plain, both] = [tmp(), tmp()];
    expect(gvc(['run', 'scenarios/baseline.yaml', ...QUICK, '--out', plain, '--force']).code).toBe(0);
    const r = gvc(['run', 'scenarios/baseline.yaml', ...QUICK, '--format', 'parquet', '--out', both, '--force']);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(both).filter((f) => f.endsWith('.parquet')).sort()).toEqual(['markets.parquet', 'model.parquet', 'regions.parquet']);
    for (const f of ['model.csv', 'regions.csv', 'markets.csv']) expect(readFileSync(join(both, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
    expect(gvc(['run', 'scenarios/baseline.yaml', ...QUICK, '--format', 'xlsx', '--out', tmp(), '--force']).code).toBe(2);
  });

  it('gives byte-identical files for the same seed, and different ones for another seed', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    for (const [dir, seed] of [[a, '5'], [b, '5'], [c, '6']] as const) expect(gvc(['run', 'scenarios/baseline.yaml', ...QUICK, '--seed', seed, '--out', dir, '--force']).code).toBe(0);
    for (const f of ['model.csv', 'regions.csv', 'markets.csv']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
      expect(readFileSync(join(a, f)).equals(readFileSync(join(c, f))), f).toBe(false);
    }
  });

  it('never overwrites an earlier run: a numbered folder without --out, --force needed for a non-empty --out', () => {
    const cwd = tmp();
    const scenario = join(process.cwd(), 'scenarios/baseline.yaml');
    expect(gvc(['run', scenario, ...QUICK], cwd).code).toBe(0);
    expect(gvc(['run', scenario, ...QUICK], cwd).code).toBe(0);
    expect(existsSync(join(cwd, 'results/baseline/model.csv'))).toBe(true);
    expect(existsSync(join(cwd, 'results/baseline-2/model.csv'))).toBe(true);
    const taken = join(cwd, 'taken');
    expect(gvc(['run', scenario, ...QUICK, '--out', taken]).code).toBe(0);
    const refused = gvc(['run', scenario, ...QUICK, '--out', taken]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
  });

  it('answers a bad scenario with its file, line and key, exit code 2 and no stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\nplatform:\n  comission: 0.2\n');
    const r = gvc(['run', file, ...QUICK]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml:3:3');
    expect(r.err).toContain("did you mean 'commission'");
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad option value with exit code 2', () => {
    const r = gvc(['run', 'scenarios/baseline.yaml', '--seeds', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seeds');
  });
});
