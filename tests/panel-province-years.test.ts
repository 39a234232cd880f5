import { corr } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { ProvinceYearAggregator, regionMetricIndex } from '../src/analysis/panel/province-years.js';
import { pool } from '../src/analysis/panel/study-pool.js';
import { UserError } from '../src/errors.js';
import { REGION_METRICS } from '../src/model/reporters.js';
import { regionPresets } from '../src/model/regions.js';
import { smallSimulation } from './support/small-world.js';

/** A region row (REGION_METRICS order) with the named metrics set and the rest 0. */
function row(values: Partial<Record<(typeof REGION_METRICS)[number], number>>): Float64Array {
  const r = new Float64Array(REGION_METRICS.length);
  for (const [name, v] of Object.entries(values)) r[regionMetricIndex(name)] = v;
  return r;
}

const provinces = [
  { name: 'A', group: 'east' },
  { name: 'B', group: 'west' },
];

describe('province-year aggregation', () => {
  // Three ticks per year, seven ticks: two complete years and one tick of a third.
  const agg = new ProvinceYearAggregator(provinces, 3);
  const a = [
    { exports: 1, pilotZone: 0, platformAdoption: 0.1, firms: 10 },
    { exports: 2, pilotZone: 0, platformAdoption: 0.2, firms: 10 },
    { exports: 3, pilotZone: 1, platformAdoption: 0.6, firms: 13 },
    { exports: 4, pilotZone: 1, platformAdoption: 0.3, firms: 10 },
    { exports: 5, pilotZone: 1, platformAdoption: 0.3, firms: 10 },
    { exports: 6, pilotZone: 1, platformAdoption: 0.3, firms: 10 },
    { exports: 100, pilotZone: 1, platformAdoption: 1, firms: 10 },
  ];
  a.forEach((values, tick) => agg.add(tick, [row(values), row({ exports: 10 * (tick + 1), inus: tick })]));
  const rows = agg.rows();
  const value = (province: string, year: number, metric: string) =>
    rows.find((r) => r.province === province && r.year === year)!.values[regionMetricIndex(metric)];

  it('keeps complete years only, ordered by province then year', () => {
    expect(rows.map((r) => `${r.province}${r.year}${r.group}`)).toEqual(['A1east', 'A2east', 'B1west', 'B2west']);
  });

  it('sums exports over the year', () => {
    expect(value('A', 1, 'exports')).toBe(6);
    expect(value('A', 2, 'exports')).toBe(15);
    expect(value('B', 2, 'exports')).toBe(40 + 50 + 60);
  });

  it('averages shares and indices; the pilot zone becomes the share of the year open', () => {
    expect(value('A', 1, 'pilotZone')).toBeCloseTo(1 / 3, 15);
    expect(value('A', 2, 'pilotZone')).toBe(1);
    expect(value('A', 1, 'platformAdoption')).toBeCloseTo(0.3, 15);
    expect(value('A', 1, 'firms')).toBe(11);
    expect(value('B', 2, 'inus')).toBe(4);
  });

  it('rejects a bad year length', () => {
    expect(() => new ProvinceYearAggregator(provinces, 0)).toThrow(UserError);
  });
});

describe('pooling across seeds', () => {
  it('gives mean, sample sd, range and the number of seeds significant at 5%', () => {
    const p = pool([1, 2, 6], [0.01, 0.2, 0.049]);
    expect(p).toMatchObject({ mean: 3, min: 1, max: 6, significant: 2 });
    expect(p.sd).toBeCloseTo(Math.sqrt(7), 12);
    expect(pool([4]).sd).toBeNull();
    expect(pool([4]).significant).toBeNull();
  });
});

describe('logistics access, an ECI component', () => {
  const access = regionMetricIndex('logisticsAccess');

  /** Each region's logistics access at every tick of a small run. */
  function accessByTick(input: Parameters<typeof smallSimulation>[0]): { costs: number[]; rows: number[][] } {
    const sim = smallSimulation(input);
    const rows: number[][] = [];
    while (!sim.done) {
      sim.step();
      rows.push(sim.reporters.regions.map((r) => r[access]!));
    }
    return { costs: sim.world.regions.map((r) => r.logisticsCost), rows };
  }

  it('is what a parcel costs to send, whatever the region sells through the platform', () => {
    // Platform logistics at stage 1 ships at one cost from every region: access is 1 everywhere, every tick,
    // though the regions' platform shares of sales differ and change (weighted by them, inland access would be below 1).
    const platform = accessByTick({});
    expect(platform.costs.some((c) => c > 1)).toBe(true);
    for (const row of platform.rows) expect(row).toEqual(row.map(() => 1));
    // Without platform logistics (stage 0), each region's own logistics cost.
    const offline = accessByTick({ platform: { stage: 0 } });
    for (const row of offline.rows) expect(row).toEqual(offline.costs.map((c) => 1 / c));
  });
});

describe('the provinces-30 preset', () => {
  const provinces = regionPresets['provinces-30']();
  const groups = ['east', 'central', 'west'] as const;

  it('varies finance depth within each group apart from size and logistics cost', () => {
    for (const group of groups) {
      const g = provinces.filter((p) => p.group === group);
      const depth = g.map((p) => p.financeDepth);
      expect(Math.max(...depth) - Math.min(...depth), group).toBeGreaterThan(0.3);
      expect(Math.abs(Number(corr(depth, g.map((p) => p.firmShare)))), group).toBeLessThanOrEqual(0.34);
      expect(Math.abs(Number(corr(depth, g.map((p) => p.logisticsCost)))), group).toBeLessThanOrEqual(0.34);
    }
  });
});
