import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { analyzeMorrisCommand, analyzeSobolCommand, registerSweepResultsReader } from '../src/cli/analyze-sensitivity.js';
import designCommand from '../src/cli/design.js';
import { UserError } from '../src/errors.js';
import { designToCsv, morrisDesign, parseDesignCsv, parseOutputsCsv, parseParamsYaml, saltelliDesign } from '../src/experiment/designs/index.js';

/** Runs the commands as the CLI would mount them; returns stdout, or throws what the command threw. */
async function cli(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(console, 'log').mockImplementation((s) => void (out += `${s}\n`));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await yargs(args)
    .command(designCommand)
    .command('analyze', 'analyses', (y) => y.command(analyzeSobolCommand).command(analyzeMorrisCommand))
    .strict()
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  return out;
}

/** The UserError a call throws (fails the test if it throws nothing or something else). */
async function userError(p: Promise<unknown> | (() => unknown)): Promise<UserError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

const dir = mkdtempSync(join(tmpdir(), 'gvc-sens-'));
const file = (name: string, text?: string) => {
  const path = join(dir, name);
  if (text !== undefined) writeFileSync(path, text);
  return path;
};
const PARAMS = `params:
  - name: x1
    min: -3.141592653589793
    max: 3.141592653589793
  - name: x2
    min: -3.141592653589793
    max: 3.141592653589793
  - {name: x3, min: -3.141592653589793, max: 3.141592653589793}
`;
const ishigami = (x: number[]) => Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!);

afterEach(() => vi.restoreAllMocks());

describe('parameters YAML', () => {
  it('reads a plain list or a params: list', () => {
    expect(parseParamsYaml('- {name: a, min: 1, max: 100, log: true, integer: true}\n', 'p.yaml')).toEqual([{ name: 'a', min: 1, max: 100, log: true, integer: true }]);
    expect(parseParamsYaml(PARAMS, 'p.yaml').map((p) => p.name)).toEqual(['x1', 'x2', 'x3']);
  });

  it('names file, line, entry and key in errors', async () => {
    const bad = (text: string) => userError(() => parseParamsYaml(text, 'p.yaml'));
    expect((await bad('- name: a\n  min: 0\n  max: 1\n- name: fee\n  min: low\n  max: 1\n')).message).toMatch(/^p\.yaml:5: parameter 2 \("fee"\), key "min": .*number/);
    expect((await bad('- name: a\n  min: 2\n  max: 1\n')).message).toBe('p.yaml:3: parameter 1 ("a"), key "max": max (1) must be greater than min (2)');
    expect((await bad('- name: a\n  min: 0\n  max: 1\n  log: true\n')).message).toMatch(/^p\.yaml:2: .*key "min": log scale needs min > 0/);
    const unknown = await bad('- name: a\n  min: 1\n  max: 2\n  lgo: true\n');
    expect(unknown.message).toBe('p.yaml:4: parameter 1 ("a"): unknown key "lgo"');
    expect(unknown.hint).toBe('did you mean "log"?');
    expect((await bad('- {name: a, min: 0, max: 1}\n- {name: a, min: 0, max: 2}\n')).message).toMatch(/^p\.yaml:2: parameter 2 \("a"\): duplicate name/);
    expect((await bad('- {name: a, min: 0, max: 1}\n- {name: step, min: 0, max: 2}\n')).message).toMatch(/reserved/);
    expect((await bad('- {name: a, min: 0, max: 1.5, integer: true}\n')).message).toMatch(/key "max": integer parameters need integer min and max/);
    expect((await bad('- {name: a, min: 0\n')).message).toMatch(/^p\.yaml:\d+: /);
    expect((await bad('just: text\n')).message).toMatch(/expected a non-empty list/);
  });
});

