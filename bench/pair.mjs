#!/usr/bin/env node
// Two versions of the code timed in the same minutes: `node bench/pair.mjs OTHER [options]`
//
//   OTHER          another checkout of gvc-sim, built (`npm run build` there), e.g. a
//                  `git worktree add ../before <commit>` with node_modules linked
//   --firms N      firms of the baseline scenario (default 100000)
//   --pairs K      how many pairs to run (default 6)
//
// Runs bench/sim-child.mjs in this checkout and in OTHER one after the other,
// K times, swapping which goes first in every pair so that a host growing
// busier or quieter weighs on both alike. Prints each pair's in-process
// times and the ratio this ÷ other, then the mean ratio with its 95 %
// t-interval over the pairs. On a shared host the same code moves by 10–30 %
// from one hour to the next, so figures of two versions are comparable only
// when taken like this; for changes of a few per cent, count instructions
// (bench/instructions.sh) instead.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptOptions } from './options.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const { fail: usageError, help, valueAfter } = scriptOptions('bench/pair', import.meta.url);

function parseArgs(argv) {
  const o = { other: null, firms: 100000, pairs: 6 };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--help' || a === '-h') help();
    else if (a === '--firms') o.firms = Number(valueAfter(argv, k++));
    else if (a === '--pairs') o.pairs = Number(valueAfter(argv, k++));
    else if (a.startsWith('--')) usageError(`unknown option ${a}`);
    else if (o.other === null) o.other = resolve(a);
    else usageError(`one other checkout only, got a second: ${a}`);
  }
  if (o.other === null) usageError('name the other checkout, e.g. node bench/pair.mjs ../before');
  if (!Number.isInteger(o.firms) || o.firms < 1) usageError('--firms expects a whole number ≥ 1, e.g. --firms 50000');
  if (!Number.isInteger(o.pairs) || o.pairs < 2) usageError('--pairs expects a whole number ≥ 2 (an interval needs two), e.g. --pairs 6');
  for (const dir of [o.other, root]) {
    for (const file of ['bench/sim-child.mjs', 'dist/model/simulation.js']) {
      if (!existsSync(join(dir, file))) usageError(`${dir} has no ${file}: is it a gvc-sim checkout, built with npm run build?`);
    }
  }
  return o;
}

/** One in-process run in checkout `dir`: its wall milliseconds (population, burn-in and recorded ticks). */
function simulate(dir, firms) {
  let out;
  try {
    out = execFileSync(process.execPath, [join(dir, 'bench', 'sim-child.mjs'), String(firms)], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    console.error(`bench/pair: the run in ${dir} failed:\n${String(err.stderr ?? err.message).trim()}`);
    process.exit(2);
  }
  return JSON.parse(out.trim().split('\n').pop()).totalMs;
}

const o = parseArgs(process.argv.slice(2));
const { meanCi } = await import(pathToFileURL(join(root, 'dist', 'analysis', 'replications.js')).href);
console.log(`this: ${root}\nother: ${o.other}\n${o.firms} firms, ${o.pairs} pairs, in-process seconds (population, burn-in and recorded ticks)\n`);
console.log('pair  first  this s  other s  this ÷ other');
const ratios = [];
for (let p = 0; p < o.pairs; p++) {
  const thisFirst = p % 2 === 0;
  const first = simulate(thisFirst ? root : o.other, o.firms);
  const second = simulate(thisFirst ? o.other : root, o.firms);
  const [mine, theirs] = thisFirst ? [first, second] : [second, first];
  ratios.push(mine / theirs);
  console.log(
    `${String(p + 1).padStart(4)}  ${(thisFirst ? 'this' : 'other').padEnd(5)}  ${(mine / 1000).toFixed(2).padStart(6)}  ${(theirs / 1000).toFixed(2).padStart(7)}  ${ratios[p].toFixed(3).padStart(12)}`,
  );
}
const ci = meanCi(ratios);
console.log(`\nthis ÷ other, mean of ${ratios.length} pairs: ${ci.mean.toFixed(3)} (95 % CI ${ci.lo.toFixed(3)}–${ci.hi.toFixed(3)}; range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
