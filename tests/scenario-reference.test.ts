/**
 * The parameter reference is generated from the schema: it lists every
 * parameter with its default, range and unit, and docs/parameters.md is
 * exactly what `gvc-sim params --format md` prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterReference, parameterRows } from '../src/scenario/reference.js';

describe('parameter reference', () => {
  it('docs/parameters.md is up to date', () => {
    const doc = readFileSync('docs/parameters.md', 'utf8');
    expect(doc === parameterReference('md'), 'docs/parameters.md differs from the schema: run `npm run docs`').toBe(true);
  });

  it('documents region keys once, with the preset as their default', () => {
    const rows = parameterRows('regions.');
    expect(rows.map((r) => r.path)).toContain('regions.<name>.financeDepth');
    expect(rows.every((r) => r.fromPreset && r.path.startsWith('regions.<name>.'))).toBe(true);
  });

  it('lists each fee-policy variant’s keys with the variant they need', () => {
    const rows = parameterRows('platform.feePolicy');
    expect(rows.find((r) => r.path === 'platform.feePolicy.kind')?.values).toEqual(['fixed', 'market-power', 'expression']);
    expect(rows.find((r) => r.path === 'platform.feePolicy.slope')?.variant).toBe('kind: market-power');
    expect(rows.find((r) => r.path === 'platform.feePolicy.expr')?.variant).toBe('kind: expression');
  });

  it('gives range, default and unit for numbers', () => {
    const [commission] = parameterRows('platform.commission');
    expect(commission).toMatchObject({ default: 0.1, minimum: 0, maximum: 0.9, range: '0 – 0.9', unit: 'share of GMV' });
    expect(parameterRows('ticks')[0]).toMatchObject({ integer: true, range: '1 – 2400, integer' });
  });

  it('has a table per group in Markdown and a flat list in JSON', () => {
    const md = parameterReference('md', 'platform.traffic');
    expect(md).toMatch(/^## platform\n\n\| path \| default \| range \| unit \| description \|/);
    expect(md).not.toContain('# Scenario parameters'); // a filtered reference is just the tables
    const json = JSON.parse(parameterReference('json', 'platform.traffic')) as { parameters: Array<{ path: string }> };
    expect(json.parameters.every((p) => p.path.startsWith('platform.traffic'))).toBe(true);
  });

  it('suggests a group when the filter matches nothing', () => {
    expect(() => parameterRows('plaform')).toThrow("did you mean 'platform'?");
  });
});
