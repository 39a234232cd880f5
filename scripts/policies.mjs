#!/usr/bin/env node
// The policy what-ifs of scenarios/policies/ against their references: `npm run policies [-- options]`
//
//   --firms N     firms per run (default 3000; the scenarios say 10000, which takes about 3× as long)
//   --seeds N     seeds per comparison, the same for both sides (default 20)
//   --only NAME   run only this what-if (repeatable); the others keep their last results
//   --reuse       run nothing: rebuild docs/policies.md from the results already in results/policies/
//
// For each scenario in scenarios/policies/ it runs `gvc-sim compare` of the
// reference its header names ("# Compared with: FILE") against it on the same
// seeds, writes one chart (`gvc-sim figure`, both sides over time) to
// docs/img/policies/, and for levers that act on some markets or regions the
// final-year paired difference of their sales there. docs/policies.md collects
// the header, the table and the chart of each. Needs a build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from '../bench/options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { fail, help, valueAfter } = scriptOptions('scripts/policies', import.meta.url);

function parseArgs(argv) {
  const o = { firms: 3000, seeds: 20, only: [], reuse: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--help' || a === '-h') help();
    else if (a === '--firms') o.firms = positive(a, valueAfter(argv, k++));
    else if (a === '--seeds') o.seeds = positive(a, valueAfter(argv, k++));
    else if (a === '--only') o.only.push(valueAfter(argv, k++));
    else if (a === '--reuse') o.reuse = true;
    else fail(`unknown option ${a}`);
  }
  return o;
}

function positive(option, v) {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fail(`${option} needs a positive integer, got ${v}`);
}

/**
 * What each what-if is charted by, and where its lever acts: `extra` sums a
 * column of markets.csv or regions.csv over the named markets or regions.
 */
const VIEWS = {
  'tariff-shock-largest-market': { chart: 'exportValue', extra: [{ file: 'markets.csv', key: 'market', names: ['M1'], columns: ['platformSales', 'traditionalSales'], label: 'buyers’ spending in M1 (duty included)' }] },
  'tariffs-with-de-minimis': { chart: 'platformGmvShare' },
  'de-minimis-end': { chart: 'platformGmvShare', extra: [{ file: 'markets.csv', key: 'market', names: 'all', columns: ['platformSales'], label: 'platform sales, all markets' }, { file: 'markets.csv', key: 'market', names: 'all', columns: ['directSales'], label: 'direct offline sales, all markets' }] },
  'export-rebate': { chart: 'exporterShare' },
  'export-rebate-cut': { chart: 'exporterShare' },
  'fee-cap': { chart: 'takeRate' },
  'pay-to-rank': { chart: 'takeRate' },
  'pay-to-rank-ban': { chart: 'takeRate' },
  'volatile-rules': { chart: 'platformSellerShare' },
  'transparency-mandate': { chart: 'platformExitRate' },
  'inland-logistics-subsidy': { chart: 'exporterShare', extra: [{ file: 'regions.csv', key: 'region', names: ['central', 'west'], columns: ['exports'], label: 'exports of central + west' }] },
  'overseas-warehouse': { chart: 'platformGmvShare', extra: [{ file: 'markets.csv', key: 'market', names: ['M1', 'M14'], columns: ['platformSales'], label: 'platform sales in M1 + M14' }] },
  'pilot-zones-in-waves': { chart: 'platformSellerShare', extra: [{ file: 'regions.csv', key: 'region', names: ['central', 'west'], columns: ['exports'], label: 'exports of central + west' }] },
  'finance-deepening': { chart: 'exporterShare', extra: [{ file: 'regions.csv', key: 'region', names: ['central', 'west'], columns: ['exports'], label: 'exports of central + west' }] },
  'platform-stage-2-rollout': { chart: 'stageShare2plus' },
};

