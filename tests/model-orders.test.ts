/**
 * Order size: buyers in every channel solve the same ordering problem, an
 * economic order quantity. Orders are smaller where placing one costs less.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallSimulation } from './support/small-world.js';
import type { ScenarioInput } from '../src/model/params.js';

/** The trade tables of a small world (tick 0: east's pilot zone is open, central's and west's are not). */
function tables(input: ScenarioInput = {}) {
  const w = smallSimulation(input).world;
  return { w, t: w.trade, M: w.markets.length, region: (name: string) => w.regions.findIndex((r) => r.name === name) };
}

/** A buyer's cost per tick of ordering value V at a time: fixed costs of orders, and stock held. */
const costPerTick = (F: number, D: number, h: number, V: number) => (F * D) / V + (h * V) / 2;

describe('buyers’ order size', () => {
  it('is the economic order quantity in value, √(2·F·D/h), with the fixed cost of a direct order raised by search at distance', () => {
    const { w, t, M, region } = tables();
    const b = w.scenario.buyers;
    const r = region('central');
    for (let m = 0; m < M; m++) {
      const F = b.orderCost.direct * (1 + b.searchCost * w.markets[m]!.distance);
      expect(t.directOrderValue[r * M + m]).toBeCloseTo(Math.sqrt((2 * F * b.demandRate) / b.holdingCost), 9);
      expect(t.indirectOrderValue[r * M + m]).toBeCloseTo(Math.sqrt((2 * b.orderCost.indirect * b.demandRate) / b.holdingCost), 9);
    }
  });

  it('minimises the buyer’s ordering and holding costs', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), (F, D, h, step) => {
        const { t } = tables({ buyers: { orderCost: { indirect: F }, demandRate: D, holdingCost: h } });
        const V = t.indirectOrderValue[0]!;
        const best = costPerTick(F, D, h, V);
        expect(best).toBeLessThan(costPerTick(F, D, h, V * (1 + step)));
        expect(best).toBeLessThan(costPerTick(F, D, h, V * (1 - step)));
      }),
      { numRuns: 25 },
    );
  });

  it('falls where the platform’s search is cheaper: with the same fixed cost in both channels, platform orders are smaller than direct ones', () => {
    const same = { orderCost: { platform: 2, direct: 2, indirect: 2 } };
    const { t, M, region } = tables({ buyers: same });
    const r = region('central');
    for (let m = 0; m < M; m++) expect(t.platformOrderValue[r * M + m]!).toBeLessThan(t.directOrderValue[r * M + m]!);
    const { t: dear } = tables({ buyers: same, platform: { searchCost: 1 } });
    for (let m = 0; m < M; m++) expect(dear.platformOrderValue[r * M + m]).toBeCloseTo(dear.directOrderValue[r * M + m]!, 9);
  });

  it('falls in a pilot zone, whose customs facilitation cuts the clearance of platform parcels: by √(1 − pilotZoneCustoms)', () => {
    const { w, t, M, region } = tables();
    const east = region('east');
    const central = region('central');
    const cut = Math.sqrt(1 - w.scenario.logistics.pilotZoneCustoms);
    for (let m = 0; m < M; m++) {
      expect(t.platformOrderValue[east * M + m]! / t.platformOrderValue[central * M + m]!).toBeCloseTo(cut, 9);
      expect(t.directOrderValue[east * M + m]).toBe(t.directOrderValue[central * M + m]); // offline orders clear as before
    }
  });

  it('sets how many orders the same spending makes: platform sellers get many small orders, offline sellers few large ones', () => {
    const sim = smallSimulation();
    let platform = 0;
    let traditional = 0;
    while (!sim.done) {
      sim.step();
      const L = sim.world.ledger;
      if (L.platformOrders > 0) platform = L.platformSpend / L.platformOrders;
      if (L.traditionalOrders > 0) traditional = L.traditionalSpend / L.traditionalOrders;
    }
    const t = sim.world.trade;
    const within = (x: number, table: Float64Array) => x >= Math.min(...table) && x <= Math.max(...table);
    expect(within(platform, t.platformOrderValue)).toBe(true);
    expect(within(traditional, Float64Array.of(...t.directOrderValue, ...t.indirectOrderValue))).toBe(true);
    expect(platform).toBeLessThan(traditional / 10);
  });
});
