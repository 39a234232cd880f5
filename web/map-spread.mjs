// @ts-check
/**
 * Measures the demo's lock-in map outside the browser, with the map worker's
 * own code (web/src bundled by esbuild): for a preset and two levers, each
 * cell's final-year lock-in share on several seeds, the grid of their means,
 * and the spread between the best and worst cell (per seed: what the page
 * shows with that seed). docs/demo.md quotes its output; run it again when the
 * model or a lever's range changes.
 *
 *   node web/map-spread.mjs [preset] [across] [up] [seeds]
 *   default: lock-in absorptive intermediaryMargin 1,2,3    (preset ids: web/build.mjs; lever ids: web/src/levers.ts)
 */
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPresets } from './build.mjs';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const [presetId = 'lock-in', xId = 'absorptive', yId = 'intermediaryMargin', seedList = '1,2,3'] = process.argv.slice(2);

/** The map's modules, bundled for node into a temporary file and imported. */
async function loadMapCode() {
  const dir = await mkdtemp(path.join(tmpdir(), 'gvc-map-'));
  const file = path.join(dir, 'map.mjs');
  const src = path.join(WEB, 'src');
  await build({
    stdin: {
      contents: `export { leverById, gridValues, formatLever } from './levers.ts'; export { finalLockIn } from './lockin-map.ts'; export { cellRun, GRID, MAP_FIRMS } from './map-grid.ts';`,
      resolveDir: src,
      loader: 'ts',
    },
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const code = await import(pathToFileURL(file).href);
  await rm(dir, { recursive: true, force: true });
  return code;
}

const fail = (/** @type {string} */ msg) => {
  console.error(`error: ${msg}`);
  process.exit(2);
};

const { leverById, gridValues, formatLever, finalLockIn, cellRun, GRID, MAP_FIRMS } = await loadMapCode();
const preset = (await loadPresets()).find((p) => p.id === presetId) ?? fail(`no preset '${presetId}'`);
const [xl, yl] = [xId, yId].map((id) => {
  try {
    return leverById(id);
  } catch {
    return fail(`no lever '${id}'`);
  }
});
const seeds = seedList.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s))) fail(`seeds must be whole numbers separated by commas, got '${seedList}'`);
const x = { path: xl.path, values: gridValues(xl, GRID) };
const y = { path: yl.path, values: gridValues(yl, GRID) };

/** @type {number[][]} cell values per seed, row by row from the bottom, as the page lays them out */
const perSeed = seeds.map((seed) => {
  const run = { presetLabel: preset.label, preset: preset.input, overrides: {}, firms: MAP_FIRMS, seed };
  return y.values.flatMap((/** @type {number} */ yv) => x.values.map((/** @type {number} */ xv) => finalLockIn(cellRun(run, x, y, xv, yv))));
});
const mean = perSeed[0].map((_, k) => perSeed.reduce((s, cells) => s + cells[k], 0) / seeds.length);
const spread = (/** @type {number[]} */ cells) => Math.max(...cells) - Math.min(...cells);
const pct = (/** @type {number} */ v) => `${(100 * v).toFixed(1)}%`.padStart(7);

console.log(`${preset.label}: ${xl.label} across × ${yl.label} up, ${MAP_FIRMS} firms per cell, mean of seeds ${seeds.join(', ')}`);
for (let j = y.values.length - 1; j >= 0; j--) {
  const row = x.values.map((/** @type {number} */ _, /** @type {number} */ i) => pct(mean[j * x.values.length + i]));
  console.log(`${formatLever(yl, y.values[j]).padStart(12)} |${row.join('')}`);
}
console.log(`${''.padStart(12)}  ${x.values.map((/** @type {number} */ v) => formatLever(xl, v).padStart(7)).join('')}`);
console.log(`spread of the mean grid ${spread(mean).toFixed(3)}; by seed: ${perSeed.map((cells, k) => `${seeds[k]}: ${spread(cells).toFixed(3)}`).join(', ')}`);
