#!/usr/bin/env node
// Fingerprints of what a fixed set of runs writes: `node bench/digest.mjs [options]`
//
//   --out FILE       write the fingerprints to FILE (default: print them)
//   --against FILE   compare with fingerprints written before; exit 1 on any difference
//
// For a change meant to make the code faster without changing a number: take
// the fingerprints before (`--out before.txt`), make the change, rebuild, and
// run with `--against before.txt`. Runs `gvc-sim run` on the baseline (with
// agent snapshots, two further seeds, a higher commission, strict oversight),
// the scenarios lock-in, escape, no-platform and provinces-30, and every claim
// scenario under scenarios/claims at a small scale (≈ 30–60 s in all), and
// hashes (SHA-256) every CSV and summary.json they write. The manifest is left
// out: it records times and the commit.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from './options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const { fail: usageError, help, valueAfter } = scriptOptions('bench/digest', import.meta.url);

function parseArgs(argv) {
  const o = { out: null, against: null };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--help' || a === '-h') help();
    else if (a === '--out') o.out = resolve(valueAfter(argv, k++));
    else if (a === '--against') o.against = resolve(valueAfter(argv, k++));
    else usageError(`unknown option ${a}`);
  }
  if (o.against && !existsSync(o.against)) usageError(`${o.against} does not exist: write it first with --out`);
  return o;
}

/** The runs, by name: scenario file and options (every run writes agent snapshots every 30 ticks). */
function runs() {
  const small = ['--firms', '2000'];
  const list = [
    ['baseline', 'scenarios/baseline.yaml', ['--firms', '3000']],
    ['baseline-seeds-7-8', 'scenarios/baseline.yaml', [...small, '--seed', '7', '--seeds', '2']],
    ['baseline-commission-0.2', 'scenarios/baseline.yaml', [...small, '--set', 'platform.commission=0.2']],
    ['baseline-oversight-0.9', 'scenarios/baseline.yaml', [...small, '--set', 'platform.governance.oversight=0.9']],
    ...['lock-in', 'escape', 'no-platform'].map((name) => [name, `scenarios/${name}.yaml`, ['--firms', '3000']]),
    ['provinces-30', 'scenarios/provinces-30.yaml', ['--firms', '6000']],
  ];
  for (const file of readdirSync(join(root, 'scenarios', 'claims')).filter((f) => f.endsWith('.yaml')).sort()) {
    list.push([`claims/${file.replace(/\.yaml$/, '')}`, `scenarios/claims/${file}`, ['--firms', '1500', '--ticks', '60']]);
  }
  return list;
}

/** SHA-256 of every CSV and summary.json in `dir`, as `hash  label/file` lines. */
function fingerprints(dir, label) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv') || f === 'summary.json')
    .sort()
    .map((f) => `${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}  ${label}/${f}`);
}

function compare(lines, file) {
  const before = new Map(readFileSync(file, 'utf8').trim().split('\n').map((l) => [l.slice(66), l.slice(0, 64)]));
  const now = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
  const differ = [...new Set([...before.keys(), ...now.keys()])].filter((k) => before.get(k) !== now.get(k));
  for (const k of differ) console.log(`${!before.has(k) ? 'new' : !now.has(k) ? 'missing' : 'differs'}: ${k}`);
  console.log(differ.length ? `${differ.length} of ${now.size} files differ from ${file}` : `all ${now.size} files identical to ${file}`);
  return differ.length === 0;
}

const o = parseArgs(process.argv.slice(2));
const bin = join(root, 'bin', 'gvc-sim');
const tmp = mkdtempSync(join(os.tmpdir(), 'gvc-digest-'));
const lines = [];
const list = runs();
try {
  list.forEach(([label, scenario, options], k) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${k + 1}/${list.length} ${label}`.padEnd(48));
    const out = join(tmp, String(k));
    try {
      execFileSync(process.execPath, [bin, 'run', join(root, scenario), ...options, '--agents-every', '30', '--out', out, '--force', '--no-report'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      console.error(`\nbench/digest: the run ${label} failed:\n${String(err.stderr ?? err.message).trim()}`);
      process.exit(2);
    }
    lines.push(...fingerprints(out, label));
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (o.out) writeFileSync(o.out, `${lines.join('\n')}\n`);
if (o.against) process.exit(compare(lines, o.against) ? 0 : 1);
if (!o.out) console.log(lines.join('\n'));
