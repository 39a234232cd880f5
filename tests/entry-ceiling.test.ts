/**
 * The ceilings a review passes over a channel's markets with (entry-ceiling.ts):
 * they bound every market's receipts, and passing over markets changes no
 * review's choice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { bestFit, fillCeilings, largestBrandTerm, receiptsCeiling } from '../src/model/entry-ceiling.js';
import { directReceiptsAt, outlook, platformReceiptsAt } from '../src/model/expectations.js';
import { appealOf, brandTerm } from '../src/model/trade.js';
import { smallSimulation } from './support/small-world.js';
import type { ScenarioInput } from '../src/model/params.js';

/** A small world a few ticks after the platform opened, so both channels have sellers and pulls. */
function openWorld() {
  const sim = smallSimulation({ firms: 300 });
  for (let t = 0; t < 6; t++) sim.step();
  return sim.world;
}

describe('entry ceilings', () => {
  it('bound what a newcomer takes in every market, direct and on the platform, however attractive it is', () => {
    const w = openWorld();
    const o = outlook(w);
    const cl = fillCeilings(w, o);
    const M = w.markets.length;
    const bw = w.scenario.buyers.brandWeight;
    // Scaled appeal spans the three regimes of the ceiling: a² / (F·P) for the least found, a / P, and the whole budget.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: w.firms.capacity - 1 }), fc.double({ min: 1e-4, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (i, scale, brand, rep, exposure) => {
        const appeal = appealOf(w, i) * scale;
        const r = w.firms.region[i]!;
        const x = appeal * bestFit(w.firms.marketFit, i * M, M) * largestBrandTerm(cl, bw, brand);
        const direct = receiptsCeiling(cl.direct, r, x);
        const platform = receiptsCeiling(cl.platform, r, x * rep * exposure);
        for (let m = 0; m < M; m++) {
          const a = appeal * w.firms.marketFit[i * M + m]!;
          const b = brandTerm(bw, brand, o.brandTaste[m]!);
          expect(directReceiptsAt(w, o, r * M + m, m, a, b, true)).toBeLessThanOrEqual(direct * (1 + 1e-12));
          expect(platformReceiptsAt(w, o, r * M + m, m, a, b, rep, exposure, true)).toBeLessThanOrEqual(platform * (1 + 1e-12));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('take the whole budget as the ceiling where no seller pulls yet, and none for a firm buyers cannot find', () => {
    const w = openWorld();
    const o = outlook(w);
    o.platformPull.fill(0);
    const cl = fillCeilings(w, o);
    const M = w.markets.length;
    const most = Math.max(...w.markets.map((_, m) => w.trade.platformPaid[m]! * w.market.platformBudget[m]!));
    expect(receiptsCeiling(cl.platform, 0, 1e-9)).toBe(most);
    expect(receiptsCeiling(cl.platform, 0, 0)).toBeNaN(); // NaN: never beats a move, so nothing is passed over
    expect(M).toBeGreaterThanOrEqual(20);
  });
});

describe('reviews with the ceilings', () => {
  afterEach(() => {
    vi.doUnmock('../src/model/entry-ceiling.js');
    vi.resetModules();
  });

  /** The model reporters of a run, with the ceilings' verdicts passed through `verdict`. */
  async function runWith(verdict: (skip: boolean) => boolean, input: ScenarioInput = {}): Promise<number[][]> {
    vi.resetModules();
    vi.doMock('../src/model/entry-ceiling.js', async (original) => {
      const real = await original<typeof import('../src/model/entry-ceiling.js')>();
      return { ...real, beatsEvery: (best: number, bound: number, scale: number) => verdict(real.beatsEvery(best, bound, scale)) };
    });
    const { smallSimulation: fresh } = await import('./support/small-world.js');
    const sim = fresh({ firms: 600, ticks: 36, ...input });
    const rows: number[][] = [];
    while (!sim.done) {
      sim.step();
      rows.push(Array.from(sim.reporters.model));
    }
    return rows;
  }

  // The levers that enter the ceiling's tables and margins: rebates, logistics subsidies, a later platform stage, brand-blind random traffic, scope costs.
  const levers: ScenarioInput = {
    policy: { exportRebate: 0.05 },
    regions: { west: { logisticsSubsidy: 0.4 } },
    platform: { stage: 2, traffic: { rule: 'random' } },
    channels: { platformScope: 0.2 },
  };

  it.each([
    ['the defaults', {}],
    ['rebates, subsidies, stage 2, random traffic and scope costs', levers],
  ])('make the choices reviews make without them, to the bit, while passing over the markets of a fifth or more of the reviews (%s)', async (_, input) => {
    let passed = 0;
    let weighed = 0;
    const withCeilings = await runWith((skip) => {
      if (skip) passed++;
      weighed++;
      return skip;
    }, input);
    const without = await runWith(() => false, input);
    expect(passed / weighed).toBeGreaterThan(0.2);
    expect(withCeilings).toEqual(without);
  });
});
