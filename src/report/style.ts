/** Shared look of every chart: sizes, fonts, colours (Vega-Lite config). */
import type { Config } from 'vega-lite';

/** Plot area size in pixels; axes, legend and title add to it. */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 260;

/** A family list that resolves on Linux, macOS and Windows (resvg needs an installed font). */
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/**
 * Okabe–Ito palette (distinguishable under the common colour-vision deficiencies),
 * reordered so the first colours are the most contrasting; its yellow, weak on
 * white, comes last.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];

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
  range: { category: PALETTE },
};
