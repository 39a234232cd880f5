/**
 * Each phase on its own, as the model's claims about itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { complianceCost } from '../src/model/costs.js';
import { Channel, createFirms } from '../src/model/firms.js';
import { creditLine, supplyChainCredit } from '../src/model/finance.js';
import { enforce } from '../src/model/governance.js';
import { commissionFor, platformRules } from '../src/model/platform.js';
import { exitAndEntry } from '../src/model/demography.js';
import { stageAllowed, upgrading } from '../src/model/upgrading.js';
import { MODEL_METRICS } from '../src/model/reporters.js';
import { compileFeeExpression, loadFeeExpressions } from '../src/model/fee-expression.js';
import { runAll, smallSimulation } from './support/small-world.js';

const metric = (row: Float64Array, name: (typeof MODEL_METRICS)[number]) => row[MODEL_METRICS.indexOf(name)]!;

describe('governance', () => {
  it('a seller caught cheating is fined and delisted', () => {
    const sim = smallSimulation({ platform: { governance: { oversight: 1 } } });
    const w = sim.world;
    const f = w.firms;
    const i = 0;
    f.channels[i] = Channel.platform;
    f.platformMarkets[i] = 1;
    f.cheating[i] = 1;
    f.platformOrders[i] = 3;
    f.platformReceipts[i] = 10;
    const cash = f.cash[i]!;
    enforce(w);
    expect(f.channels[i]! & Channel.platform).toBe(0);
    expect(f.delistedUntil[i]).toBe(w.tick + w.scenario.platform.governance.delistTicks);
    expect(f.cash[i]).toBeCloseTo(cash - w.scenario.platform.governance.fineMonths * 10, 9);
  });

  it('compliance costs follow oversight² from the tick an event changes it, in every region', () => {
    const sim = smallSimulation({
      platform: { governance: { oversight: 0.4 } },
      events: [{ at: 2, set: { 'platform.governance.oversight': 0.8 } }],
    });
    const w = sim.world;
    const firstOf = w.regions.map((_, r) => w.firms.region.indexOf(r));
    const costs = () => firstOf.map((i) => complianceCost(w, i));
    sim.step();
    sim.step();
    const before = costs();
    sim.step(); // tick 2: the event applies
    costs().forEach((after, r) => expect(after / before[r]!).toBeCloseTo(4, 12));
    expect(new Set(before).size).toBeGreaterThan(1); // regions differ in institution quality
  });

  it('with no oversight nobody is ever caught', () => {
    const sim = smallSimulation({ platform: { governance: { oversight: 0 } }, firm: { opportunistShare: 1 } });
    runAll(sim);
    expect(sim.world.ledger.caught).toBe(0);
  });
});

describe('platform fees', () => {
  beforeAll(loadFeeExpressions);

  it('with zero commission the platform earns no commission', () => {
    const sim = smallSimulation({ platform: { commission: 0 } });
    let commission = 0;
    while (!sim.done) {
      sim.step();
      commission += sim.world.ledger.commission;
    }
    expect(commission).toBe(0);
  });

  it('under market-power pricing the commission rises with the platform’s GMV share, up to its ceiling', () => {
    const sim = smallSimulation({ platform: { commission: 0.05, feePolicy: { kind: 'market-power', slope: 0.2, max: 0.12 } } });
    const w = sim.world;
    w.platform.gmvShare = 0.2;
    expect(commissionFor(w)).toBeCloseTo(0.09, 12);
    w.platform.gmvShare = 0.9;
    expect(commissionFor(w)).toBeCloseTo(0.12, 12);
  });

  it('evaluates an expression fee policy over named state and clamps it to [0, 0.9]', () => {
    const sim = smallSimulation({ platform: { commission: 0.1, feePolicy: { kind: 'expression', expr: 'base + 0.5 * gmvShare' } } });
    sim.world.platform.gmvShare = 0.1;
    expect(commissionFor(sim.world)).toBeCloseTo(0.15, 12);
    sim.world.platform.gmvShare = 3;
    expect(commissionFor(sim.world)).toBe(0.9);
  });

  it('refuses fee expressions that reach outside their scope', () => {
    for (const expr of ['import({x: 1})', 'evaluate("1+1")', 'parse("2")', 'createUnit("foo")', 'secret + 1', 'f(x) = x', 'a = 2']) {
      expect(() => compileFeeExpression(expr)('' as never)).toThrow();
    }
  });

  it('the platform is inactive during burn-in and when disabled, and opens at tick 0', () => {
    const off = smallSimulation({ platform: { enabled: false } });
    platformRules(off.world);
    expect(off.world.platform.active).toBe(false);
    const on = smallSimulation();
    expect(on.world.platform.active).toBe(false); // burn-in just ended
    on.step();
    expect(on.world.platform.active).toBe(true);
  });
});

describe('finance', () => {
  it('supply-chain credit needs platform stage ≥ 1 and a listing, and adds to bank credit', () => {
    const sim = smallSimulation({ platform: { stage: 1, supplyChainFinance: true } });
    sim.step();
    const w = sim.world;
    const f = w.firms;
    f.channels[0] = Channel.platform;
    f.platformGmvTrail[0] = 100;
    f.cash[0] = 10;
    const withScf = creditLine(w, 0);
    expect(supplyChainCredit(w, 0)).toBeGreaterThan(0);
    w.platform.stage = 0;
    expect(supplyChainCredit(w, 0)).toBe(0);
    expect(creditLine(w, 0)).toBeLessThan(withScf);
  });
});

describe('upgrading', () => {
  it('a firm selling only through an intermediary cannot pass stage 1', () => {
    const sim = smallSimulation();
    const w = sim.world;
    w.firms.channels[0] = Channel.indirect;
    w.firms.stage[0] = 1;
    expect(stageAllowed(w, 0, 2)).toBe(false);
    w.firms.channels[0] = Channel.indirect | Channel.direct;
    expect(stageAllowed(w, 0, 2)).toBe(true);
  });

  it('stage 3 needs the platform ecosystem or an own service network', () => {
    const sim = smallSimulation({ platform: { stage: 1 } });
    const w = sim.world;
    w.firms.channels[0] = Channel.platform;
    w.firms.stage[0] = 2;
    w.firms.directMarkets[0] = 0;
    expect(stageAllowed(w, 0, 3)).toBe(false);
    w.platform.stage = 2;
    expect(stageAllowed(w, 0, 3)).toBe(true);
  });

  it('no firm ever goes above the stage cap', () => {
    const sim = smallSimulation({ upgrading: { maxStage: 1, thresholds: [1, 1, 1] } });
    runAll(sim);
    expect(Math.max(...sim.world.firms.stage)).toBeLessThanOrEqual(1);
  });

  it('a firm with its threshold passed and certain success moves up one stage and restarts its stage clock', () => {
    const sim = smallSimulation({ upgrading: { hazard: 1 }, firm: { absorptiveMean: 0.99 } });
    const w = sim.world;
    const f = w.firms;
    f.stage[0] = 0;
    f.channels[0] = Channel.indirect;
    f.upgradeStock[0] = 1e6;
    f.absorptive[0] = 0.99;
    upgrading(w);
    expect(f.stage[0]).toBe(1);
    expect(f.ticksAtStage[0]).toBe(0);
  });
});

describe('exit and entry', () => {
  it('a firm insolvent for exitAfterTicks ticks is replaced by a stage-0 entrant with a new id', () => {
    const sim = smallSimulation({ firm: { exitAfterTicks: 2 } });
    const w = sim.world;
    const f = w.firms;
    const oldId = f.id[5]!;
    f.cash.fill(1e6); // everyone else solvent
    w.ledger.exits = w.ledger.entries = 0;
    f.stage[5] = 2;
    f.cash[5] = -100;
    f.insolventTicks[5] = 1;
    exitAndEntry(w);
    expect(f.id[5]).not.toBe(oldId);
    expect(f.stage[5]).toBe(0);
    expect(f.channels[5]).toBe(0);
    expect(f.cash[5]).toBeGreaterThan(0);
    expect(w.ledger.exits).toBe(1);
    expect(w.ledger.entries).toBe(1);
  });

  it('an entrant starts with every field it does not draw as a new population starts it (founding firms skip the reset)', () => {
    const sim = smallSimulation({ firm: { exitAfterTicks: 1 } });
    const w = sim.world;
    const f = w.firms;
    const fresh = createFirms(1, f.markets, w.scenario.ticksPerYear);
    const drawn = new Set(['id', 'region', 'productivity', 'stage', 'digital', 'absorptive', 'cash', 'lowInitialCash', 'opportunist', 'categories', 'marketFit', 'digitalAtEntry']);
    const columns = Object.entries(f).filter(([, v]) => ArrayBuffer.isView(v)) as [string, Float64Array][];
    const width = (a: Float64Array) => a.length / f.capacity;
    f.cash.fill(1e6); // everyone else solvent
    for (const [, a] of columns) a.fill(7, 5 * width(a), 6 * width(a)); // what the previous firm left
    f.cash[5] = -100;
    exitAndEntry(w);
    for (const [name, a] of columns) {
      if (drawn.has(name)) continue;
      const slot = Array.from(a.subarray(5 * width(a), 6 * width(a)));
      expect(slot, name).toEqual(Array.from((fresh as unknown as Record<string, Float64Array>)[name]!));
    }
  });
});

describe('matching', () => {
  it('buyers’ spending equals what SMEs are paid plus commission, intermediary margin and logistics, every tick', () => {
    const sim = smallSimulation({ ticks: 36 });
    while (!sim.done) {
      sim.step();
      const L = sim.world.ledger;
      expect(Math.abs(L.buyerSpending - (L.receipts + L.commission + L.intermediaryMargin + L.logistics))).toBeLessThanOrEqual(1e-9 * Math.max(1, L.buyerSpending));
    }
  });

  it('sales only happen through channels a firm uses', () => {
    const sim = smallSimulation({ platform: { enabled: false } });
    runAll(sim);
    const f = sim.world.firms;
    for (let i = 0; i < f.capacity; i++) {
      expect(f.platformReceipts[i]).toBe(0);
      if (!(f.channels[i]! & Channel.direct)) expect(f.directReceipts[i]).toBe(0);
    }
  });
});

describe('reporters', () => {
  it('value capture shares and the rest of final export value add up to one', () => {
    const rows = runAll(smallSimulation());
    for (const r of rows) {
      if (metric(r, 'exportValue') === 0) continue;
      const w = metric(r, 'smeValueShare') + metric(r, 'intermediaryValueShare') + metric(r, 'platformValueShare') + metric(r, 'logisticsValueShare');
      expect(w).toBeLessThanOrEqual(1 + 1e-9); // the rest is the cost of goods
      expect(metric(r, 'stageShare0') + metric(r, 'stageShare1') + metric(r, 'stageShare2') + metric(r, 'stageShare3')).toBeCloseTo(1, 12);
    }
  });

  it('sellers’ dependence is the platform’s part of its listed sellers’ export receipts, not of all exporters’', () => {
    const sim = smallSimulation();
    const f = sim.world.firms;
    let checked = 0;
    let aboveAllExporters = 0;
    while (!sim.done) {
      sim.step();
      let onPlatform = 0;
      let sellersExports = 0;
      let allExports = 0;
      for (let i = 0; i < f.capacity; i++) {
        allExports += f.exportReceipts[i]!;
        if (!(f.channels[i]! & Channel.platform)) continue;
        onPlatform += f.platformReceipts[i]!;
        sellersExports += f.exportReceipts[i]!;
      }
      if (sellersExports === 0) continue;
      const dependence = metric(sim.reporters.model, 'platformDependence');
      expect(dependence).toBeCloseTo(onPlatform / sellersExports, 12);
      // Exporters who never listed earn nothing on the platform: over all exporters the share would be smaller.
      if (dependence > onPlatform / allExports + 1e-9) aboveAllExporters++;
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(aboveAllExporters).toBeGreaterThan(0);
  });

  it('without a platform, platform metrics stay at zero', () => {
    const rows = runAll(smallSimulation({ platform: { enabled: false } }));
    for (const r of rows) {
      expect(metric(r, 'platformGmvShare')).toBe(0);
      expect(metric(r, 'platformSellerShare')).toBe(0);
      expect(metric(r, 'platformValueShare')).toBe(0);
      expect(metric(r, 'platformDependence')).toBe(0);
    }
  });
});
