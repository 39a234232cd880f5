/**
 * One colour per series and one time axis, for every chart the project draws:
 * the run and compare reports, `gvc-sim figure` and the classroom demo (web/).
 * A metric keeps its colour wherever it is drawn: the platform is blue,
 * intermediaries and the indirect channel orange, SMEs and the direct offline
 * channel green, assembly and lock-in vermillion. Time is in years since the
 * start of the run on every chart.
 *
 * Colours are Okabe–Ito (distinguishable under the common colour-vision
 * deficiencies). Plain data, no chart library: the demo bundles this file.
 */

/** The Okabe–Ito colours by name. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

/**
 * The colours for series without a colour of their own (regions, several
 * scenarios), most contrasting first; yellow, weak on white, comes last.
 */
export const PALETTE: readonly string[] = [
  OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.vermillion, OKABE_ITO.purple, OKABE_ITO.skyBlue, OKABE_ITO.black, OKABE_ITO.yellow,
];

/** Grey for "not exporting" firms and for the reference side (A) of a comparison. */
export const NEUTRAL = '#6b7280';

/** The colour of each model metric that has one; the same in every chart. */
export const METRIC_COLORS: Readonly<Record<string, string>> = {
  // Functional stages: warm at the low end of the smile curve, cool at the high end.
  stageShare0: OKABE_ITO.vermillion,
  stageShare1: OKABE_ITO.orange,
  stageShare2: OKABE_ITO.skyBlue,
  stageShare3: OKABE_ITO.blue,
  lockInShare: OKABE_ITO.vermillion,
  // Channels and who captures value: one colour per actor.
  indirectShare: OKABE_ITO.orange,
  intermediaryValueShare: OKABE_ITO.orange,
  directOfflineShare: OKABE_ITO.green,
  smeValueShare: OKABE_ITO.green,
  platformSellerShare: OKABE_ITO.blue,
  platformValueShare: OKABE_ITO.blue,
  platformGmvShare: OKABE_ITO.blue,
  takeRate: OKABE_ITO.purple,
  commission: OKABE_ITO.purple,
  logisticsValueShare: NEUTRAL,
  exporterShare: OKABE_ITO.black,
  exportValue: OKABE_ITO.black,
  destinationHhi: OKABE_ITO.black,
};

/** Firms in the demo's firm view, by channel: the channel colours above. */
export const CHANNEL_COLORS = {
  'not exporting': '#b8bcc4',
  indirect: METRIC_COLORS.indirectShare!,
  'direct offline': METRIC_COLORS.directOfflineShare!,
  platform: METRIC_COLORS.platformSellerShare!,
} as const;

/** The colour of a metric (`regions.` prefixes ignored), or undefined when it has none. */
export function metricColor(metric: string): string | undefined {
  return METRIC_COLORS[metric.replace(/^(regions|markets)\./, '')];
}

/**
 * Colours for several series, keyed by label: a series' own colour when it has
 * one and no other series took it, else the next unused palette colour.
 * `own` maps a label to its metric's colour (may be undefined).
 */
export function seriesColors(labels: readonly string[], own: (label: string) => string | undefined = () => undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const l of labels) {
    const c = own(l);
    if (c && !used.has(c)) {
      out[l] = c;
      used.add(c);
    }
  }
  const free = PALETTE.filter((c) => !used.has(c));
  let k = 0;
  for (const l of labels) if (!(l in out)) out[l] = free[k++ % Math.max(1, free.length)] ?? PALETTE[0]!;
  return out;
}

/** The two sides of a comparison: A, the reference, in grey; B in the metric's own colour (blue without one). */
export function sideColors(metric: string): { a: string; b: string } {
  return { a: NEUTRAL, b: metricColor(metric) ?? OKABE_ITO.blue };
}

/** The time axis of every chart: years since the start of the run. */
export const TIME_AXIS_TITLE = 'years since start';

/** A tick as years since the start (tick 0 is year 0, tick 36 at 12 per year is year 3). */
export function tickToYears(tick: number, ticksPerYear: number): number {
  return tick / ticksPerYear;
}
