/**
 * Region presets and their resolution: a preset gives named regions, the
 * scenario's `regions.<name>` entries override them key by key.
 */
import type { Region, Scenario } from './params.js';

export interface NamedRegion extends Region {
  name: string;
}

type Group = Region['group'];

/** Group means: the east has better logistics, finance, institutions and digital infrastructure. */
const GROUP_PROFILE: Record<Group, Omit<Region, 'group' | 'firmShare' | 'pilotZone' | 'logisticsSubsidy'>> = {
  east: { wage: 1.0, logisticsCost: 1.0, digitalInfra: 0.75, financeDepth: 0.7, institutionQuality: 0.75 },
  central: { wage: 1.0, logisticsCost: 1.45, digitalInfra: 0.5, financeDepth: 0.45, institutionQuality: 0.55 },
  west: { wage: 1.0, logisticsCost: 1.75, digitalInfra: 0.4, financeDepth: 0.35, institutionQuality: 0.45 },
};

function threeRegions(): NamedRegion[] {
  return [
    { name: 'east', group: 'east', firmShare: 0.55, pilotZone: true, logisticsSubsidy: 0, ...GROUP_PROFILE.east },
    { name: 'central', group: 'central', firmShare: 0.27, pilotZone: null, logisticsSubsidy: 0, ...GROUP_PROFILE.central },
    { name: 'west', group: 'west', firmShare: 0.18, pilotZone: null, logisticsSubsidy: 0, ...GROUP_PROFILE.west },
  ];
}

/**
 * Thirty provinces in three groups (11 east, 8 central, 11 west, as in a
 * 30-province panel). Province k of a group deviates from the group mean by a
 * fixed, evenly spread offset, so the preset needs no randomness. Pilot zones
 * open in waves: east first, then central, then west; a few never.
 */
function provinces30(): NamedRegion[] {
  const plan: Array<[Group, number, string, number[]]> = [
    ['east', 11, 'E', [0, 0, 12, 12, 24, 24, 36, 48, 48, 60, -1]],
    ['central', 8, 'C', [24, 36, 48, 48, 60, 72, 84, -1]],
    ['west', 11, 'W', [36, 48, 60, 60, 72, 84, 84, 96, 96, -1, -1]],
  ];
  const groupFirms: Record<Group, number> = { east: 0.55, central: 0.27, west: 0.18 };
  const out: NamedRegion[] = [];
  for (const [group, n, prefix, openings] of plan) {
    const p = GROUP_PROFILE[group];
    const spreads = evenOffsets(n, (k) => k); // −1 … +1
    const wobbles = evenOffsets(n, (k) => (k * 7) % n); // a second, decorrelated spread
    const depths = leastCorrelatedOffsets(n, [spreads, wobbles]); // a third, for finance alone
    for (let k = 0; k < n; k++) {
      const [spread, wobble, depth] = [spreads[k]!, wobbles[k]!, depths[k]!];
      const opening = openings[k]!;
      out.push({
        name: `${prefix}${String(k + 1).padStart(2, '0')}`,
        group,
        firmShare: (groupFirms[group] / n) * (1 + 0.5 * wobble),
        wage: p.wage * (1 + 0.08 * spread),
        logisticsCost: p.logisticsCost * (1 + 0.15 * wobble),
        digitalInfra: clamp01(p.digitalInfra + 0.12 * spread),
        financeDepth: clamp01(p.financeDepth + 0.2 * depth),
        institutionQuality: clamp01(p.institutionQuality + 0.1 * spread),
        pilotZone: opening < 0 ? null : opening,
        logisticsSubsidy: 0,
      });
    }
  }
  return out;
}

/** Offsets 2·order(k)/(n − 1) − 1 of the n provinces of a group: evenly spaced over [−1, 1] in the given order. */
function evenOffsets(n: number, order: (k: number) => number): number[] {
  return Array.from({ length: n }, (_, k) => (n === 1 ? 0 : (order(k) / (n - 1)) * 2 - 1));
}

/**
 * Of the evenly spaced offsets in the orders (a·k + b) mod n, those least
 * correlated with `others` (the largest |correlation| smallest; the first a,
 * then b, on a tie). Finance depth takes them, so that within a group it does
 * not move with a province's size, wage or logistics cost, and a split on it
 * is not a split on them.
 */
function leastCorrelatedOffsets(n: number, others: number[][]): number[] {
  let best = evenOffsets(n, () => 0);
  let worst = Infinity;
  for (let a = 1; a < n; a++) {
    if (gcd(a, n) !== 1) continue;
    for (let b = 0; b < n; b++) {
      const offsets = evenOffsets(n, (k) => (a * k + b) % n);
      const r = Math.max(...others.map((o) => Math.abs(correlation(offsets, o))));
      if (r < worst - 1e-12) [best, worst] = [offsets, r];
    }
  }
  return best;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function correlation(x: number[], y: number[]): number {
  const mean = (v: number[]) => v.reduce((s, e) => s + e, 0) / v.length;
  const mx = mean(x), my = mean(y);
  let xy = 0, xx = 0, yy = 0;
  x.forEach((_, i) => {
    xy += (x[i]! - mx) * (y[i]! - my);
    xx += (x[i]! - mx) ** 2;
    yy += (y[i]! - my) ** 2;
  });
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export const regionPresets: Record<Scenario['regionPreset'], () => NamedRegion[]> = {
  'three-regions': threeRegions,
  'provinces-30': provinces30,
};

/** Names of the regions a preset defines (for validation and suggestions). */
export function presetRegionNames(preset: Scenario['regionPreset']): string[] {
  return regionPresets[preset]().map((r) => r.name);
}

/** The preset's regions with the scenario's overrides applied; firm shares normalised to 1. */
export function resolveRegions(s: Pick<Scenario, 'regionPreset' | 'regions'>): NamedRegion[] {
  const regions = regionPresets[s.regionPreset]().map((r) => ({ ...r, ...stripUndefined(s.regions[r.name] ?? {}) }));
  const total = regions.reduce((a, r) => a + r.firmShare, 0);
  return regions.map((r) => ({ ...r, firmShare: total > 0 ? r.firmShare / total : 1 / regions.length }));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Whether a region's pilot zone is open at a tick. */
export function pilotZoneOpen(r: Region, tick: number): boolean {
  return r.pilotZone === true || (typeof r.pilotZone === 'number' && tick >= r.pilotZone);
}
