/**
 * No "internal error" for a user's or the machine's fault: fee expressions
 * that read properties or give no finite real number are refused before a
 * run (or stop it naming the tick and inputs, exit 2); a full disk names the
 * file and what to do (exit 1, no stack trace); a mistyped option names the
 * nearest one; a number option given text says what was typed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SystemError, UserError } from '../src/errors.js';
import { simulate } from '../src/experiment/simulate.js';
import { checkFeeExpression, compileFeeExpression, FeeExpressionError, feeRanges, loadFeeExpressions } from '../src/model/fee-expression.js';
import { CsvWriter, writeFileAtomic } from '../src/output/atomic.js';
import { loadScenario } from '../src/scenario/load.js';
import { badNumbers, unknownArgumentsError } from '../src/cli/options.js';

const tmp = mkdtempSync(join(tmpdir(), 'gvc-errors-'));
const BASELINE = resolve('scenarios/baseline.yaml');

function gvc(args: string[]) {
  const r = spawnSync(process.execPath, [resolve('bin/gvc-sim'), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A scenario file on top of the baseline with a fee expression (and more YAML lines). */
function feeScenario(name: string, expr: string, more = ''): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nextends: ${BASELINE}\nfirms: 200\nticks: 12\nburnInTicks: 6\nplatform:\n  feePolicy:\n    kind: expression\n    expr: ${JSON.stringify(expr)}\n${more}`);
  return file;
}

beforeAll(() => loadFeeExpressions());

describe('fee expressions are checked before a run', () => {
  const ranges = feeRanges([0.1], 10);

  it('refuses property and element access', () => {
    for (const expr of ['gmvShare.constructor', 'gmvShare["constructor"]', 'base.toString', '[1, 2][1]']) {
      expect(() => checkFeeExpression(expr, ranges), expr).toThrow(/cannot read properties or elements|cannot contain/);
    }
  });

  it('refuses expressions that give Infinity, NaN or a complex number somewhere in their inputs\u2019 ranges, naming the inputs', () => {
    expect(() => checkFeeExpression('1/0', ranges)).toThrow(/gives Infinity.*it has no inputs/);
    expect(() => checkFeeExpression('sqrt(-1)', ranges)).toThrow(/gives the complex number i/);
    expect(() => checkFeeExpression('base / gmvShare', ranges)).toThrow(/gives Infinity at (base = 0\.1, gmvShare = 0|gmvShare = 0, base = 0\.1),/);
    expect(() => checkFeeExpression('sqrt(trust - 0.5)', ranges)).toThrow(/complex number .* at trust = 0\b.*trust 0–1/);
    expect(() => checkFeeExpression('log(year)', ranges)).toThrow(/gives -Infinity at year = 0/);
    expect(() => checkFeeExpression('"abc"', ranges)).toThrow(/numbers only/);
    expect(() => checkFeeExpression('gmvShare(2)', ranges)).toThrow(/not a function/);
  });

  it('accepts expressions that stay finite and real, guarded or not', () => {
    for (const expr of ['base + 0.1 * gmvShare', 'base / max(gmvShare, 0.01)', 'sqrt(max(trust - 0.5, 0))', 'min(0.3, base * (1 + year / 10))', 'stage == 2 ? 0.2 : base']) {
      expect(() => checkFeeExpression(expr, ranges), expr).not.toThrow();
    }
  });

  it('reports a bad expression in a scenario as a UserError naming the file', async () => {
    const err = await loadScenario(feeScenario('bad-fee', 'base / gmvShare')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/bad-fee\.yaml: platform\.feePolicy\.expr: the fee expression 'base \/ gmvShare' gives Infinity/);
  });
});

describe('a fee that stops being a number during a run', () => {
  it('stops with the tick, the expression and its inputs, as a user error', async () => {
    // Finite at every bound and middle of gmvShare, but not at the share the run reaches.
    const { scenario } = await loadScenario(feeScenario('odd-fee', 'base / (gmvShare - 0.123456)'));
    const fn = compileFeeExpression('base / (gmvShare - 0.123456)');
    expect(() => fn({ gmvShare: 0.123456, sellerShare: 0, stage: 1, base: 0.1, trust: 1, fraudShare: 0, year: 1 })).toThrow(FeeExpressionError);
    // A run meets a non-finite value when the expression is built to give one at a reachable state: 0/0 at base 0.
    const zero = { ...scenario, platform: { ...scenario.platform, commission: 0, feePolicy: { kind: 'expression' as const, expr: '0.1 * base / base' } } };
    let err: unknown;
    try {
      for (const _ of simulate(zero, 1)) void _;
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FeeExpressionError);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^the fee expression '0\.1 \* base \/ base' gave NaN, not a finite number, (at tick \d+|during the burn-in \(before tick 0\)) with gmvShare = [\d.e-]+, .*base = 0,/);
  });

  it('exits 2 without a stack trace from the command line', () => {
    const file = feeScenario('nan-fee', '0.1 * base / base');
    const r = gvc(['run', file, '--set', 'platform.commission=0', '--out', join(tmp, 'nan-run'), '--no-report']);
    // Checked at load with base = 0 (the scenario's value): refused before the run.
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: .*nan-fee\.yaml: platform\.feePolicy\.expr: the fee expression '0\.1 \* base \/ base' gives NaN at base = 0/);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('a full disk', () => {
  it('names the file, says what to do, exits 1 without a stack trace, and leaves the run marked unfinished', () => {
    const out = join(tmp, 'full');
    mkdirSync(out);
    symlinkSync('/dev/full', join(out, 'model.csv.partial')); // every write to it fails with ENOSPC
    const r = gvc(['run', 'scenarios/baseline.yaml', '--firms', '200', '--ticks', '12', '--set', 'burnInTicks=6', '--out', out, '--force', '--no-report']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: cannot write ${join(out, 'model.csv.partial')}: no space left on the device (ENOSPC)`);
    expect(r.err).toContain('hint: free some disk space (or write elsewhere with --out)');
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).not.toBe('complete');
  });

  it('is a SystemError from the atomic writers, naming the path', () => {
    const dir = join(tmp, 'full2');
    mkdirSync(dir);
    symlinkSync('/dev/full', join(dir, 'a.json.partial'));
    expect(() => writeFileAtomic(join(dir, 'a.json'), 'x'.repeat(10))).toThrow(SystemError);
    symlinkSync('/dev/full', join(dir, 'b.csv.partial'));
    const w = new CsvWriter(join(dir, 'b.csv'), ['x']);
    w.row([1]);
    expect(() => w.flush()).toThrow(new RegExp(`cannot write ${join(dir, 'b.csv.partial')}: no space left`));
  });
});

