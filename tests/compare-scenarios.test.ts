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
import { MARKET_METRICS, REGION_METRICS } from '../src/model/reporters.js';
import { boundedMeanCi, meanCi } from '../src/analysis/replications.js';
import { formatNumber } from '../src/report/table.js';
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
    expect(noPlatform.text).toMatch(/^national +platformGmvShare .* \*$/m);
    expect(noPlatform.comparison.b.label).toBe('baseline (platform.enabled=false)');
    expect(existsSync(join(noPlatform.outDir, 'compare.html'))).toBe(false); // --no-report
  });

  it('computes the paired t interval from the per-seed differences', () => {
    const from = 12; // 24 ticks, 12 per year
    const perSeed = (side: string) => [...finalYearBySeed(readColumns(join(noPlatform.outDir, side, 'model.csv')), 'exportValue', from).values()];
    const a = perSeed('a-baseline');
    const d = perSeed('b-baseline').map((b, s) => b - a[s]!);
    const mean = d.reduce((x, y) => x + y) / 3;
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / 2);
    const half = (studentTQuantile(0.975, 2) * sd) / Math.sqrt(3);
    const r = row(noPlatform, 'exportValue');
    expect(half).toBeGreaterThan(0);
    expect(r.diff).toBeCloseTo(mean, 9);
    expect(r.lo!).toBeCloseTo(mean - half, 9);
    expect(r.hi!).toBeCloseTo(mean + half, 9);
  });

  it('feeds `report` (compare.html) and `figure` (one line per side)', async () => {
    expect(await reportCommand({ dir: noPlatform.outDir })).toBe(join(noPlatform.outDir, 'compare.html'));
    const svg = readFileSync(await figureCommand({ dir: noPlatform.outDir, metric: ['platformGmvShare'] }), 'utf8');
    expect(svg.split('aria-roledescription="line mark"').length - 1).toBe(2);
    expect(svg).toContain('>B: baseline (platform.enabled=false)</text>');
    expect(svg).toContain('>platform GMV share of exports</text>'); // the y axis names the metric, not its column
    expect(svg).toContain('stroke-dasharray="6,3"'); // A, the reference, dashed
  });

  it('draws a region metric of a comparison as B − A per region: three lines, not six', async () => {
    const svg = readFileSync(await figureCommand({ dir: noPlatform.outDir, metric: ['regions.exports'] }), 'utf8');
    expect(svg.split('aria-roledescription="line mark"').length - 1).toBe(3);
    for (const r of ['east', 'central', 'west']) expect(svg).toContain(`>${r}</text>`);
    expect(svg).toContain('B − A by region');
  });
});

