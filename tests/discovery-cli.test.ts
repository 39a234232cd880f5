/**
 * `gvc-sim discover` on a tiny real sweep (24 runs of 300 firms): the
 * trajectory, the box, the HTML page, and bad input as one-line user errors
 * (exit 2, no stack trace) when run as a process (node bin/gvc-sim, built dist/).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiscover } from '../src/cli/discover.js';
import { UserError } from '../src/errors.js';
import { openDb } from '../src/experiment/sweep/db.js';
import { DB_FILE, loadSweepSpec, runSweep } from '../src/experiment/sweep/index.js';
import { readRunOutcomes } from '../src/experiment/sweep/run-outcomes.js';

const SPEC = 'tests/fixtures/sweeps/tiny-discover.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'gvc-discover-'));
let dir: string;

/** The command's arguments with the CLI's defaults. */
const args = (over: Record<string, unknown>) =>
  ({ dir, metric: 'exporterShare', 'min-density': 0.8, 'peel-alpha': 0.05, 'paste-alpha': 0.05, 'mass-min': 0.05, objective: 'lenient1', format: 'table', ...over }) as Parameters<typeof runDiscover>[0];

async function userError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).message;
  }
  throw new Error('expected a UserError');
}

function gvc(...argv: string[]) {
  const r = spawnSync(process.execPath, ['bin/gvc-sim', ...argv], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = (await runSweep({ plan: await loadSweepSpec(SPEC), outDir: join(tmp, 'tiny'), workers: 2 })).outDir;
});

describe('scenarios/sweeps/policy-levers.yaml', () => {
  it('loads: 500 Latin hypercube points × 2 seeds over eight policy levers', async () => {
    const plan = await loadSweepSpec('scenarios/sweeps/policy-levers.yaml');
    expect(plan.design.rows.length * plan.spec.replications).toBe(1000);
    expect(plan.factors.map((f) => f.name)).toEqual([
      'platform.commission',
      'platform.financeFactor',
      'platform.governance.oversight',
      'regions.*.financeDepth',
      'regions.*.logisticsCost',
      'regions.*.digitalInfra',
      'policy.exportRebate',
      'regions.*.logisticsSubsidy',
    ]);
  });
});

describe('reading a sweep run by run', () => {
  it('gives every replication its own row, with the factors it ran at', async () => {
    const r = await readRunOutcomes(dir, 'exporterShare');
    expect(r).toMatchObject({ sweep: 'tiny-discover', source: 'final-year', failed: 0 });
    expect(r.runIds).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(r.factors.map((f) => f.name)).toEqual(['platform.commission', 'regions.*.financeDepth', 'platform.governance.oversight']);
    // Two replications of a design point share its factor values but not their outcome.
    expect(r.factors[0]!.values[0]).toBe(r.factors[0]!.values[1]);
    expect(r.values.every(Number.isFinite)).toBe(true);
  });

  it('takes a year of a trajectory: the final year equals the last whole year', async () => {
    const last = await readRunOutcomes(dir, 'stageShare0');
    const year2 = await readRunOutcomes(dir, 'stageShare0', { year: 2 });
    const year1 = await readRunOutcomes(dir, 'stageShare0', { year: 1 });
    expect([last.source, year2.source, year1.source]).toEqual(['final-year', 'year 2', 'year 1']);
    expect(year2.values).toEqual(last.values);
    expect(year1.values).not.toEqual(last.values);
  });
});

