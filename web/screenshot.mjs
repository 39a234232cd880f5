// @ts-check
/**
 * Regenerates docs/img/demo.png: the demo at 1280×800 in headless chromium,
 * after a preset has run its ten years (take it again when the model changes).
 * With --map, docs/img/demo-map.png instead: the lock-in map with its default
 * levers, computed on the preset.
 *
 *   node web/screenshot.mjs [--map] ["Preset label"]     default: Lock-in
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildDemo } from './build.mjs';
import { serveDemo } from './serve.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const map = args.includes('--map');
const OUT = path.join(ROOT, map ? 'docs/img/demo-map.png' : 'docs/img/demo.png');
const preset = args.find((a) => a !== '--map') ?? 'Lock-in';

const dir = await buildDemo({ outDir: await mkdtemp(path.join(tmpdir(), 'gvc-demo-shot-')) });
const server = await serveDemo({ dir, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.waitForSelector('#readout[data-tick="0"]');
  await page.getByRole('button', { name: preset, exact: true }).click();
  await page.waitForSelector('#readout[data-tick="0"][data-done="false"]');
  await mkdir(path.dirname(OUT), { recursive: true });
  if (map) {
    await page.click('#map-run');
    await page.waitForSelector('#view-map[data-done="true"]', { timeout: 300_000 });
    await page.waitForTimeout(500); // the last redraw
    await page.locator('figure:has(#map)').screenshot({ path: OUT });
    console.log(`${path.relative(process.cwd(), OUT)}: the lock-in map on ${preset}`);
  } else {
    await page.selectOption('#speed', '0');
    await page.click('#play');
    await page.waitForSelector('#readout[data-done="true"]', { timeout: 120_000 });
    await page.waitForTimeout(500); // the last redraw
    await page.screenshot({ path: OUT });
    console.log(`${path.relative(process.cwd(), OUT)}: ${preset}, year 10`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
