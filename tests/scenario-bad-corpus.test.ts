/**
 * Every kind of mistake a user can make in a scenario file gets a message that
 * names the file, the line and column, the parameter, what was expected and
 * the nearest valid name — from the loader and from the built CLI, which exits
 * with code 2 and never shows a stack trace.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { loadScenario } from '../src/scenario/load.js';

const BAD = 'tests/fixtures/scenarios/bad';

/** file → fragments its error message must contain. */
const CASES: Array<[string, string[]]> = [
  ['misspelt-key.yaml', ['misspelt-key.yaml:4:5', 'platform.traffic.concentraton', 'unknown key', "did you mean 'concentration'?"]],
  ['wrong-type.yaml', ['wrong-type.yaml:2:8', 'ticks', 'expected an integer between 1 and 2400', "got 'ten'"]],
  ['out-of-range.yaml', ['out-of-range.yaml:3:15', 'platform.commission', 'expected a number between 0 and 0.9', 'got 1.5']],
  ['malformed.yaml', ['malformed.yaml:3:15', 'malformed YAML', 'next line indented too far']],
  ['missing-extends.yaml', ['missing-extends.yaml:2:10', 'extends', 'no-such-base.yaml not found']],
  ['cycle-a.yaml', ['cycle-b.yaml:2:10', 'cycle', 'cycle-a.yaml → ', 'cycle-b.yaml → ', 'cycle-a.yaml']],
  ['event-past-end.yaml', ['event-past-end.yaml:7:9', 'event at tick 30', 'after the last tick, 23']],
  ['event-unknown-path.yaml', ['event-unknown-path.yaml:5:7', 'platform.comission', "unknown key 'comission' in platform", "did you mean 'platform.commission'?"]],
  ['event-bad-value.yaml', ['event-bad-value.yaml:5:31', 'regions.*.financeDepth', 'expected a number between 0 and 1', 'got 1.4']],
  ['unknown-region.yaml', ['unknown-region.yaml:3:3', 'regions.centrl', "unknown region 'centrl'", "did you mean 'central'?"]],
  ['policy-unknown-market.yaml', ['policy-unknown-market.yaml:4:15', 'policy.tariffs[0].market', "unknown market 'M25'", 'markets are M1 … M20']],
  ['policy-negative-rate.yaml', ['policy-negative-rate.yaml:5:13', 'policy.tariffs[0].rate', 'expected a number between 0 and 3', 'got -0.1']],
  ['bad-enum.yaml', ['bad-enum.yaml:4:11', 'platform.traffic.rule', 'expected one of relevance, pay-to-rank', "got 'pay2rank'", "did you mean 'pay-to-rank'?"]],
];

/** Runs the built CLI (npm test builds dist/ first). */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gvc-sim', ...args]);
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function loadError(file: string): Promise<UserError> {
  const err = await loadScenario(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `${file} should not load`).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('the bad-scenario corpus', () => {
  it.each(CASES)('%s: the loader names file, line, path, expectation and suggestion', async (name, fragments) => {
    const err = await loadError(path.join(BAD, name));
    for (const f of fragments) expect(err.message).toContain(f);
  });

  it.concurrent.each(CASES)('%s: the CLI exits 2 with the message and no stack trace', async (name, fragments) => {
    const run = await cli('validate', path.join(BAD, name));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: /);
    for (const f of fragments) expect(run.stderr).toContain(f);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it('reports every problem of a file at once, in line order', async () => {
    const err = await loadError('tests/fixtures/scenarios/bad/many-problems.yaml');
    const lines = err.message.split('\n').slice(1).map((l) => Number(/:(\d+):\d+:/.exec(l)?.[1]));
    expect(err.message).toMatch(/^4 problems in /);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines).toHaveLength(4);
  });

  it('checks several files and says ok for the good ones', async () => {
    const good = 'tests/fixtures/scenarios/good/base.yaml';
    const run = await cli('validate', good, path.join(BAD, 'bad-enum.yaml'));
    expect(run.stdout).toContain(`ok: ${good} (test-base, 48 ticks, 200 firms)`);
    expect(run.stderr).toContain('bad-enum.yaml:4:11');
    expect(run.status).toBe(2);
  });
});