describe('options typed wrong', () => {
  it('names the nearest option for a typo, without the whole help', () => {
    const r = gvc(['run', 'scenarios/baseline.yaml', '--sedes', '5']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['error: unknown option --sedes; did you mean --seeds?', 'hint: gvc-sim run --help lists every option']);
    const e = unknownArgumentsError('Unknown arguments: set-c, setC', ['compare', 'a', 'b', '--set-c', 'x=1'], { key: { 'set-a': 1, 'set-b': 1, seeds: 1 } })!;
    expect(e.message).toBe('unknown option --set-c; did you mean --set-a?');
    expect(unknownArgumentsError('Not enough arguments', [], { key: {} })).toBeUndefined();
  });

  it('says what was typed when a number option gets text', () => {
    const r = gvc(['run', 'scenarios/baseline.yaml', '--seeds', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: --seeds takes a number, got 'abc'");
    expect(r.err).not.toContain('NaN');
    expect(badNumbers({ seeds: 3 }, ['--seeds', '3'], { key: {}, number: ['seeds'] })).toBeUndefined();
    expect(badNumbers({ firms: NaN }, ['--firms=lots'], { key: {}, number: ['firms'] })?.message).toBe("--firms takes a number, got 'lots'");
  });
});

describe('a file given where a folder must be', () => {
  it('is a user error naming the path, for a run and for the claims, before any work', () => {
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    for (const args of [['run', 'scenarios/baseline.yaml', '--firms', '50', '--ticks', '2', '--out', file], ['claims', '--only', 'X1', '--seeds', '2', '--scale', '0.01', '--out', join(file, 'sub')]]) {
      const r = gvc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`error: cannot use ${args[args.length - 1]} as a folder: it, or a folder on its way, is a file`);
      expect(r.err).not.toContain('internal error');
    }
  });
});
