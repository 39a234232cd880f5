// Renders docs/img/report.png: the header and first four charts of a run report, laid out as
// report.html lays them out (cards in a two-column grid, with their "how to read" captions).
// Usage (after `npm run build`):
//   node bin/gvc-sim run scenarios/baseline.yaml --seeds 3 --out /tmp/baseline --force
//   node docs/img/make-report-png.mjs /tmp/baseline docs/img/report.png
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg } from '../../dist/report/render.js';
import { readColumns, readManifest, readRegions } from '../../dist/report/results-files.js';
import { runCharts } from '../../dist/report/run-report.js';
import { eventMarkers, eventNotes } from '../../dist/report/scenario-events.js';
import { runMeta } from '../../dist/report/scenario-section.js';
import { textWidth } from '../../dist/report/text-metrics.js';

const [dir, out = 'docs/img/report.png'] = process.argv.slice(2);
const manifest = readManifest(dir);
const s = manifest.scenario;
const charts = runCharts(readColumns(join(dir, 'model.csv')), readRegions(dir), eventMarkers(eventNotes(s.events, s.ticksPerYear))).slice(0, 4);
const svgs = await Promise.all(charts.map((c) => renderSvg(c.chart)));

const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** Greedy word wrap to `width` px at `size` px. */
function wrap(text, width, size) {
  const lines = [''];
  for (const word of text.split(' ')) {
    const next = lines.at(-1) ? `${lines.at(-1)} ${word}` : word;
    if (textWidth(next, size) > width && lines.at(-1)) lines.push(word);
    else lines[lines.length - 1] = next;
  }
  return lines;
}

const PAD = 24, GAP = 16, CARD_PAD = 12, CAPTION = 13, LINE = 18;
const cardW = Math.max(...svgs.map((v) => Number(v.match(/width="(\d+)"/)[1]))) + 2 * CARD_PAD;
const captions = charts.map((c) => wrap(c.caption, cardW - 2 * CARD_PAD, CAPTION));
const cardH = (k) => Number(svgs[k].match(/height="(\d+)"/)[1]) + 2 * CARD_PAD + captions[k].length * LINE + 6;
const rowH = [Math.max(cardH(0), cardH(1)), Math.max(cardH(2), cardH(3))];
const header = 118;
const width = 2 * PAD + 2 * cardW + GAP;
const height = header + PAD + rowH[0] + GAP + rowH[1] + PAD;
const meta = runMeta(manifest);
const metaLine = ['seeds', 'ticks', 'firms', 'regions', 'platform'].map((k) => `${k}: ${meta[k]}`).join('   ·   ');

const parts = [
  `<rect width="${width}" height="${height}" fill="#f8fafc"/>`,
  `<rect width="${width}" height="${header}" fill="white"/><rect width="${width}" height="4" fill="#0072B2"/>`,
  `<line x1="0" y1="${header}" x2="${width}" y2="${header}" stroke="#e5e7eb"/>`,
  `<text x="${PAD}" y="44" font-size="26" font-weight="bold" fill="#1f2937">${esc(`${s.name} — gvc-sim run report`)}</text>`,
  `<text x="${PAD}" y="72" font-size="15" fill="#4b5563">${esc(s.description.trim())}</text>`,
  `<text x="${PAD}" y="100" font-size="13" fill="#1f2937">${esc(metaLine)}</text>`,
];
svgs.forEach((svg, k) => {
  const x = PAD + (k % 2) * (cardW + GAP);
  const y = header + PAD + (k < 2 ? 0 : rowH[0] + GAP);
  const h = Number(svg.match(/height="(\d+)"/)[1]);
  parts.push(`<rect x="${x}" y="${y}" width="${cardW}" height="${rowH[k < 2 ? 0 : 1]}" rx="6" fill="white" stroke="#e5e7eb"/>`);
  parts.push(svg.replace('<svg ', `<svg x="${x + CARD_PAD}" y="${y + CARD_PAD}" `));
  captions[k].forEach((line, j) => {
    parts.push(`<text x="${x + CARD_PAD + 4}" y="${y + CARD_PAD + h + 18 + j * LINE}" font-size="${CAPTION}" fill="#4b5563">${esc(line)}</text>`);
  });
});
const page = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif">${parts.join('\n')}</svg>`;
const png = new Resvg(page, { fitTo: { mode: 'zoom', value: 1.5 }, background: 'white', font: { loadSystemFonts: true } }).render().asPng();
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
