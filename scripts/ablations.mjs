#!/usr/bin/env node
// The ablation table of docs/claims.md: `npm run ablations [-- options]`
//
//   --seeds N      seeds per variant (default 20)
//   --seed-base N  first seed (default 1)
//   --scale X      multiply every variant's firm population (default 1: 10,000 firms)
//
// Runs `gvc-sim claims --ablate` (every claim with an ablation, without it and
// with it, on the same seeds), writes results/ablations/, and puts the table it
// prints between the `<!-- ablations:start -->` and `<!-- ablations:end -->`
// markers of docs/claims.md. Needs a build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from '../bench/options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { fail, help, valueAfter } = scriptOptions('scripts/ablations', import.meta.url);

const o = { seeds: '20', 'seed-base': '1', scale: '1' };
const argv = process.argv.slice(2);
for (let k = 0; k < argv.length; k++) {
  const a = argv[k];
  if (a === '--help' || a === '-h') help();
  else if (['--seeds', '--seed-base', '--scale'].includes(a)) o[a.slice(2)] = valueAfter(argv, k++);
  else fail(`unknown option ${a}`);
}

const out = join(root, 'results/ablations');
const args = ['claims', '--ablate', '--format', 'md', '--out', out, ...Object.entries(o).flatMap(([k, v]) => [`--${k}`, v])];
let table;
try {
  table = execFileSync(process.execPath, [join(root, 'bin/gvc-sim'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (e) {
  fail(`gvc-sim ${args.join(' ')} did not finish (${e.signal ?? `exit code ${e.status}`}); docs/claims.md is unchanged`);
}

const doc = join(root, 'docs/claims.md');
const text = readFileSync(doc, 'utf8');
const [start, end] = ['<!-- ablations:start -->', '<!-- ablations:end -->'];
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) fail(`docs/claims.md has no ${start} … ${end} section`);
writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table.trim()}\n${text.slice(b)}`);
console.error(`wrote the ablation table to docs/claims.md (gvc-sim ${args.join(' ')})`);
