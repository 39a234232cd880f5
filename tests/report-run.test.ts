/**
 * The run report and single figures, from a tiny run with an event:
 * `gvc-sim report DIR` rebuilds every chart, caption and the summary;
 * `gvc-sim figure` writes valid SVG and PNG; bad input is a UserError.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { figureCommand } from '../src/cli/figure.js';
import { reportCommand } from '../src/cli/report.js';
import { UserError } from '../src/errors.js';
import { runScenario } from '../src/experiment/run.js';
import { summarize } from '../src/experiment/summary.js';
import { MODEL_METRICS } from '../src/model/reporters.js';
import { RUN_CHARTS } from '../src/report/run-charts.js';
import { formatNumber } from '../src/report/table.js';
import { loadScenario } from '../src/scenario/index.js';

const root = mkdtempSync(join(tmpdir(), 'gvc-report-'));
const dir = join(root, 'run');
let finalYear: Float64Array[];
/** The rebuilt report.html (built once: rendering dominates the test time). */
let html: string;

beforeAll(async () => {
  const file = join(root, 'events.yaml');
  writeFileSync(file, `name: tiny-events\nextends: ${resolve('scenarios/baseline.yaml')}\nevents:\n  - at: 12\n    set:\n      platform.commission: 0.2\n`);
  const { scenario, files } = await loadScenario(file, { overrides: ['firms=300', 'ticks=24', 'burnInTicks=12'] });
  mkdirSync(dir);
  finalYear = (await runScenario({ scenario, seeds: [1, 2, 3], outDir: dir, scenarioFiles: files })).finalYear;
  const report = await reportCommand({ dir });
  expect(report).toBe(join(dir, 'report.html'));
  html = readFileSync(report, 'utf8');
});

/** The UserError a promise rejects with. */
async function userError(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('gvc-sim report', () => {
  it('rebuilds report.html with every chart, its caption, the event and the summary', () => {
    for (const def of RUN_CHARTS) {
      expect(html).toContain(`>${def.title}</text>`);
      expect(html).toContain(`<figcaption>${def.read.replace(/&/g, '&amp;')}</figcaption>`);
    }
    expect(html).toContain('>Exports by region</text>');
    expect(html).toContain('>E1</text>'); // the event's rule, on every time chart
    expect(html.split('>E1</text>').length - 1).toBe(RUN_CHARTS.length + 1);
    expect(html).toContain('E1 at tick 12 (year 2): platform.commission = 0.2');
    expect(html).toContain('<td>firms</td><td>300</td><td>10000</td>'); // a parameter away from its default
    expect(html).toContain('1–3 (3 seeds)');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows the same final-year means and CIs as the run summary', () => {
    const summary = summarize(finalYear);
    for (const metric of ['lockInShare', 'platformGmvShare', 'smeValueShare']) {
      const row = summary[MODEL_METRICS.indexOf(metric as (typeof MODEL_METRICS)[number])]!;
      const cells = [row.mean, row.lo!, row.hi!].map((x) => `<td class="num">${formatNumber(x)}</td>`).join('');
      expect(html).toContain(`<td>${metric}</td>${cells}`);
    }
  });

  it('refuses a missing folder, a folder without a run and an unfinished run', async () => {
    expect((await userError(reportCommand({ dir: join(root, 'nope') }))).message).toContain('no folder');
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect((await userError(reportCommand({ dir: empty }))).message).toContain('no manifest.json');
    const unfinished = join(root, 'unfinished');
    mkdirSync(unfinished);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(unfinished, 'manifest.json'), JSON.stringify({ ...manifest, status: 'interrupted' }));
    expect((await userError(reportCommand({ dir: unfinished }))).message).toContain('did not finish');
  });
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('gvc-sim figure', () => {
  it('writes an SVG of one metric with its band and the event rule', async () => {
    const file = await figureCommand({ dir, metric: ['lockInShare'] });
    expect(file).toBe(join(dir, 'figure-lockInShare.svg'));
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>tiny-events: exporters locked in at assembly</text>');
    expect(svg.split('aria-roledescription="line mark"').length - 1).toBe(1);
    expect(svg.split('aria-roledescription="area mark"').length - 1).toBe(1);
    expect(svg).toContain('>E1</text>');
  });

  it('draws several metrics in one chart, one line each', async () => {
    const svg = readFileSync(await figureCommand({ dir, metric: ['smeValueShare,platformValueShare', 'takeRate'], out: join(root, 'value.svg') }), 'utf8');
    expect(svg.split('aria-roledescription="line mark"').length - 1).toBe(3);
    expect(svg).toContain('>value captured by SMEs</text>');
  });

  it('draws a region metric as one line per region', async () => {
    const svg = readFileSync(await figureCommand({ dir, metric: ['regions.exports'] }), 'utf8');
    for (const region of ['east', 'central', 'west']) expect(svg).toContain(`>${region}</text>`);
  });

  it('writes a PNG at twice the SVG size, the format taken from --out', async () => {
    const svgWidth = Number(readFileSync(await figureCommand({ dir, metric: ['takeRate'] }), 'utf8').match(/width="(\d+)"/)![1]);
    const png = readFileSync(await figureCommand({ dir, metric: ['takeRate'], out: join(root, 'take.png') }));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.readUInt32BE(16)).toBe(2 * svgWidth);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('names the nearest metric for a typo, and rejects a clashing format or a missing folder', async () => {
    const typo = await userError(figureCommand({ dir, metric: ['lockinshare'] }));
    expect(typo.message).toBe("unknown metric 'lockinshare'; did you mean 'lockInShare'?");
    expect((await userError(figureCommand({ dir, metric: ['regions.export'] }))).message).toContain("did you mean 'regions.exports'?");
    expect((await userError(figureCommand({ dir, metric: ['takeRate'], format: 'svg', out: join(root, 'x.png') }))).message).toContain('does not match');
    expect((await userError(figureCommand({ dir: join(root, 'nope'), metric: ['takeRate'] }))).message).toContain('no folder');
    expect((await userError(figureCommand({ dir, metric: ['takeRate'], out: join(root, 'no', 'such', 'f.svg') }))).message).toContain('no folder');
  });
});
