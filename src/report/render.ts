/** Headless rendering of Vega-Lite specs: SVG via vega, PNG via resvg from that SVG. */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from './charts.js';
import { installTextMetrics } from './text-metrics.js';

installTextMetrics();

/** Compiles and renders a spec to a standalone SVG string (no network, no DOM). */
export async function renderSvg(vlSpec: VegaLiteSpec): Promise<string> {
  // Vega tags every inline datum with an id symbol; clone so the caller's points stay untouched.
  const view = new vega.View(vega.parse(compile(structuredClone(vlSpec)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a spec to PNG at `scale` × its SVG size; text uses the system's installed fonts. */
export async function renderPng(vlSpec: VegaLiteSpec, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(vlSpec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
