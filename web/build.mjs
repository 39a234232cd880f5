// @ts-check
/**
 * Builds the classroom demo into web/dist/: bundles the page and its two
 * workers with esbuild (everything, no CDN, so the page runs offline), copies
 * the static files, and bakes in the presets, read from their scenario YAML
 * files at build time so they cannot drift from them.
 *
 *   node web/build.mjs        build only
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WEB);
const DIST = path.join(WEB, 'dist');

/** The presets in the order the page lists them; files are relative to the project root. */
export const PRESET_FILES = [
  { id: 'baseline', label: 'Baseline', file: 'scenarios/baseline.yaml' },
  { id: 'lock-in', label: 'Lock-in', file: 'scenarios/lock-in.yaml' },
  { id: 'escape', label: 'Escape', file: 'scenarios/escape.yaml' },
  { id: 'over-regulation', label: 'Over-regulation', file: 'web/presets/over-regulation.yaml' },
  { id: 'inland-pilot-zone', label: 'Inland pilot zone', file: 'web/presets/inland-pilot-zone.yaml' },
];

const STATIC_FILES = ['index.html', 'style.css'];

/** @param {unknown} v */
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Child over parent, as `extends` does in src/scenario/extends.ts: mappings
 * merge key by key, anything else is replaced whole, top-level events concatenate.
 * @param {any} parent @param {any} child @param {boolean} top
 * @returns {any}
 */
function merge(parent, child, top = true) {
  if (!isMap(parent) || !isMap(child)) return child;
  const out = { ...parent };
  for (const [k, v] of Object.entries(child)) {
    const joinEvents = top && k === 'events' && Array.isArray(parent[k]) && Array.isArray(v);
    out[k] = joinEvents ? [...parent[k], ...v] : k in parent ? merge(parent[k], v, false) : v;
  }
  return out;
}

/**
 * A scenario file with its `extends` chain merged in (no defaults applied:
 * the page validates it with the model's own schema).
 * @param {string} file absolute path
 * @returns {Promise<Record<string, unknown>>}
 */
async function readScenarioInput(file) {
  const own = parse(await readFile(file, 'utf8')) ?? {};
  const { extends: parent, ...rest } = own;
  if (typeof parent !== 'string') return rest;
  return merge(await readScenarioInput(path.resolve(path.dirname(file), parent)), rest);
}

/** Every preset with its scenario input, as the page receives them. */
export async function loadPresets() {
  return Promise.all(
    PRESET_FILES.map(async (p) => {
      const input = await readScenarioInput(path.join(ROOT, p.file));
      return { id: p.id, label: p.label, file: p.file, description: String(input.description ?? ''), input };
    }),
  );
}

/**
 * Builds the demo into `outDir` (default web/dist) and returns that folder.
 * @param {{ outDir?: string }} [options]
 */
export async function buildDemo({ outDir = DIST } = {}) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      main: path.join(WEB, 'src/main.ts'),
      'sim.worker': path.join(WEB, 'src/sim.worker.ts'),
      'map.worker': path.join(WEB, 'src/map.worker.ts'),
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __PRESETS__: JSON.stringify(await loadPresets()) },
  });
  await Promise.all(STATIC_FILES.map((f) => copyFile(path.join(WEB, f), path.join(outDir, f))));
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = await buildDemo();
  console.log(`demo built in ${path.relative(process.cwd(), dir) || dir}/`);
}
