/**
 * The manifest: everything needed to trace a result back to its inputs —
 * the fully resolved scenario, seeds, tool version, git commit, wall time and
 * a hash of the parameters.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../model/params.js';

export interface Manifest {
  tool: { name: 'gvc-sim'; version: string; node: string };
  gitCommit: string | null;
  command: string;
  scenarioFiles: string[];
  overrides: string[];
  seeds: number[];
  parameterHash: string;
  startedAt: string;
  wallSeconds: number | null;
  status: 'running' | 'complete' | 'interrupted';
  files: string[];
  scenario: Scenario;
}

export function toolVersion(): string {
  const pkg = fileURLToPath(new URL('../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The commit of the checkout the tool runs from, or null outside git. */
export function gitCommit(): string | null {
  try {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/** JSON with sorted keys, so equal parameter sets hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical parameters, without name, description or seed (which do not change the model). */
export function parameterHash(s: Scenario): string {
  const { name: _n, description: _d, seed: _s, ...params } = s;
  return createHash('sha256').update(canonicalJson(params)).digest('hex');
}