describe('compare: regions, markets, shares and what each side ran with', () => {
  const regionRow = (o: CompareOutcome, unit: string, metric: string) => o.comparison.metrics.find((r) => r.level === 'region' && r.unit === unit && r.metric === metric)!;

  it('pairs every region metric in every region, and every market metric in every market', () => {
    const regions = noPlatform.comparison.metrics.filter((r) => r.level === 'region');
    expect(new Set(regions.map((r) => r.unit))).toEqual(new Set(['east', 'central', 'west']));
    expect(regions).toHaveLength(3 * REGION_METRICS.length);
    const markets = noPlatform.comparison.metrics.filter((r) => r.level === 'market');
    expect(new Set(markets.map((r) => r.unit)).size).toBeGreaterThan(1);
    expect(markets).toHaveLength(new Set(markets.map((r) => r.unit)).size * MARKET_METRICS.length);
    // Region exports add up to the national export value, seed by seed, so their differences do too.
    const sum = ['east', 'central', 'west'].reduce((s, u) => s + regionRow(noPlatform, u, 'exports').diff, 0);
    expect(sum).toBeCloseTo(row(noPlatform, 'exportValue').diff, 6);
    // Without the platform no region sells on it.
    for (const u of ['east', 'central', 'west']) expect(regionRow(noPlatform, u, 'platformAdoption')).toMatchObject({ b: 0, share: true, significant: true });
  });

  it('writes the regional and market rows to differences.csv, with their level and unit', () => {
    const lines = readFileSync(join(noPlatform.outDir, 'differences.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('level,unit,metric,a,b,diff,lo,hi,significant,share');
    expect(lines).toHaveLength(noPlatform.comparison.metrics.length + 1);
    expect(lines.some((l) => l.startsWith('region,central,exports,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('model,,platformGmvShare,'))).toBe(true);
  });

  it('prints shares in percent, their differences in percentage points, and the regional rows', () => {
    const line = noPlatform.text.split('\n').find((l) => /^national +platformGmvShare /.test(l))!;
    const gmv = row(noPlatform, 'platformGmvShare');
    expect(line).toContain(`${formatNumber(100 * gmv.a, 3)}%`);
    expect(line).toContain(`${formatNumber(100 * gmv.diff, 3)} pp`);
    expect(gmv.diff).toBeLessThan(0);
    expect(noPlatform.text).toMatch(/^region central +platformAdoption .* pp .*\*$/m);
    expect(noPlatform.text).toMatch(/^market \S+ +platformSales /m);
    // pilotZone is 0 in both: left out of the terminal, kept in the CSV.
    expect(noPlatform.text).not.toMatch(/pilotZone/);
    expect(noPlatform.text).toMatch(/left out; differences.csv has every row/);
  });

  it('keeps the CIs of shares inside the possible range, and of other metrics on the t scale', () => {
    for (const r of noPlatform.comparison.metrics.filter((x) => x.share && x.lo !== undefined)) {
      expect(r.lo!).toBeGreaterThanOrEqual(-1);
      expect(r.hi!).toBeLessThanOrEqual(1);
      expect(r.lo!).toBeLessThanOrEqual(r.diff);
      expect(r.hi!).toBeGreaterThanOrEqual(r.diff);
    }
    expect(row(noPlatform, 'exportValue').share).toBe(false);
  });

  it('states both sides\u2019 fees as charged and the overrides they share', () => {
    expect(noPlatform.text.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^A = baseline: commission 10%, take rate [\d.]+% \(fees \/ GMV, final year\)$/),
      'B = baseline (platform.enabled=false): no platform',
      'Both: burnInTicks=12, ticks=24, firms=300',
    ]);
  });

  it('reports the realised commission under a fee policy, not the base commission', async () => {
    const o = await compareCommand(args('market-power', { seeds: 2, report: true, 'set-a': ['platform.feePolicy.kind=market-power'] }));
    const e = o.comparison.a.effective!;
    expect(e.feePolicy).toBe('market-power');
    expect(e.realisedCommission).toBeGreaterThan(e.commission);
    expect(o.text).toContain(`realised commission ${formatNumber(100 * e.realisedCommission, 3)}%`);
    const html = readFileSync(join(o.outDir, 'compare.html'), 'utf8');
    expect(html).toContain(`market-power fee policy (base commission 10%): realised commission ${formatNumber(100 * e.realisedCommission, 3)}%`);
    expect(html).toContain('By region (B − A)');
    expect(html).toContain('burnInTicks=12, ticks=24, firms=300');
  });
});

describe('boundedMeanCi', () => {
  it('stays inside [0, 1] where the t interval would not, and matches it in the middle', () => {
    const small = [0, 0, 0.02];
    expect(meanCi(small).lo!).toBeLessThan(0);
    const b = boundedMeanCi(small, [0, 1]);
    expect(b.lo!).toBeGreaterThan(0);
    expect(b.hi!).toBeLessThan(1);
    expect(b.mean).toBeCloseTo(0.02 / 3, 12);
    const mid = [0.49, 0.5, 0.51];
    expect(boundedMeanCi(mid, [0, 1]).lo!).toBeCloseTo(meanCi(mid).lo!, 3);
    expect(boundedMeanCi([0, 0, 0], [0, 1])).toMatchObject({ lo: 0, hi: 0 });
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