describe('design and outputs CSV', () => {
  it('round-trips a sobol design and a morris design', () => {
    const params = parseParamsYaml(PARAMS, 'p.yaml');
    const sobol = saltelliDesign(params, { n: 8 });
    expect(parseDesignCsv(designToCsv(sobol), 's.csv', 'sobol')).toEqual(sobol);
    expect(designToCsv(sobol).split('\n')[0]).toBe('design,block,step,x1,x2,x3');
    const morris = morrisDesign(params, { r: 3, seed: 1 });
    const text = designToCsv(morris);
    expect(text.split('\n')[0]).toBe('design,trajectory,step,moved,delta,x1,x2,x3');
    expect(text.split('\n')[1]).toMatch(/^morris,0,0,,0,/);
    expect(parseDesignCsv(text, 'm.csv', 'morris')).toEqual(morris);
  });

  it('reports non-numeric cells by row and column, unknown columns with the nearest name', async () => {
    const e = await userError(() => parseOutputsCsv('y,z\n1,2\n3,oops\n', 'out.csv'));
    expect(e.message).toBe('out.csv: row 2, column "z": "oops" is not a finite number');
    const u = await userError(() => parseOutputsCsv('lockInShare,z\n1,2\n', 'out.csv', { column: 'lockinshare2' }));
    expect(u.message).toBe('out.csv: no column "lockinshare2"');
    expect(u.hint).toBe('did you mean "lockInShare"?');
  });

  it('refuses a design without the bookkeeping columns a method needs', async () => {
    const e = await userError(() => parseDesignCsv('x1,x2\n0,1\n', 'plain.csv', 'morris'));
    expect(e.message).toBe('plain.csv: not a morris design: missing column(s) design, trajectory, step, moved, delta');
  });
});

