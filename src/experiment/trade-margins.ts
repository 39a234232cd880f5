/**
 * Measures a scenario's trade margins (analysis/trade-margins.ts) on the
 * firm-years of a window of the recorded run, one seed at a time.
 */
import { MarginsTally, type TradeMargins } from '../analysis/trade-margins.js';
import type { Scenario } from '../model/params.js';
import { Simulation } from '../model/simulation.js';
import { FirmYears } from './firm-years.js';

export interface MarginsWindow {
  /** First and last year of the recorded run to measure (from 0), inclusive. */
  fromYear: number;
  toYear: number;
}

/** The recorded years after the platform's launch year, up to the run's last: years 5–9 of a ten-year run. */
export function defaultWindow(s: Scenario): MarginsWindow {
  const years = Math.floor(s.ticks / s.ticksPerYear);
  return { fromYear: Math.min(5, Math.max(0, years - 1)), toYear: Math.max(0, years - 1) };
}

export function measureTradeMargins(s: Scenario, seed: number, window: MarginsWindow = defaultWindow(s)): TradeMargins {
  const sim = new Simulation(s, { seed, recordMarketSales: true });
  const w = sim.world;
  const tally = new MarginsTally(w.markets.map((m) => m.distance));
  const inWindow = (year: number) => year >= window.fromYear && year <= window.toYear;
  const years = new FirmYears(w, (r) => {
    if (inWindow(r.year)) tally.add(r);
  });
  const lastTick = Math.min(s.ticks, (window.toYear + 1) * s.ticksPerYear);
  while (sim.tick < lastTick) {
    const tick = sim.step();
    if (inWindow(Math.floor(tick / s.ticksPerYear))) w.market.spending.forEach((v, m) => tally.addSpending(m, v));
    years.observe(tick);
  }
  return tally.result();
}
