/**
 * Overseas warehouses (`policy.warehouses`) as a seller's choice: a platform
 * seller stocks the warehouse in a market when what it expects the shipping
 * cut and the delivery lift to add to its margin there beats the fee; only
 * those who stock it ship from it and pay for it.
 */
import { describe, expect, it } from 'vitest';
import { phase } from '../src/engine/scheduler.js';
import { channelRunningCost } from '../src/model/costs.js';
import { Channel, lowestMarket, marketCount } from '../src/model/firms.js';
import { ScenarioSchema, type ScenarioInput } from '../src/model/params.js';
import { stockedMarkets } from '../src/model/policy.js';
import { MODEL_METRICS } from '../src/model/reporters.js';
import { PHASES, Simulation } from '../src/model/simulation.js';
import type { World } from '../src/model/world.js';
import { runAll, smallSimulation } from './support/small-world.js';

const WAREHOUSE_SELLERS = MODEL_METRICS.indexOf('warehouseSellers');

/** Warehouses in every market at this fee (the default cut and lift). */
const everywhere = (fee: number): ScenarioInput => ({ policy: { warehouses: [{ market: 'all', fee }] } });

function simulation(input: ScenarioInput, seed: number, options: { check?: (w: World) => void } = {}): Simulation {
  const phases = options.check ? PHASES.flatMap((p) => (p.name === 'matching' ? [p, phase('check', options.check!)] : [p])) : PHASES;
  return new Simulation(ScenarioSchema.parse({ firms: 400, ticks: 36, burnInTicks: 12, ...input }), { seed, checkInvariants: true, recordMarketSales: true, phases });
}

/** Σ over the last year of the number of sellers stocking at least one warehouse. */
function warehouseSellersLastYear(input: ScenarioInput, seed: number): number {
  const rows = runAll(simulation(input, seed));
  return rows.slice(-12).reduce((s, row) => s + row[WAREHOUSE_SELLERS]!, 0);
}

describe('overseas warehouse tables', () => {
  it('goods shipped from the warehouse in M3 ship for less and draw more buyers; the plain platform terms and upkeep are unchanged', () => {
    const plain = smallSimulation().world.trade;
    const w = smallSimulation({ policy: { warehouses: [{ market: 'M3', fee: 0.4, shippingCut: 0.5, deliveryLift: 0.2 }] } }).world;
    const t = w.trade;
    const M = w.markets.length;
    expect(t.warehouses).toBe(1 << 2);
    expect(t.warehouseFee[2]).toBe(0.4);
    expect(Array.from(t.platformUpkeep)).toEqual(Array.from(plain.platformUpkeep));
    for (let r = 0; r < w.regions.length; r++) {
      const k = r * M + 2;
      expect(t.platformPriceRatio[k]).toBe(plain.platformPriceRatio[k]);
      expect(t.platformFactor[k]).toBe(plain.platformFactor[k]);
      // Half the shipping: listFactor·(1 + ship/2) against listFactor·(1 + ship).
      const ship = t.platformPriceRatio[k]! / t.listFactor - 1;
      expect(t.warehousePriceRatio[k]!).toBeCloseTo(t.listFactor * (1 + ship / 2), 12);
      expect(t.warehouseFactor[k]! / Math.pow(t.warehousePriceRatio[k]!, -w.scenario.buyers.priceElasticity)).toBeCloseTo(1.2, 12);
      expect(t.warehousePaid[k]!).toBeGreaterThan(t.platformPaid[k]!);
      expect(t.warehousePriceRatio[k + 1]).toBe(t.platformPriceRatio[k + 1]);
      expect(t.warehouseFactor[k + 1]).toBe(t.platformFactor[k + 1]);
    }
  });
});

describe('stocking a warehouse is each seller’s choice', () => {
  it('only sellers who stock it ship from it and pay its fee, and some sellers stock it while others do not', () => {
    const fee = 0.3;
    let stockers = 0;
    let others = 0;
    const check = (w: World) => {
      const f = w.firms;
      const t = w.trade;
      const M = w.markets.length;
      for (let i = 0; i < f.capacity; i++) {
        if (!(f.channels[i]! & Channel.platform)) {
          expect(stockedMarkets(w, i)).toBe(0);
          continue;
        }
        const stocked = stockedMarkets(w, i);
        expect(stocked & ~f.platformMarkets[i]!).toBe(0);
        // The fee: running costs with its warehouses, less the same without them.
        const chosen = f.warehouseMarkets[i]!;
        const withFees = channelRunningCost(w, i);
        f.warehouseMarkets[i] = 0;
        const without = channelRunningCost(w, i);
        f.warehouseMarkets[i] = chosen;
        expect(withFees - without).toBeCloseTo(fee * marketCount(stocked), 10);
        // The shipping: a platform-only seller in one market is paid for its goods at the delivered price it ships at.
        if (f.channels[i] !== Channel.platform || marketCount(f.platformMarkets[i]!) !== 1 || f.platformOrders[i]! === 0) continue;
        const m = lowestMarket(f.platformMarkets[i]!);
        const k = f.region[i]! * M + m;
        // Buyers' spending over the goods' value at ex-factory prices (GMV ÷ list factor) is the delivered-price ratio.
        const exFactory = f.platformReceipts[i]! / (1 - w.platform.commission) / t.listFactor;
        const ratio = stocked ? t.warehousePriceRatio[k]! : t.platformPriceRatio[k]!;
        expect(w.marketSalesNow![i * M + m]! / exFactory).toBeCloseTo(ratio, 10);
        if (stocked) stockers++;
        else others++;
      }
    };
    runAll(simulation(everywhere(fee), 3, { check }));
    expect(stockers).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(0);
  });

  it('a higher fee: fewer sellers stock a warehouse, seed by seed', () => {
    for (const seed of [1, 2, 3]) {
      const cheap = warehouseSellersLastYear(everywhere(0.1), seed);
      const dear = warehouseSellersLastYear(everywhere(1), seed);
      expect(cheap).toBeGreaterThan(0);
      expect(dear).toBeLessThan(cheap);
    }
  });

  it('with a prohibitive fee nobody stocks one, and every reporter and firm is as without warehouses, bit for bit', () => {
    for (const seed of [1, 2]) {
      const none = simulation({}, seed);
      const prohibitive = simulation(everywhere(1000), seed);
      const a = runAll(none);
      const b = runAll(prohibitive);
      expect(b.every((row) => row[WAREHOUSE_SELLERS] === 0)).toBe(true);
      expect(b).toEqual(a);
      expect(prohibitive.world.firms.cash).toEqual(none.world.firms.cash);
      expect(prohibitive.world.market.platformSales).toEqual(none.world.market.platformSales);
    }
  });

  it('is deterministic: the same scenario and seed give the same choices and numbers', () => {
    const one = simulation(everywhere(0.3), 7);
    const two = simulation(everywhere(0.3), 7);
    expect(runAll(two)).toEqual(runAll(one));
    expect(two.world.firms.warehouseMarkets).toEqual(one.world.firms.warehouseMarkets);
    expect(one.world.firms.warehouseMarkets.some((b) => b !== 0)).toBe(true);
  });
});