/** The leading comment of a scenario file (its question), and the reference it names. */
function header(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const comment = lines.slice(0, lines.findIndex((l) => !l.startsWith('#'))).map((l) => l.replace(/^# ?/, ''));
  const ref = comment.find((l) => l.startsWith('Compared with:'));
  if (!ref) fail(`${file} has no "# Compared with: FILE" line`);
  return { text: comment.filter((l) => l !== ref).join('\n'), reference: resolve(join(file, '..'), ref.replace('Compared with:', '').trim()) };
}

function gvc(args) {
  return execFileSync(process.execPath, [join(root, 'bin/gvc-sim'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Final-year mean per seed of Σ `columns` over the rows whose `key` is in `names` (or every row). */
function finalYearBySeed(csv, key, names, columns, fromTick) {
  const [head, ...rows] = readFileSync(csv, 'utf8').trim().split('\n').map((l) => l.split(','));
  const at = (c) => head.indexOf(c);
  const sums = new Map();
  const ticks = new Map();
  for (const r of rows) {
    const tick = Number(r[at('tick')]);
    if (tick < fromTick || (names !== 'all' && !names.includes(r[at(key)]))) continue;
    const seed = r[at('seed')];
    sums.set(seed, (sums.get(seed) ?? 0) + columns.reduce((s, c) => s + Number(r[at(c)]), 0));
    ticks.set(seed, (ticks.get(seed) ?? new Set()).add(tick));
  }
  return new Map([...sums].map(([seed, s]) => [seed, s / ticks.get(seed).size]));
}

/** Two-sided 97.5% quantiles of Student's t by degrees of freedom (paired CIs over seeds). */
function tQuantile(df) {
  const table = { 1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228, 15: 2.131, 19: 2.093, 20: 2.086, 30: 2.042 };
  const k = Object.keys(table).map(Number).filter((d) => d <= df).pop();
  return table[k] ?? 1.96;
}

function pairedLine(dir, view, extra) {
  const manifest = JSON.parse(readFileSync(join(dir, 'a-' + view.a, 'manifest.json'), 'utf8'));
  const s = manifest.scenario;
  const from = s.ticks - s.ticksPerYear;
  const a = finalYearBySeed(join(dir, 'a-' + view.a, extra.file), extra.key, extra.names, extra.columns, from);
  const b = finalYearBySeed(join(dir, 'b-' + view.b, extra.file), extra.key, extra.names, extra.columns, from);
  const d = [...a.keys()].map((seed) => b.get(seed) - a.get(seed));
  const mean = (xs) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const m = mean(d);
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - m) ** 2, 0) / Math.max(1, d.length - 1));
  const half = (tQuantile(d.length - 1) * sd) / Math.sqrt(d.length);
  const f = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(4));
  const pct = (x) => `${x >= 0 ? '+' : ''}${((100 * x) / mean([...a.values()])).toFixed(1)}%`;
  return `| ${extra.label} | ${f(mean([...a.values()]))} | ${f(mean([...b.values()]))} | ${f(m)} (${pct(m)}) | ${f(m - half)} | ${f(m + half)} | ${m - half > 0 || m + half < 0 ? '*' : ''} |`;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = join(root, 'scenarios/policies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  for (const name of o.only) if (!files.includes(`${name}.yaml`)) fail(`no scenario scenarios/policies/${name}.yaml`);
  const out = join(root, 'results/policies');
  const img = join(root, 'docs/img/policies');
  mkdirSync(out, { recursive: true });
  mkdirSync(img, { recursive: true });
  const sections = [];
  const index = [];
  let settings = null;
  for (const f of files) {
    const name = f.replace(/\.yaml$/, '');
    const file = join(dir, f);
    const { text, reference } = header(file);
    const view = VIEWS[name] ?? { chart: 'exportValue' };
    const cmp = join(out, name);
    const run = !o.reuse && (o.only.length === 0 || o.only.includes(name));
    if (run) {
      console.error(`${name}: compare ${relative(root, reference)} → ${relative(root, file)}, ${o.seeds} seeds, ${o.firms} firms`);
      const printed = gvc(['compare', reference, file, '--seeds', String(o.seeds), '--firms', String(o.firms), '--out', cmp, '--force', '--no-report', '--format', 'md']);
      writeFileSync(join(cmp, 'table.md'), printed.slice(printed.indexOf('\n|') + 1));
      gvc(['figure', cmp, '--metric', view.chart, '--out', join(img, `${name}.svg`)]);
    }
    if (!existsSync(join(cmp, 'compare.json'))) {
      if (o.only.length === 0) fail(`no results for ${name} in ${relative(root, cmp)}: run without --reuse`);
      console.error(`${name}: no results yet, left out`);
      continue;
    }
    const c = JSON.parse(readFileSync(join(cmp, 'compare.json'), 'utf8'));
    settings ??= { seeds: c.seeds.length, firms: JSON.parse(readFileSync(join(cmp, c.a.dir, 'manifest.json'), 'utf8')).scenario.firms };
    const table = readFileSync(join(cmp, 'table.md'), 'utf8').trim();
    const names = { a: c.a.dir.replace(/^a-/, ''), b: c.b.dir.replace(/^b-/, '') };
    const extras = (view.extra ?? []).map((e) => pairedLine(cmp, names, e));
    const question = text.split('\nAnswers:')[0].replace(/^Asks: /, '').replace(/\s*\n\s*/g, ' ');
    index.push(`- [${name}](#${name}): ${question}`);
    sections.push([
      `## ${name}`,
      '',
      text.split('\n').map((l) => `> ${l}`).join('\n'),
      '',
      `A = \`${relative(root, reference)}\`, B = \`scenarios/policies/${f}\`.`,
      '',
      table,
      ...(extras.length ? ['', 'Where the lever acts (final-year means, the same paired test):', '', '| sum | A | B | B − A | 95% CI low | 95% CI high |  |', '| --- | --- | --- | --- | --- | --- | --- |', ...extras] : []),
      '',
      `![${view.chart}, A and B over time](img/policies/${name}.svg)`,
      '',
    ].join('\n'));
  }
  const intro = [
    '# Policy what-ifs',
    '',
    '<!-- Generated by `npm run policies` (scripts/policies.mjs). Do not edit by hand: change a scenario in scenarios/policies/ and run it again. -->',
    '',
    'Each what-if in `scenarios/policies/` is a few lines on top of the baseline',
    '(or of another what-if, its reference). Its header says what it asks and what',
    'it is compared with; the table is `gvc-sim compare` of the reference (A) and',
    `the what-if (B) on the same ${settings.seeds} seeds, with ${settings.firms.toLocaleString('en')} firms per run (the scenarios`,
    'say 10,000; fewer keep the script to minutes, and the shares and differences',
    'hardly move with the population): final-year means and the paired 95% CI of',
    'B − A. `*`: the CI excludes zero. The chart shows the metric named below it over',
    'time, both sides with their bands across seeds; events are marked. The',
    '"Answers" in the headers were written from these tables; after a model',
    'change, refresh the tables and check the answers still read true.',
    '',
    'The levers (`policy.*`, `regions.<name>.logisticsSubsidy`) are described in',
    'docs/ODD.md §7.19 and docs/parameters.md. Who pays: tariffs are paid by buyers',
    '(they count in export value, delivered duty paid, and in no SME receipts);',
    'rebates and logistics subsidies by the home government.',
    '',
    'Refresh: `npm run build && npm run policies` (about 6 minutes on 2 cores), or',
    '`npm run policies -- --only fee-cap` for one.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'docs/policies.md'), `${intro}\n${index.join('\n')}\n\n${sections.join('\n')}`);
  console.error(`wrote docs/policies.md (${sections.length} what-ifs)`);
}

main();