describe('gvc-sim discover', () => {
  /** A threshold inside the runs' range, taken from the sweep itself so that a change of the model moves it along. */
  let T = 0;
  beforeAll(async () => {
    const r = await readRunOutcomes(dir, 'exporterShare');
    const sorted = [...r.values].sort((a, b) => a - b);
    T = Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(2));
  });

  it('prints the trajectory and the chosen box, and writes the HTML page', async () => {
    const out = await runDiscover(args({ above: T }));
    expect(out.startsWith(`exporterShare (final-year) above ${T} in `)).toBe(true);
    expect(out).toMatch(/\d+ of 24 runs are cases of interest/);
    expect(out).toContain('peeling trajectory\nbox  step   coverage  density');
    expect(out).toMatch(/\n {2}0 {2}start +1 +/);
    expect(out).toMatch(/\nbox \d+: (the first to reach density 0\.8|no box reaches density 0\.8)/);
    expect(out).toContain('input  ');
    expect(out).toContain('quasi-p');
    const page = join(dir, `discover-exporterShare-above-${T}.html`);
    expect(out.endsWith(`report: ${page}`)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('Coverage and density along the peeling trajectory');
    expect(html).toContain('Every box on the trajectory');
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
  });

  it('shows the box asked for, and the same numbers as JSON', async () => {
    const json = JSON.parse(await runDiscover(args({ above: T, box: 2, format: 'json', out: join(tmp, 'b2.html') })));
    expect(json).toMatchObject({ metric: 'exporterShare', direction: 'above', threshold: T, runs: 24, failed: 0, report: join(tmp, 'b2.html') });
    expect(json.chosen).toMatchObject({ box: 2, how: 'asked' });
    expect(json.trajectory[2]).toMatchObject({ box: 2, coverage: json.chosen.coverage, density: json.chosen.density });
    const restricted = json.chosen.limits.filter((l: { restricted: boolean }) => l.restricted);
    expect(restricted.length).toBe(json.chosen.restricted);
    for (const l of restricted) expect(l.qp).toBeGreaterThan(0);
    expect(await runDiscover(args({ above: T, box: 2, format: 'json', out: join(tmp, 'b2.html') }))).toBe(JSON.stringify(json, null, 2));
  });

  it('judges a given year of a trajectory output', async () => {
    const below = JSON.parse(await runDiscover(args({ metric: 'stageShare0', below: 0.8, year: 1, format: 'json' })));
    expect(below.source).toBe('year 1');
    expect(existsSync(join(dir, 'discover-stageShare0-below-0.8-year1.html'))).toBe(true);
  });

  it('turns bad input into user errors that say what to do', async () => {
    expect(await userError(runDiscover(args({ metric: 'exporterShar', above: 0.2 })))).toBe(
      "the sweep did not record 'exporterShar'; did you mean 'exporterShare'? (its outputs: lockInShare, exporterShare, stageShare0)",
    );
    expect(await userError(runDiscover(args({ above: 0.99 })))).toMatch(/^no run has exporterShare above 0\.99: exporterShare runs from 0\.\d+ to 0\.\d+ over the 24 runs$/);
    expect(await userError(runDiscover(args({ below: 2 })))).toMatch(/^every run has exporterShare below 2, so there is nothing to tell apart/);
    expect(await userError(runDiscover(args({})))).toMatch(/^give exactly one of --below VALUE or --above VALUE/);
    expect(await userError(runDiscover(args({ below: 0.2, above: 0.3 })))).toMatch(/^give exactly one of/);
    expect(await userError(runDiscover(args({ dir: join(tmp, 'nowhere'), below: 0.2 })))).toBe(`${join(tmp, 'nowhere')} does not exist: give the folder a sweep wrote (e.g. results/policy-levers)`);
    expect(await userError(runDiscover(args({ dir: tmp, below: 0.2 })))).toMatch(/holds no sweep results/);
    expect(await userError(runDiscover(args({ above: T, box: 99 })))).toMatch(/^--box must be a box on the trajectory, 0 to \d+, got 99$/);
    expect(await userError(runDiscover(args({ above: T, year: 1 })))).toMatch(/^--year needs exporterShare stored tick by tick/);
    expect(await userError(runDiscover(args({ metric: 'stageShare0', above: 0.7, year: 3 })))).toBe('--year must be a whole year from 1 to 2 (the runs have 24 ticks of 12 per year), got 3');
    expect(await userError(runDiscover(args({ above: T, 'mass-min': 0 })))).toMatch(/^--mass-min must lie strictly between 0 and 1/);
  });

  it('says so when the sweep holds no successful run', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    copyFileSync(join(dir, DB_FILE), join(empty, DB_FILE));
    const db = await openDb(join(empty, DB_FILE));
    await db.conn.run('DELETE FROM outputs');
    await db.conn.run('DELETE FROM trajectories');
    await db.conn.run('DELETE FROM runs');
    db.close();
    expect(await userError(runDiscover(args({ dir: empty, below: 0.2 })))).toBe(`${empty} holds no successful runs: there is nothing to analyse`);
  });

  it('as a process: exit 2 and one line on stderr, no stack trace', () => {
    for (const argv of [
      ['discover', join(tmp, 'nowhere'), '--metric', 'lockInShare', '--below', '0.3'],
      ['discover', dir, '--metric', 'lockInShar', '--below', '0.3'],
      ['discover', dir, '--metric', 'exporterShare', '--above', '0.99'],
    ]) {
      const r = gvc(...argv);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
      expect(r.stderr).not.toMatch(/\bat \S+ \(/);
    }
    const ok = gvc('discover', dir, '--metric', 'exporterShare', '--above', String(T), '--out', join(tmp, 'p.html'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('peeling trajectory');
  });
});
