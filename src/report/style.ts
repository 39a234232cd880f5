/** Shared look of every chart: sizes, fonts, colours (Vega-Lite config). */
import type { Config } from 'vega-lite';
import { PALETTE } from './palette.js';

/** Plot area size in pixels; axes, legend and title add to it. */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 260;

/** A family list that resolves on Linux, macOS and Windows (resvg needs an installed font). */
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Series colours: see palette.ts, shared with the demo. */
export { PALETTE } from './palette.js';

/** Sequential scheme for heatmaps: perceptually uniform and colour-blind safe. */
export const SEQUENTIAL_SCHEME = 'viridis';

/** Text and rule colour shared by charts and the report page. */
export const INK = '#1f2937';
const MUTED = '#4b5563';
const RULE = '#9ca3af';

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: 'bold', color: INK, anchor: 'start', offset: 12 },
  axis: {
    labelFontSize: 11,
    labelColor: MUTED,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: INK,
    titlePadding: 8,
    gridColor: '#e5e7eb',
    domainColor: RULE,
    tickColor: RULE,
  },
  // Vega's default 160px label limit would truncate descriptive series names (scenario, stage names).
  legend: { labelLimit: 320, labelFontSize: 11, labelColor: INK, titleFontSize: 11, titleColor: INK, titleFontWeight: 'normal' },
  range: { category: [...PALETTE] },
};
