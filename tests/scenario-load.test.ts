/**
 * Loading scenarios: `extends` merges files child-over-parent, `--set`
 * overrides read YAML values and expand region wildcards, and a scenario
 * built in code is validated exactly like a file.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../src/model/params.js';
import { presetRegionNames } from '../src/model/regions.js';
import { validateScenarioObject } from '../src/scenario/check.js';
import { loadScenario } from '../src/scenario/load.js';

const GOOD = 'tests/fixtures/scenarios/good';

async function loadMessage(file: string, overrides: string[] = []): Promise<string> {
  return loadScenario(file, { overrides }).then(
    () => 'loaded without error',
    (e: Error) => e.message,
  );
}

async function tempScenario(text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gvc-scenario-')), 'scenario.yaml');
  await writeFile(file, text);
  return file;
}

describe('extends', () => {
  it('lets the child win, merges mappings, replaces lists and appends events after the parent’s', async () => {
    const { scenario: s, files, raw } = await loadScenario(`${GOOD}/what-if.yaml`);
    expect(s.name).toBe('test-what-if');
    expect(s.platform.commission).toBe(0.15); // child value
    expect(s.platform.traffic.rule).toBe('relevance'); // parent value beside a child key in the same mapping
    expect(s.platform.traffic.concentration).toBe(3);
    expect(s.firm.markups).toEqual([0.1, 0.25, 0.5, 0.6]);
    expect(s.events.map((e) => e.at)).toEqual([12, 24, 36]);
    expect(files).toEqual([path.resolve(GOOD, 'what-if.yaml'), path.resolve(GOOD, 'base.yaml')]);
    expect(raw).not.toHaveProperty('extends');
    expect(raw).not.toHaveProperty('seed'); // raw is before defaults
  });

  it('names the file a bad value was written in, not the one that extends it', async () => {
    const file = await tempScenario(`extends: ${path.resolve('tests/fixtures/scenarios/bad/out-of-range.yaml')}\nname: child\n`);
    expect(await loadMessage(file)).toContain('out-of-range.yaml:3:15: platform.commission');
  });
});

describe('--set overrides', () => {
  it('reads values as YAML: numbers, booleans, lists, bare words and mappings', async () => {
    const { scenario: s } = await loadScenario(`${GOOD}/base.yaml`, {
      overrides: ['platform.commission=0.2', 'platform.enabled=false', 'platform.gmvThresholds=[0.1, 0.5]', 'platform.traffic.rule=pay-to-rank', 'platform.feePolicy={kind: market-power, slope: 0.4}'],
    });
    expect(s.platform.commission).toBe(0.2);
    expect(s.platform.enabled).toBe(false);
    expect(s.platform.gmvThresholds).toEqual([0.1, 0.5]);
    expect(s.platform.traffic.rule).toBe('pay-to-rank');
    expect(s.platform.feePolicy).toEqual({ kind: 'market-power', slope: 0.4, max: 0.3 });
  });

  it('expands regions.* to every region of the preset, including one set by an earlier --set', async () => {
    const { scenario: s } = await loadScenario(`${GOOD}/base.yaml`, { overrides: ['regionPreset=provinces-30', 'regions.*.financeDepth=0.25'] });
    const names = presetRegionNames('provinces-30');
    expect(Object.keys(s.regions).sort()).toEqual([...names].sort());
    for (const n of names) expect(s.regions[n]!.financeDepth).toBe(0.25);
  });

  it('sets one item of a fixed-length list, keeping the others', async () => {
    const { scenario: s } = await loadScenario(`${GOOD}/provinces.yaml`, { overrides: ['firm.markups.1=0.3'] });
    const [m0, , m2, m3] = defaultScenario().firm.markups;
    expect(s.firm.markups).toEqual([m0, 0.3, m2, m3]);
  });

  it('wins over the files and applies in order', async () => {
    const { scenario: s } = await loadScenario(`${GOOD}/what-if.yaml`, { overrides: ['platform.commission=0.3', 'platform.commission=0.05'] });
    expect(s.platform.commission).toBe(0.05);
  });

  it('rejects a bad path, naming it, the nearest key and --set', async () => {
    const msg = await loadMessage(`${GOOD}/base.yaml`, ['platfrom.commission=0.2']);
    expect(msg).toContain('--set platfrom.commission=0.2');
    expect(msg).toContain("unknown key 'platfrom'");
    expect(msg).toContain("did you mean 'platform.commission'?");
  });

  it('finds the parameter when its group is left out', async () => {
    expect(await loadMessage(`${GOOD}/base.yaml`, ['concentration=2'])).toContain("did you mean 'platform.traffic.concentration'?");
  });

  it('rejects a region the preset does not have, and an option without =', async () => {
    const msg = await loadMessage(`${GOOD}/base.yaml`, ['regions.centre.wage=2', 'platform.commission']);
    expect(msg).toContain("unknown region 'centre'");
    expect(msg).toContain("did you mean 'central'?");
    expect(msg).toContain('expected path=value');
  });

  it('reports an out-of-range wildcard value once, not once per region', async () => {
    const msg = await loadMessage(`${GOOD}/provinces.yaml`, ['regions.*.wage=50']);
    expect(msg).toBe('--set regions.*.wage=50: expected a number between 0.1 and 10, got 50');
  });
});

describe('files that are not scenarios', () => {
  it('treats an empty file as all defaults', async () => {
    const { scenario } = await loadScenario(await tempScenario('# nothing yet\n'));
    expect(scenario).toEqual(defaultScenario());
  });

  it('rejects a file that is a list', async () => {
    expect(await loadMessage(await tempScenario('- a\n- b\n'))).toMatch(/scenario\.yaml:1:1: expected a mapping, got a list of 2 items/);
  });

  it('names a missing file', async () => {
    expect(await loadMessage('no/such/scenario.yaml')).toBe('scenario file no/such/scenario.yaml not found');
  });
});

describe('validateScenarioObject', () => {
  it('resolves a scenario built in code', () => {
    const s = validateScenarioObject({ name: 'demo', platform: { commission: 0.2 } }, 'web demo');
    expect(s.platform.commission).toBe(0.2);
    expect(s.ticks).toBe(defaultScenario().ticks);
  });

  it('names the source and the path instead of a line', () => {
    expect(() => validateScenarioObject({ platform: { commission: 2 } }, 'web demo')).toThrow(
      'web demo: platform.commission: expected a number between 0 and 0.9, got 2',
    );
  });
});
