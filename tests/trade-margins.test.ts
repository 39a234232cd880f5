/**
 * The destination margin: firm × market demand draws, the running cost of a
 * platform market, and the trade margins measured on firm-years.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARGIN_TARGETS, MarginsTally, sizeAndDistance } from '../src/analysis/trade-margins.js';
import { shiftMarketFit } from '../src/model/demography.js';
import { Channel, lowestMarket, marketCount } from '../src/model/firms.js';
import type { FirmYear } from '../src/experiment/firm-years.js';
import { measureTradeMargins } from '../src/experiment/trade-margins.js';
import { platformUpkeepOf } from '../src/model/costs.js';
import { smallScenario, smallSimulation } from './support/small-world.js';

function firmYear(marketSales: number[], own: { direct?: number; platform?: number; indirect?: number; domestic?: number }): FirmYear {
  const direct = own.direct ?? 0;
  const platform = own.platform ?? 0;
  return {
    year: 5, id: 0, region: 0, stage: 0, indirect: 0, direct: direct > 0 ? 1 : 0, platform: platform > 0 ? 1 : 0, productivity: 1, entered: 0, exited: 0, ticks: 12,
    exports: marketSales.reduce((a, b) => a + b, 0) + (own.indirect ?? 0), receiptsIndirect: own.indirect ?? 0, receiptsDirect: direct, receiptsPlatform: platform,
    domesticSales: own.domestic ?? 100, marketSales: Float64Array.from(marketSales),
  };
}

describe('trade margins on firm-years', () => {
  it('counts exporters, destinations and export intensity as customs records would', () => {
    const tally = new MarginsTally([0.5, 1, 1.5, 2]);
    tally.add(firmYear([10, 0, 0, 0], { direct: 10, domestic: 90 })); // one market, intensity 0.1
    tally.add(firmYear([5, 5, 5, 0], { platform: 15, domestic: 45 })); // three markets online, intensity 0.25
    tally.add(firmYear([0, 0, 0, 0], { indirect: 20, domestic: 80 })); // sells only through the trading company: not an exporter
    tally.add(firmYear([0, 0, 0, 0], { domestic: 50 }));
    const r = tally.result();
    expect(r.firmYears).toBe(4);
    expect(r.exporterShare).toBe(0.5);
    expect(r.anyExportShare).toBe(0.75);
    expect(r.singleMarketShare).toBe(0.5);
    expect(r.meanDestinations).toBe(2);
    expect(r.meanExportIntensity).toBeCloseTo(0.175, 12);
    expect(r.platformDestinations).toBe(3);
    expect(r.offlineDestinations).toBe(1);
  });

  it('recovers the size and distance slopes of exporters per market', () => {
    const size = [100, 50, 33, 25, 20, 17, 14, 12];
    const distance = [0.2, 1.4, 0.6, 1.0, 0.4, 1.2, 0.8, 1.5];
    const exporters = size.map((s, m) => Math.exp(0.3 + 0.6 * Math.log(s) - 0.8 * distance[m]!));
    const fit = sizeAndDistance(size, distance, exporters);
    expect(fit.size).toBeCloseTo(0.6, 10);
    expect(fit.distance).toBeCloseTo(-0.8, 10);
  });

  it('gives no slope when fewer than four markets have exporters', () => {
    expect(sizeAndDistance([3, 2, 1], [1, 2, 3], [1, 1, 1]).size).toBeNaN();
  });
});

describe('firm × market demand', () => {
  it('draws buyers’ liking of a firm’s goods per market with mean 1 and the given log spread', () => {
    const sim = smallSimulation({ firms: 2000, markets: { count: 20 }, firm: { marketFitSd: 1.2, marketFitRedraw: 0 } });
    const logs = Array.from(sim.world.firms.marketFit, Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    expect(sd).toBeCloseTo(1.2, 1);
    expect(mean).toBeCloseTo(-0.72, 1); // −σ²/2, so that the mean of the draws is 1
  });

  it('destination demand shocks redraw about the expected number of firm × market draws a tick', () => {
    const sim = smallSimulation({ firms: 1000, markets: { count: 10 }, firm: { marketFitSd: 1, marketFitRedraw: 0.05 } });
    const w = sim.world;
    const before = Float32Array.from(w.firms.marketFit);
    shiftMarketFit(w);
    let changed = 0;
    for (let k = 0; k < before.length; k++) if (before[k] !== w.firms.marketFit[k]) changed++;
    // 10,000 cells × 0.05 = 500 expected (a cell drawn twice counts once)
    expect(changed).toBeGreaterThan(420);
    expect(changed).toBeLessThan(560);
  });

  it('with no spread and no shocks every firm is liked alike in every market', () => {
    const sim = smallSimulation({ firm: { marketFitSd: 0, marketFitRedraw: 0.5 } });
    expect(new Set(sim.world.firms.marketFit)).toEqual(new Set([1]));
  });
});

describe('the running cost of platform markets', () => {
  it('rises with each market’s distance and is paid for every market served', () => {
    const sim = smallSimulation({ markets: { count: 6 }, channels: { platformMarketUpkeep: 0.5, platformScope: 0 } });
    const w = sim.world;
    const bits = 0b101101;
    let expected = 0;
    for (let b = bits; b; b &= b - 1) expected += 0.5 * w.markets[lowestMarket(b)]!.distance;
    expect(platformUpkeepOf(w, bits)).toBeCloseTo(expected, 12);
    expect(marketCount(bits)).toBe(4);
  });

  it('with a scope cost, n markets cost (1 + scope·(n − 1)) times their own running costs', () => {
    const sim = smallSimulation({ markets: { count: 6 }, channels: { platformMarketUpkeep: 0.5, platformScope: 0.25 } });
    const w = sim.world;
    const own = (bits: number) => {
      let c = 0;
      for (let b = bits; b; b &= b - 1) c += 0.5 * w.markets[lowestMarket(b)]!.distance;
      return c;
    };
    expect(platformUpkeepOf(w, 0b1)).toBeCloseTo(own(0b1), 12);
    expect(platformUpkeepOf(w, 0b10110)).toBeCloseTo(1.5 * own(0b10110), 12);
  });

  it('a seller keeps no platform market whose sales cannot pay its upkeep', () => {
    // Upkeep far above what any market can pay: sellers keep at most the market that came with their listing.
    const sim = smallSimulation({ ticks: 36, channels: { platformMarketUpkeep: 1e3 } });
    while (!sim.done) sim.step();
    const f = sim.world.firms;
    for (let i = 0; i < f.capacity; i++) {
      if (f.channels[i]! & Channel.platform) expect(marketCount(f.platformMarkets[i]!)).toBeLessThanOrEqual(1);
    }
  });
});

describe('firm-years', () => {
  it('the same seed gives the same margins, and customs-style exporters are a subset of all exporting firms', () => {
    const s = smallScenario({ firms: 600, ticks: 36, burnInTicks: 12 });
    const a = measureTradeMargins(s, 3, { fromYear: 1, toYear: 2 });
    const b = measureTradeMargins(s, 3, { fromYear: 1, toYear: 2 });
    expect(a).toEqual(b);
    expect(a.firmYears).toBeGreaterThan(1000);
    expect(a.exporterShare).toBeLessThanOrEqual(a.anyExportShare);
    expect(a.singleMarketShare).toBeGreaterThanOrEqual(0);
    expect(a.meanDestinations).toBeGreaterThanOrEqual(1);
  });
});

describe('gvc-sim margins', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(process.cwd(), 'bin/gvc-sim'), 'margins', ...args], { encoding: 'utf8' });
  const QUICK = ['--seeds', '2', '--set', 'firms=400', '--set', 'ticks=36', '--set', 'burnInTicks=12'];

  it('prints every target with its range, mean, interval and whether every seed met it, as JSON too', () => {
    const r = cli(...QUICK, '--from-year', '1', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.window).toEqual({ fromYear: 1, toYear: 2 });
    expect(out.margins.map((m: { margin: string }) => m.margin)).toEqual(expect.arrayContaining(MARGIN_TARGETS.map((t) => t.margin)));
    for (const m of out.margins) expect(m.values).toHaveLength(2);
  });

  it('refuses a window outside the run with a one-line error, not a stack trace', () => {
    const r = cli(...QUICK, '--from-year', '4');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--from-year.*--to-year.*the run has 3 years/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
