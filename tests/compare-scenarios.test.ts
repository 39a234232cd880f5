/**
 * `gvc-sim compare`: common random numbers make identical scenarios differ by
 * exactly zero; a strong change (no platform) is detected; the CI is the
 * paired t interval over per-seed differences; folders are never overwritten.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCommand, type CompareArgs, type CompareOutcome } from '../src/cli/compare.js';
import { figureCommand } from '../src/cli/figure.js';
import { reportCommand } from '../src/cli/report.js';
import { UserError } from '../src/errors.js';
import { pairedDifferences } from '../src/experiment/compare.js';
import { finalYearBySeed } from '../src/report/final-year.js';
import { readColumns } from '../src/report/results-files.js';
import { studentTQuantile } from '../src/analysis/distributions.js';

const root = mkdtempSync(join(tmpdir(), 'gvc-compare-'));
const BASE = 'scenarios/baseline.yaml';

function args(out: string, more: Partial<CompareArgs> = {}): CompareArgs {
  return {
    a: BASE, b: BASE, seeds: 3, firms: 300, ticks: 24, set: ['burnInTicks=12'], 'set-a': [], 'set-b': [],
    out: join(root, out), force: false, format: 'table', report: true, ...more,
  };
}

let same: CompareOutcome;
let noPlatform: CompareOutcome;

beforeAll(async () => {
  same = await compareCommand(args('same'));
  noPlatform = await compareCommand(args('no-platform', { 'set-b': ['platform.enabled=false'], report: false }));
});

const row = (o: CompareOutcome, metric: string) => o.comparison.metrics.find((r) => r.metric === metric)!;

describe('compare: identical scenarios', () => {
  it('differ by exactly zero, with CIs of [0, 0] and no marker', () => {
    expect(same.comparison.metrics.length).toBeGreaterThan(40);
    for (const r of same.comparison.metrics) {
      expect(r.diff).toBe(0);
      expect([r.lo, r.hi]).toEqual([0, 0]);
      expect(r.significant).toBe(false);
    }
    expect(same.text).not.toMatch(/ \*$/m);
  });

  it('write both sides as run folders, the differences and compare.html', () => {
    const dir = same.outDir;
    for (const side of ['a-baseline', 'b-baseline']) {
      for (const f of ['manifest.json', 'model.csv', 'regions.csv', 'summary.json']) expect(existsSync(join(dir, side, f))).toBe(true);
    }
    expect(readFileSync(join(dir, 'differences.csv'), 'utf8').trim().split('\n')).toHaveLength(same.comparison.metrics.length + 1);
    const html = readFileSync(join(dir, 'compare.html'), 'utf8');
    expect(html).toContain('>A: baseline</text>');
    expect(html).toContain('>B: baseline</text>');
    expect(html).toContain('(none: A and B have the same parameters)');
  });

  it('never overwrite a comparison silently', async () => {
    const err = await compareCommand(args('same')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('already holds files');
  });
});

describe('compare: B without the platform', () => {
  it('detects the strong change, with the CI excluding zero', () => {
    const gmv = row(noPlatform, 'platformGmvShare');
    expect(gmv.b).toBe(0);
    expect(gmv.a).toBeGreaterThan(0.1);
    expect(gmv.hi!).toBeLessThan(0);
    expect(gmv.significant).toBe(true);
    expect(row(noPlatform, 'platformValueShare').significant).toBe(true);
    expect(noPlatform.text).toMatch(/^platformGmvShare .* \*$/m);
    expect(noPlatform.comparison.b.label).toBe('baseline (platform.enabled=false)');
    expect(existsSync(join(noPlatform.outDir, 'compare.html'))).toBe(false); // --no-report
  });

  it('computes the paired t interval from the per-seed differences', () => {
    const from = 12; // 24 ticks, 12 per year
    const perSeed = (side: string) => [...finalYearBySeed(readColumns(join(noPlatform.outDir, side, 'model.csv')), 'lockInShare', from).values()];
    const a = perSeed('a-baseline');
    const d = perSeed('b-baseline').map((b, s) => b - a[s]!);
    const mean = d.reduce((x, y) => x + y) / 3;
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / 2);
    const half = (studentTQuantile(0.975, 2) * sd) / Math.sqrt(3);
    const r = row(noPlatform, 'lockInShare');
    expect(r.diff).toBeCloseTo(mean, 12);
    expect(r.lo!).toBeCloseTo(mean - half, 12);
    expect(r.hi!).toBeCloseTo(mean + half, 12);
  });

  it('feeds `report` (compare.html) and `figure` (one line per side)', async () => {
    expect(await reportCommand({ dir: noPlatform.outDir })).toBe(join(noPlatform.outDir, 'compare.html'));
    const svg = readFileSync(await figureCommand({ dir: noPlatform.outDir, metric: ['platformGmvShare'] }), 'utf8');
    expect(svg.split('aria-roledescription="line mark"').length - 1).toBe(2);
    expect(svg).toContain('>B: baseline (platform.enabled=false)</text>');
  });
});

describe('pairedDifferences', () => {
  it('uses the spread of the differences, not of each side', () => {
    const rows = (xs: number[]) => xs.map((x) => Float64Array.of(x));
    // Sides vary a lot across seeds, but B − A is 1, 0, 2: mean 1, sd 1.
    const [r] = pairedDifferences(rows([10, 20, 30]), rows([11, 20, 32]), ['m']);
    const half = studentTQuantile(0.975, 2) / Math.sqrt(3);
    expect(r).toMatchObject({ metric: 'm', a: 20, b: 21, diff: 1, significant: false });
    expect(r!.lo).toBeCloseTo(1 - half, 12);
    expect(r!.hi).toBeCloseTo(1 + half, 12);
    const [one] = pairedDifferences(rows([1]), rows([2]), ['m']);
    expect(one).toMatchObject({ diff: 1, lo: undefined, hi: undefined, significant: false });
  });
});

describe('compare: bad input', () => {
  it('is a UserError', async () => {
    for (const bad of [args('bad1', { b: 'scenarios/nope.yaml' }), args('bad2', { seeds: 0 }), args('bad3', { 'set-b': ['platform.enabld=false'] }), args('bad4', { 'set-b': ['ticks=36'] })]) {
      expect(await compareCommand(bad).catch((e: unknown) => e)).toBeInstanceOf(UserError);
    }
  });
});
