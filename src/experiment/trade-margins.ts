/**
 * Measures a scenario's trade margins (analysis/trade-margins.ts) on the
 * firm-years of a window of the recorded run, one seed at a time.
 */
import { MarginsTally, type TradeMargins } from '../analysis/trade-margins.js';
import { buildMarkets } from '../model/markets.js';
import type { Scenario } from '../model/params.js';
import { MARKET_METRICS } from '../model/reporters.js';
import type { FirmYear } from './firm-years.js';
import { simulate } from './simulate.js';

export interface MarginsWindow {
  /** First and last year of the recorded run to measure (from 0), inclusive. */
  fromYear: number;
  toYear: number;
}

/** Whole years in the recorded run. */
export function recordedYears(s: Scenario): number {
  return Math.floor(s.ticks / s.ticksPerYear);
}

/** The recorded years after the platform's launch year, up to the run's last: years 5–9 of a ten-year run. */
export function defaultWindow(s: Scenario): MarginsWindow {
  const years = recordedYears(s);
  return { fromYear: Math.min(5, Math.max(0, years - 1)), toYear: Math.max(0, years - 1) };
}

const SPENDING = MARKET_METRICS.indexOf('spending');

export function measureTradeMargins(s: Scenario, seed: number, window: MarginsWindow = defaultWindow(s)): TradeMargins {
  const tally = new MarginsTally(buildMarkets(s.markets).map((m) => m.distance));
  const inWindow = (year: number) => year >= window.fromYear && year <= window.toYear;
  const lastTick = Math.min(s.ticks, (window.toYear + 1) * s.ticksPerYear);
  const onFirmYear = (r: FirmYear) => {
    if (inWindow(r.year)) tally.add(r);
  };
  for (const rec of simulate(s, seed, { onFirmYear })) {
    if (inWindow(Math.floor(rec.tick / s.ticksPerYear))) rec.markets.forEach((row, m) => tally.addSpending(m, row[SPENDING]!));
    if (rec.tick + 1 >= lastTick) break;
  }
  return tally.result();
}