describe('gvc-sim design / analyze', () => {
  const params = file('params.yaml', PARAMS);
  let sobolCsv: string;

  beforeAll(async () => {
    sobolCsv = file('sobol.csv');
    await cli('design', 'sobol', '--params', params, '--n', '1024', '--out', sobolCsv);
    const design = parseDesignCsv(readFileSync(sobolCsv, 'utf8'), sobolCsv, 'sobol');
    file('out.csv', 'y,double\n' + design.rows.map((x) => `${ishigami(x)},${2 * ishigami(x)}`).join('\n') + '\n');
  });

  it('writes N(D+2) rows to a file and a deterministic lhs to stdout', async () => {
    expect(readFileSync(sobolCsv, 'utf8').trim().split('\n').length).toBe(1 + 1024 * 5);
    const a = await cli('design', 'lhs', '--params', params, '--n', '10', '--seed', '3');
    expect(a.trim().split('\n')).toHaveLength(11);
    expect(await cli('design', 'lhs', '--params', params, '--n', '10', '--seed', '3')).toBe(a);
    expect(await cli('design', 'lhs', '--params', params, '--n', '10', '--seed', '4')).not.toBe(a);
  });

  it('explains bad design options', async () => {
    expect((await userError(cli('design', 'lhs', '--params', params, '--n', '0'))).message).toMatch(/--n must be a positive integer/);
    expect((await userError(cli('design', 'grid', '--params', params, '--n', '3', '--levels', '4'))).message).toMatch(/--levels applies to morris/);
    expect((await userError(cli('design', 'lhs', '--params', join(dir, 'nope.yaml'), '--n', '3'))).message).toMatch(/cannot read parameters file .*nope\.yaml: no such file/);
  });

  it('prints Sobol indices for every output column, or JSON for one', async () => {
    const table = await cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', join(dir, 'out.csv'), '--bootstrap', '100');
    expect(table).toContain('Sobol indices of "y" (N = 1024, D = 3');
    expect(table).toContain('Sobol indices of "double"');
    expect(table).toMatch(/parameter\s+S1\s+S1 low\s+S1 high\s+ST/);
    const json = JSON.parse(await cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', join(dir, 'out.csv'), '--column', 'y', '--format', 'json'));
    expect(json).toHaveLength(1);
    expect(json[0].parameters.map((p: { name: string }) => p.name)).toEqual(['x1', 'x2', 'x3']);
    expect(json[0].parameters[1].S1).toBeCloseTo(0.4424, 1);
    expect(json[0].bootstrap).toBe(1000);
  });

  it('analyses outputs appended to the design CSV itself', async () => {
    const text = readFileSync(sobolCsv, 'utf8').trim().split('\n');
    const both = file('both.csv', [text[0] + ',y', ...text.slice(1).map((l) => `${l},${ishigami(l.split(',').slice(3).map(Number))}`)].join('\n'));
    const json = JSON.parse(await cli('analyze', 'sobol', '--design', both, '--outputs', both, '--format', 'json', '--bootstrap', '0'));
    expect(json.map((r: { output: string }) => r.output)).toEqual(['y']);
    expect(json[0].parameters[0].S1Low).toBeNull();
  });

  it('explains bad analysis inputs', async () => {
    const outputs = join(dir, 'out.csv');
    const short = file('short.csv', 'y\n1\n2\n');
    expect((await userError(cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', short))).message).toMatch(/has 5120 runs but .*short\.csv has 2 rows/);
    const unknown = await userError(cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', outputs, '--column', 'dubble'));
    expect(unknown.hint).toBe('did you mean "double"?');
    expect((await userError(cli('analyze', 'morris', '--design', sobolCsv, '--outputs', outputs))).message).toMatch(/not a morris design: missing column\(s\) trajectory, moved, delta/);
    expect((await userError(cli('analyze', 'sobol', '--design', join(dir, 'none.csv'), '--outputs', outputs))).message).toMatch(/cannot read design file .*none\.csv: no such file/);
    expect((await userError(cli('analyze', 'sobol', '--outputs', outputs))).message).toMatch(/--design FILE\.csv --outputs FILE\.csv/);
    const constant = file('const.csv', 'y\n' + '1\n'.repeat(5120));
    expect((await userError(cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', constant))).message).toMatch(/output "y" is constant/);
  });

  it('runs Morris end to end', async () => {
    const morrisCsv = file('morris.csv');
    await cli('design', 'morris', '--params', params, '--n', '12', '--levels', '4', '--seed', '2', '--out', morrisCsv);
    const design = parseDesignCsv(readFileSync(morrisCsv, 'utf8'), morrisCsv, 'morris');
    const out = file('mout.csv', 'lin\n' + design.rows.map((x) => 2 * x[0]! - x[2]!).join('\n'));
    const json = JSON.parse(await cli('analyze', 'morris', '--design', morrisCsv, '--outputs', out, '--format', 'json'));
    expect(json[0].parameters.map((p: { muStar: number }) => p.muStar)).toEqual([expect.closeTo(4 * Math.PI, 9), 0, expect.closeTo(2 * Math.PI, 9)]);
    expect(await cli('analyze', 'morris', '--design', morrisCsv, '--outputs', out)).toMatch(/parameter\s+mu\s+mu\*\s+mu\* low\s+mu\* high\s+sigma/);
  });

  it('flags Sobol indices that are noise at a small N and says how many samples would narrow them', async () => {
    const smallCsv = file('sobol-small.csv');
    await cli('design', 'sobol', '--params', params, '--n', '16', '--out', smallCsv);
    const design = parseDesignCsv(readFileSync(smallCsv, 'utf8'), smallCsv, 'sobol');
    const out = file('small-out.csv', 'y\n' + design.rows.map(ishigami).join('\n') + '\n');
    const text = await cli('analyze', 'sobol', '--design', smallCsv, '--outputs', out, '--bootstrap', '200');
    expect(text).toMatch(/warning: \d+ of 6 indices are noise at this sample size/);
    const json = JSON.parse(await cli('analyze', 'sobol', '--design', smallCsv, '--outputs', out, '--bootstrap', '200', '--format', 'json'));
    const { noise, parameters } = json[0];
    expect(noise.tolerance).toBe(0.1);
    expect(noise.samples).toBe(16);
    // Every flagged index is wide or outside [0, 1], and every index that is either is flagged.
    const flagged = new Set(noise.noisy.map((x: { parameter: string; index: string }) => `${x.index} ${x.parameter}`));
    for (const p of parameters) {
      for (const k of ['S1', 'ST']) {
        const bad = p[`${k}High`] - p[`${k}Low`] > 0.1 || p[k] < 0 || p[k] > 1;
        expect(flagged.has(`${k} ${p.name}`), `${k} ${p.name}`).toBe(bad);
      }
    }
    const widest = Math.max(...parameters.flatMap((p: Record<string, number>) => [p.S1High! - p.S1Low!, p.STHigh! - p.STLow!]));
    expect(noise.samplesNeeded).toBe(Math.ceil(16 * (widest / 0.1) ** 2));
    expect(text).toContain(`about ${noise.samplesNeeded} base samples N (${noise.samplesNeeded * 5} runs; now 16, 80 runs)`);
    // A loose tolerance flags fewer; N = 1024 on the same function is not noise at 0.1 for the large indices.
    const loose = JSON.parse(await cli('analyze', 'sobol', '--design', smallCsv, '--outputs', out, '--bootstrap', '200', '--format', 'json', '--tolerance', '10'));
    expect(loose[0].noise.noisy.every((x: { wide: boolean }) => !x.wide)).toBe(true);
    const big = await cli('analyze', 'sobol', '--design', sobolCsv, '--outputs', join(dir, 'out.csv'), '--column', 'y', '--bootstrap', '200', '--tolerance', '0.5');
    expect(big).not.toContain('warning');
  });

  it('flags Morris μ* whose interval is wide against the largest μ*', async () => {
    const morrisCsv = file('morris-noise.csv');
    await cli('design', 'morris', '--params', params, '--n', '4', '--levels', '4', '--seed', '2', '--out', morrisCsv);
    const design = parseDesignCsv(readFileSync(morrisCsv, 'utf8'), morrisCsv, 'morris');
    const out = file('mnoise.csv', 'y\n' + design.rows.map(ishigami).join('\n'));
    const json = JSON.parse(await cli('analyze', 'morris', '--design', morrisCsv, '--outputs', out, '--format', 'json', '--bootstrap', '200'));
    const { noise, parameters } = json[0];
    const top = Math.max(...parameters.map((p: { muStar: number }) => p.muStar));
    expect(noise.tolerance).toBeCloseTo(0.1 * top, 12);
    for (const p of parameters) expect(noise.noisy.some((x: { parameter: string }) => x.parameter === p.name)).toBe(p.muStarHigh - p.muStarLow > 0.1 * top);
    expect(noise.noisy.length).toBeGreaterThan(0);
    expect(await cli('analyze', 'morris', '--design', morrisCsv, '--outputs', out, '--bootstrap', '200')).toMatch(/trajectories r \(\d+ runs; now 4, 16 runs\)/);
  });

  it('names the sweep spec route first when the design is of the wrong kind', async () => {
    const e = await userError(cli('analyze', 'morris', '--design', sobolCsv, '--outputs', join(dir, 'out.csv')));
    expect(e.hint).toMatch(/^in the sweep spec, set `design: \{ kind: morris/);
    expect(e.hint).toMatch(/or, without a sweep, write a design CSV with `gvc-sim design morris --params PARAMS.yaml`$/);
  });

  it('reads a sweep directory through the registered reader only', async () => {
    expect((await userError(cli('analyze', 'sobol', 'results/x', '--metric', 'y'))).message).toMatch(/not available yet/);
    const design = parseDesignCsv(readFileSync(sobolCsv, 'utf8'), sobolCsv, 'sobol');
    registerSweepResultsReader({ readDesignAndOutputs: async () => ({ design, outputs: design.rows.map(ishigami) }) });
    expect(await cli('analyze', 'sobol', 'results/x', '--metric', 'lockInShare', '--bootstrap', '50')).toContain('Sobol indices of "lockInShare"');
    expect((await userError(cli('analyze', 'sobol', 'results/x'))).message).toMatch(/--metric/);
  });
});
