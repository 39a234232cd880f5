/**
 * The paper's models estimated on one seed's simulated panel:
 *
 * - Table 4: lnExports on ECI by pooled OLS without and with controls, and with
 *   province and year fixed effects (two-way FE);
 * - Table 6: three-step mediation via `inus` (industrial upgrading) and via
 *   `rdIntensity` (technological innovation), two-way FE with controls;
 * - Table 7: two-way FE with controls within each region group;
 * - Table 8: two-way FE with controls within the high and low finance-depth
 *   halves of the provinces.
 *
 * Every model clusters standard errors by province (t with G − 1 df).
 */
import { UserError } from '../../errors.js';
import { fitByGroup } from './groups.js';
import { mediation, type MediationResult } from './mediation.js';
import { fitPanel } from './ols.js';
import type { SeedPanel } from './study-data.js';
import type { Effects, ModelSpec, PanelFit } from './types.js';

export const OUTCOME = 'lnExports';
export const TREATMENT = 'eci';

/**
 * Controls of the pooled model: analogues of the paper's ln GDP per capita
 * (lnProductivity), fiscal capacity (institutionQuality) and province size
 * (lnFirms, which the paper's per-capita controls leave out but a simulated
 * province's export total scales with).
 */
export const POOLED_CONTROLS = ['lnProductivity', 'institutionQuality', 'lnFirms'] as const;

/**
 * Controls of the fixed-effects models: only lnProductivity varies over time
 * within a simulated province; institution quality, firm count and finance
 * depth are fixed traits the province effects absorb.
 */
export const FE_CONTROLS = ['lnProductivity'] as const;

export const MEDIATORS = ['inus', 'rdIntensity'] as const;
export type Mediator = (typeof MEDIATORS)[number];

/** Region groups of Table 7 and finance-depth groups of Table 8, in display order. */
export const REGION_GROUPS = ['east', 'central', 'west'] as const;
export const FINANCE_GROUPS = ['high', 'low'] as const;

export interface SeedEstimates {
  readonly seed: number;
  readonly benchmark: { readonly pooled: PanelFit; readonly controls: PanelFit; readonly twoWays: PanelFit };
  readonly mediation: Readonly<Record<Mediator, MediationResult>>;
  /** Two-way FE within each region group, by group label. */
  readonly byRegion: ReadonlyMap<string, PanelFit>;
  /** Mean annual exports per province-year in each region group. */
  readonly meanExports: ReadonlyMap<string, number>;
  /** Two-way FE within the `high` and `low` finance-depth groups. */
  readonly byFinance: ReadonlyMap<string, PanelFit>;
}

/** Runs `step`, prefixing a UserError's message with `context` (the table or seed it arose in). */
export function withContext<T>(context: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${context}: ${err.message}`, err.hint);
    throw err;
  }
}

function spec(data: SeedPanel, effects: Effects, controls: readonly string[]): ModelSpec {
  return { y: OUTCOME, x: [TREATMENT, ...controls], effects, cluster: { name: 'province', labels: data.panel.entity } };
}

function meanBy(values: readonly number[], groups: readonly string[]): Map<string, number> {
  const acc = new Map<string, { sum: number; n: number }>();
  groups.forEach((g, i) => {
    const a = acc.get(g) ?? { sum: 0, n: 0 };
    acc.set(g, { sum: a.sum + values[i]!, n: a.n + 1 });
  });
  return new Map([...acc].map(([g, a]) => [g, a.sum / a.n]));
}

/** Estimates every table's models on one seed's panel. */
export function estimateSeed(data: SeedPanel): SeedEstimates {
  const { panel } = data;
  const fe = spec(data, 'twoways', FE_CONTROLS);
  const benchmark = withContext('Table 4', () => ({
    pooled: fitPanel(panel, spec(data, 'none', [])),
    controls: fitPanel(panel, spec(data, 'none', POOLED_CONTROLS)),
    twoWays: fitPanel(panel, fe),
  }));
  const mediate = (m: Mediator) => mediation(panel, { x: TREATMENT, m, y: OUTCOME, controls: FE_CONTROLS, effects: 'twoways', cluster: fe.cluster! });
  return {
    seed: data.seed,
    benchmark,
    mediation: withContext('Table 6', () => ({ inus: mediate('inus'), rdIntensity: mediate('rdIntensity') })),
    byRegion: withContext('Table 7', () => fitByGroup(panel, data.group, fe)),
    meanExports: meanBy(panel.vars.exports!, data.group),
    byFinance: withContext('Table 8', () => fitByGroup(panel, data.financeGroup, fe)),
  };
}
