/**
 * What the claims runner keeps of one run: means of every model metric over
 * the first, the middle and the final year, and final-year means of every
 * region metric by group.
 * Small, plain data: it crosses worker threads.
 */
import type { Scenario } from '../model/params.js';
import { MODEL_METRICS, REGION_METRICS } from '../model/reporters.js';
import { resolveRegions } from '../model/regions.js';
import { simulate } from '../experiment/simulate.js';

export type Group = 'east' | 'central' | 'west';

export interface RunDigest {
  firstYear: number[];
  /** The year halfway through the run (year 5 of ten): where a change "over time" is measured from, after the launch years. */
  middleYear: number[];
  finalYear: number[];
  /** Final-year mean of each region metric, averaged over the regions of a group. */
  groups: Record<Group, number[]>;
}

export function digestRun(s: Scenario, seed: number): RunDigest {
  const tpy = s.ticksPerYear;
  const first = new Float64Array(MODEL_METRICS.length);
  const middle = new Float64Array(MODEL_METRICS.length);
  const final = new Float64Array(MODEL_METRICS.length);
  const middleStart = middleYearStart(s);
  const regions = resolveRegions(s);
  const groupSums: Record<Group, Float64Array> = { east: new Float64Array(REGION_METRICS.length), central: new Float64Array(REGION_METRICS.length), west: new Float64Array(REGION_METRICS.length) };
  const groupCounts: Record<Group, number> = { east: 0, central: 0, west: 0 };
  for (const r of regions) groupCounts[r.group] += 1;
  const lastYearStart = s.ticks - Math.min(tpy, s.ticks);
  for (const rec of simulate(s, seed)) {
    if (rec.tick < tpy) rec.model.forEach((v, j) => (first[j]! += v));
    if (rec.tick >= middleStart && rec.tick < middleStart + tpy) rec.model.forEach((v, j) => (middle[j]! += v));
    if (rec.tick >= lastYearStart) {
      rec.model.forEach((v, j) => (final[j]! += v));
      rec.regions.forEach((row, r) => row.forEach((v, j) => (groupSums[regions[r]!.group][j]! += v)));
    }
  }
  const nFirst = Math.min(tpy, s.ticks);
  const nFinal = s.ticks - lastYearStart;
  const groups = {} as Record<Group, number[]>;
  for (const g of ['east', 'central', 'west'] as const) groups[g] = Array.from(groupSums[g], (v) => (groupCounts[g] ? v / nFinal / groupCounts[g] : NaN));
  const nMiddle = Math.min(tpy, s.ticks - middleStart);
  return { firstYear: Array.from(first, (v) => v / nFirst), middleYear: Array.from(middle, (v) => v / nMiddle), finalYear: Array.from(final, (v) => v / nFinal), groups };
}

/** First tick of the run's middle year: year ⌊years/2⌋ (year 5 of a ten-year run). */
export function middleYearStart(s: Scenario): number {
  return Math.floor(Math.floor(s.ticks / s.ticksPerYear) / 2) * s.ticksPerYear;
}
