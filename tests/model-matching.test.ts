/**
 * Order draws: one Poisson count per seller and channel over the markets it
 * serves there, shared among the markets by their expected orders.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/engine/rng.js';
import { channelDraw, channelOrders } from '../src/model/matching.js';
import { smallSimulation } from './support/small-world.js';

/** A seller in markets 0, 2 and 3 of four (market 3 with no budget), at price 2 and full fill. */
function setting() {
  const M = 4;
  const d = channelDraw(M);
  d.price = 2;
  d.fill = 1;
  d.base = 0;
  return {
    d,
    bits: 0b1101,
    tape: Float64Array.of(1, 3, 2), // its pulls in markets 0, 2 and 3
    budget: Float64Array.of(400, 999, 100, 0),
    pull: Float64Array.of(10, 1, 20, 5),
    priceRatio: Float64Array.of(1.25, 9, 1.5, 1),
    orderValue: Float64Array.of(5, 8, 6, 4), // buyers' order value in each market, k USD
  };
}

// Expected orders: fill · budget · pull / channel pull / order value.
const expected = [(400 * 1) / 10 / 5, 0, (100 * 3) / 20 / 6, 0];
const total = expected.reduce((a, b) => a + b, 0);

describe('order draws', () => {
  it('count a seller’s orders in a channel as one Poisson draw around its summed expected orders', () => {
    const s = setting();
    const rng = createRng(5, 'matching');
    const n = 20000;
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) {
      s.d.at = 0;
      s.d.spend.fill(0);
      const orders = channelOrders(rng, s.d, s.tape, s.bits, s.budget, s.pull, s.orderValue, s.priceRatio, new Float64Array(4));
      expect(Number.isInteger(orders) && orders >= 0).toBe(true);
      expect(s.d.at).toBe(3); // read every pull of the markets it serves
      sum += orders;
      sq += orders * orders;
    }
    const mean = sum / n;
    expect(Math.abs(mean - total)).toBeLessThan(4 * Math.sqrt(total / n));
    expect(Math.abs((sq / n - mean * mean) / total - 1)).toBeLessThan(0.06);
  });

  it('book buyers’ spending in each market in proportion to its expected orders, at buyers’ order value there', () => {
    const s = setting();
    const rng = createRng(9, 'matching');
    for (let k = 0; k < 200; k++) {
      s.d.at = 0;
      s.d.spend.fill(0);
      const sales = new Float64Array(4);
      const orders = channelOrders(rng, s.d, s.tape, s.bits, s.budget, s.pull, s.orderValue, s.priceRatio, sales);
      const spendAt = (m: number) => ((orders * expected[m]!) / total) * s.orderValue[m]!;
      for (let m = 0; m < 4; m++) {
        expect(sales[m]).toBeCloseTo(spendAt(m), 9);
        expect(s.d.spend[m]).toBe(sales[m]);
      }
      expect(sales[1]).toBe(0); // a market it does not serve
      expect(sales[3]).toBe(0); // a market with no budget
      expect(s.d.spent).toBeCloseTo(sales[0]! + sales[2]!, 9);
      // The units sold are what that spending buys at the seller's delivered price in each market.
      expect(s.d.units).toBeCloseTo(sales[0]! / (s.d.price * 1.25) + sales[2]! / (s.d.price * 1.5), 9);
    }
  });

  it('draw nothing when no market it serves has buyers for it', () => {
    const s = setting();
    const rng = createRng(1, 'matching');
    const witness = createRng(1, 'matching');
    s.budget.fill(0);
    expect(channelOrders(rng, s.d, s.tape, s.bits, s.budget, s.pull, s.orderValue, s.priceRatio, new Float64Array(4))).toBe(0);
    expect(rng.uniform()).toBe(witness.uniform()); // no number was taken from the stream
  });
});

describe('sales by market, smoothed', () => {
  it('every firm’s sum and sum of squares are those of its row, in market order, at the end of every tick (the destination HHI reads them)', () => {
    const sim = smallSimulation({ firms: 600 });
    const f = sim.world.firms;
    const M = f.markets;
    let checked = 0;
    while (!sim.done) {
      sim.step();
      for (let i = 0; i < f.capacity; i++) {
        let sum = 0, squares = 0;
        for (let m = 0; m < M; m++) {
          const x = f.salesByMarket[i * M + m]!;
          sum += x;
          squares += x * x;
        }
        expect(f.salesByMarketSum[i]).toBe(sum);
        expect(f.salesByMarketSquares[i]).toBe(squares);
        if (sum > 0) checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
