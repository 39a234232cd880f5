/**
 * The panel study: runs a scenario for several seeds, aggregates each run's
 * regions to province-years, builds the ECI and estimates the paper's models
 * on every seed's panel, then pools the estimates across seeds.
 */
import { UserError } from '../../errors.js';
import { simulate } from '../../experiment/simulate.js';
import type { Scenario } from '../../model/params.js';
import { resolveRegions, type NamedRegion } from '../../model/regions.js';
import { medianSplit } from './groups.js';
import { ProvinceYearAggregator } from './province-years.js';
import { panelClaims, type PanelClaims } from './study-claims.js';
import { buildSeedPanel, type ProvinceTraits, type SeedPanel } from './study-data.js';
import { estimateSeed, REGION_GROUPS, withContext, type SeedEstimates } from './study-fit.js';
import { studyTables, type StudyTable } from './study-tables.js';

export interface PanelStudyOptions {
  /** Number of seeds (≥ 1). */
  readonly seeds: number;
  /** First seed; the study uses seedBase, seedBase + 1, … (default: the scenario's seed). */
  readonly seedBase?: number;
  /** Called after each seed with its index (0-based) and the seed. */
  readonly onSeed?: (done: number, seed: number) => void;
}

export interface PanelStudy {
  readonly scenario: string;
  readonly seeds: readonly number[];
  readonly firms: number;
  readonly provinces: number;
  readonly years: number;
  readonly panels: readonly SeedPanel[];
  readonly estimates: readonly SeedEstimates[];
  readonly tables: readonly StudyTable[];
  readonly claims: PanelClaims;
  readonly wallSeconds: number;
}

function studySeeds(opts: PanelStudyOptions, scenario: Scenario): number[] {
  if (!Number.isInteger(opts.seeds) || opts.seeds < 1) throw new UserError(`--seeds must be a whole number ≥ 1, got ${opts.seeds}`);
  const base = opts.seedBase ?? scenario.seed;
  if (!Number.isSafeInteger(base) || base < 0) throw new UserError(`--seed-base must be a whole number ≥ 0, got ${base}`);
  return Array.from({ length: opts.seeds }, (_, k) => base + k);
}

/** The study compares region groups (each needs two provinces or more) and finance-depth halves. */
function checkRegions(regions: readonly NamedRegion[], scenario: Scenario): void {
  const thin = REGION_GROUPS.filter((g) => regions.filter((r) => r.group === g).length < 2);
  if (thin.length > 0) {
    throw new UserError(`scenario '${scenario.name}' has fewer than two provinces in group ${thin.join(', ')}; the panel study compares east, central and west provinces`, 'use a scenario with regionPreset: provinces-30 (e.g. scenarios/provinces-30.yaml)');
  }
  if (new Set(medianSplit(regions.map((r) => r.financeDepth))).size < 2) {
    throw new UserError(`scenario '${scenario.name}' cannot be split into a high and a low finance-depth half: too many provinces share the median financeDepth`, 'give the provinces different regions.<name>.financeDepth values');
  }
  const years = Math.floor(scenario.ticks / scenario.ticksPerYear);
  if (years < 3) throw new UserError(`scenario '${scenario.name}' runs ${years} complete year(s); the panel study needs at least 3`, `set ticks to at least ${3 * scenario.ticksPerYear}`);
}

/** Checks the options and the scenario before anything runs; returns the seeds. */
export function checkPanelStudy(scenario: Scenario, opts: PanelStudyOptions): number[] {
  const seeds = studySeeds(opts, scenario);
  checkRegions(resolveRegions(scenario), scenario);
  return seeds;
}

/** Runs one seed and returns its province-year panel. */
function seedPanel(scenario: Scenario, regions: readonly NamedRegion[], seed: number): SeedPanel {
  const agg = new ProvinceYearAggregator(regions, scenario.ticksPerYear);
  for (const rec of simulate(scenario, seed)) agg.add(rec.tick, rec.regions);
  const traits = new Map<string, ProvinceTraits>(regions.map((r) => [r.name, { institutionQuality: r.institutionQuality }]));
  return buildSeedPanel(seed, agg.rows(), traits);
}

/** Runs the whole study; throws a UserError for unusable options, scenarios or data. */
export function runPanelStudy(scenario: Scenario, opts: PanelStudyOptions): PanelStudy {
  const seeds = checkPanelStudy(scenario, opts);
  const regions = resolveRegions(scenario);
  const started = performance.now();
  const panels: SeedPanel[] = [];
  const estimates: SeedEstimates[] = [];
  seeds.forEach((seed, k) => {
    const data = withContext(`seed ${seed}`, () => seedPanel(scenario, regions, seed));
    panels.push(data);
    estimates.push(withContext(`seed ${seed}`, () => estimateSeed(data)));
    opts.onSeed?.(k, seed);
  });
  return {
    scenario: scenario.name,
    seeds,
    firms: scenario.firms,
    provinces: regions.length,
    years: Math.floor(scenario.ticks / scenario.ticksPerYear),
    panels,
    estimates,
    tables: studyTables(estimates, panels),
    claims: panelClaims(estimates),
    wallSeconds: (performance.now() - started) / 1000,
  };
}
