/**
 * The simulated province-year panel of one seed: annual region metrics, the
 * cross-border e-commerce index (ECI) built from them by entropy weights, and
 * the derived variables the paper's models use.
 */
import { UserError } from '../../errors.js';
import { REGION_METRICS } from '../../model/reporters.js';
import { entropyIndex, type EntropyIndex } from './entropy.js';
import { entityMedianSplit } from './groups.js';
import { regionMetricIndex, type ProvinceYear } from './province-years.js';
import type { Panel } from './types.js';

/**
 * ECI components and the paper's index dimension each stands in for (its
 * Table 1: market size, supporting infrastructure, growth potential). All are
 * "larger is better". Adoption and infrastructure only: the model's platform
 * GMV per firm and platform share of exports are parts of the exports the
 * index is regressed on, so an index built from them would explain exports
 * with exports. That leaves growth potential without a stand-in.
 */
export const ECI_COMPONENTS = [
  { name: 'platformAdoption', dimension: 'market size' },
  { name: 'pilotZone', dimension: 'market size' },
  { name: 'logisticsAccess', dimension: 'infrastructure' },
  { name: 'meanDigital', dimension: 'infrastructure' },
] as const;

/** Province traits that are fixed for a run (from the scenario's regions). */
export interface ProvinceTraits {
  readonly institutionQuality: number;
}

/** Variables derived from the annual metrics, added to the panel beside them. */
export const DERIVED_VARIABLES = ['lnExports', 'eci', 'lnProductivity', 'lnFirms', 'institutionQuality'] as const;

export interface SeedPanel {
  readonly seed: number;
  readonly rows: readonly ProvinceYear[];
  /** Entity = province, time = year; vars = REGION_METRICS (annual) plus DERIVED_VARIABLES. */
  readonly panel: Panel;
  /** Region group (east/central/west) of each row. */
  readonly group: readonly string[];
  /** Finance-depth group of each row's province (median split over provinces). */
  readonly financeGroup: readonly ('high' | 'low')[];
  readonly eci: EntropyIndex;
}

function column(rows: readonly ProvinceYear[], name: string): number[] {
  const j = regionMetricIndex(name);
  return rows.map((r) => r.values[j]!);
}

/** ln of a metric that must be positive; a zero (e.g. a year without exports) is a UserError naming the province-year. */
function logOf(rows: readonly ProvinceYear[], name: string): number[] {
  return column(rows, name).map((v, i) => {
    if (v > 0) return Math.log(v);
    const r = rows[i]!;
    throw new UserError(`province ${r.province} has ${name} = ${v} in year ${r.year}, so ln(${name}) is undefined`, 'run with more firms (--firms) so every province exports every year');
  });
}

function buildEci(rows: readonly ProvinceYear[]): EntropyIndex {
  try {
    return entropyIndex(ECI_COMPONENTS.map((c) => ({ name: c.name, values: column(rows, c.name), direction: 'positive' as const })));
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`cannot build the ECI: ${err.message}`, 'the scenario needs an active platform and pilot zones that open during the run');
    throw err;
  }
}

/** Builds one seed's panel from its province-year rows and the provinces' fixed traits. */
export function buildSeedPanel(seed: number, rows: readonly ProvinceYear[], traits: ReadonlyMap<string, ProvinceTraits>): SeedPanel {
  const eci = buildEci(rows);
  const vars: Record<string, number[]> = Object.fromEntries(REGION_METRICS.map((m) => [m, column(rows, m)]));
  Object.assign(vars, {
    lnExports: logOf(rows, 'exports'),
    eci: [...eci.index],
    lnProductivity: logOf(rows, 'meanProductivity'),
    lnFirms: logOf(rows, 'firms'),
    institutionQuality: rows.map((r) => traits.get(r.province)!.institutionQuality),
  });
  const panel: Panel = { vars, entity: rows.map((r) => r.province), time: rows.map((r) => String(r.year)) };
  return { seed, rows, panel, group: rows.map((r) => r.group), financeGroup: entityMedianSplit(panel, vars.financeDepth!), eci };
}
