import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { panelFromTable, parseCsvTable } from '../src/analysis/panel/csv.js';
import { fitPanel } from '../src/analysis/panel/ols.js';
import { runPanelStudy, type PanelStudy } from '../src/analysis/panel/study.js';
import { formatStudy, PANEL_CSV_COLUMNS, panelCsv } from '../src/analysis/panel/study-format.js';
import { panelStudyCommand, type PanelStudyArgs } from '../src/cli/panel.js';
import { UserError } from '../src/errors.js';
import { presetRegionNames } from '../src/model/regions.js';
import { loadScenario } from '../src/scenario/index.js';

const SCENARIO = 'scenarios/provinces-30.yaml';
const REDUCED = ['firms=3000', 'ticks=48'];
const dir = mkdtempSync(join(tmpdir(), 'gvc-panel-study-'));

async function userError(run: () => Promise<unknown>): Promise<UserError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('panel study on a reduced provinces-30 scenario (3000 firms, 4 years, 2 seeds)', () => {
  let study: PanelStudy;
  beforeAll(async () => {
    const { scenario } = await loadScenario(SCENARIO, { overrides: REDUCED });
    study = runPanelStudy(scenario, { seeds: 2, seedBase: 7 });
  });

  it('builds a panel of 30 provinces × 4 years for each seed', () => {
    expect(study).toMatchObject({ seeds: [7, 8], provinces: 30, years: 4 });
    for (const p of study.panels) {
      expect(p.rows).toHaveLength(120);
      expect(new Set(p.panel.entity).size).toBe(30);
      expect([...new Set(p.panel.time)]).toEqual(['1', '2', '3', '4']);
      expect(p.eci.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(p.financeGroup.filter((g) => g === 'high').length).toBeGreaterThanOrEqual(60);
    }
  });

  it('returns finite pooled estimates in every table', () => {
    expect(study.tables.map((t) => t.id)).toEqual(['table1', 'table4', 'table6', 'table7', 'table8']);
    for (const row of study.tables.flatMap((t) => t.rows)) {
      expect(row.sim.perSeed).toHaveLength(2);
      for (const v of [...row.sim.perSeed, row.sim.mean, row.sim.min, row.sim.max]) expect(Number.isFinite(v), `${row.model} ${row.term}`).toBe(true);
    }
  });

  it('summarises each claim per seed', () => {
    const { c1, c2, c3, c4 } = study.claims;
    expect(c1.eciTwoWays).toHaveLength(2);
    expect(c1.eciTwoWays[0]!.estimate).toBe(study.estimates[0]!.benchmark.twoWays.coefficients[0]!.estimate);
    // The total effect in the mediation is the benchmark two-way FE model.
    expect(c2.inus.withoutMediator.map((e) => e.estimate)).toEqual(c1.eciTwoWays.map((e) => e.estimate));
    expect(c2.rdIntensity.verdicts).toHaveLength(2);
    expect(Object.keys(c3.eciByGroup)).toEqual(['east', 'central', 'west']);
    expect(c3.meanExportsByGroup.east.every((v) => v > 0)).toBe(true);
    expect(Object.keys(c4)).toEqual(['high', 'low']);
  });

  it('writes a CSV that re-estimates to the same two-way FE coefficient', () => {
    const lines = panelCsv(study).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 * 30 * 4);
    expect(lines[0]!.split(',')).toEqual(PANEL_CSV_COLUMNS);
    const seed7 = parseCsvTable([lines[0], ...lines.filter((l) => l.startsWith('7,'))].join('\n'), 'panel.csv');
    const x = ['eci', 'lnProductivity'];
    const { panel, cluster } = panelFromTable(seed7, { y: 'lnExports', x, entity: 'province', time: 'year', cluster: 'province' });
    const fit = fitPanel(panel, { y: 'lnExports', x, effects: 'twoways', cluster });
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(study.claims.c1.eciTwoWays[0]!.estimate, 12);
    expect(fit.coefficients[0]!.stdError).toBeCloseTo(study.claims.c1.eciTwoWays[0]!.stdError, 12);
  });

  it('renders markdown with the paper beside the simulation, and valid JSON', () => {
    const md = formatStudy(study, 'md');
    expect(md).toContain('### Table 4 analogue');
    expect(md).toContain('| (3) two-way FE + controls | eci | 1.093** (2.12) |');
    const json = JSON.parse(formatStudy(study, 'json'));
    expect(json.claims.c4.high).toHaveLength(2);
    expect(json.tables[1].rows[0].paper).toMatchObject({ estimate: 8.757, t: 14.99 });
  });
});

describe('gvc-sim panel: files and bad input', () => {
  // 6000 firms: at 4000 (about 130 per province, a fifth of them exporting) seed 1 leaves one western province without exports in one year.
  const args = (over: Partial<PanelStudyArgs>): PanelStudyArgs => ({ scenario: SCENARIO, seeds: 1, firms: 6000, format: 'table', force: false, ...over });

  it('rejects an unknown scenario file, zero seeds and a bad seed base', async () => {
    expect((await userError(() => panelStudyCommand(args({ scenario: join(dir, 'nope.yaml') })))).message).toMatch(/nope\.yaml/);
    expect((await userError(() => panelStudyCommand(args({ seeds: 0 })))).message).toMatch(/--seeds/);
    expect((await userError(() => panelStudyCommand(args({ 'seed-base': -1 })))).message).toMatch(/--seed-base/);
    expect((await userError(() => panelStudyCommand(args({ firms: 2.5 })))).message).toMatch(/--firms/);
  });

  it('rejects a scenario without provinces in each region group', async () => {
    expect((await userError(() => panelStudyCommand(args({ scenario: 'scenarios/baseline.yaml' })))).hint).toMatch(/provinces-30/);
  });

  it('rejects provinces that cannot be split by finance depth', async () => {
    const { scenario } = await loadScenario(SCENARIO, { overrides: REDUCED });
    const flat = { ...scenario, regions: Object.fromEntries(presetRegionNames('provinces-30').map((r) => [r, { financeDepth: 0.5 }])) };
    expect(() => runPanelStudy(flat, { seeds: 1 })).toThrow(/finance-depth half/);
  });

  it('writes the panel and tables, then refuses that non-empty --out without --force', async () => {
    const out = join(dir, 'study');
    const { outDir } = await panelStudyCommand(args({ out }));
    expect(outDir).toBe(out);
    expect(readdirSync(out).sort()).toEqual(['panel.csv', 'tables.json', 'tables.md']);
    expect(readFileSync(join(out, 'panel.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + 30 * 10);
    const before = readFileSync(join(out, 'tables.md'), 'utf8');
    expect(before).toContain('## Panel study: provinces-30');
    expect((await userError(() => panelStudyCommand(args({ out })))).hint).toMatch(/--force/);
    expect(readFileSync(join(out, 'tables.md'), 'utf8')).toBe(before);
  });
});
