/**
 * The per-seed numbers the claims runner checks (claims C1–C4), as plain
 * arrays in seed order so a claim can test e.g. "positive and significant in
 * most seeds" without knowing the estimators.
 */
import type { MediationResult, MediationVerdict } from './mediation.js';
import { FINANCE_GROUPS, MEDIATORS, REGION_GROUPS, TREATMENT, type Mediator, type SeedEstimates } from './study-fit.js';
import type { Coefficient, PanelFit } from './types.js';

export interface Estimate {
  readonly estimate: number;
  readonly stdError: number;
  readonly p: number;
}

export interface MediationClaim {
  /** ECI coefficient without the mediator (total effect c). */
  readonly withoutMediator: readonly Estimate[];
  /** ECI coefficient with the mediator (direct effect c'). */
  readonly withMediator: readonly Estimate[];
  readonly a: readonly Estimate[];
  readonly b: readonly Estimate[];
  readonly sobelP: readonly number[];
  readonly verdicts: readonly MediationVerdict[];
}

export interface PanelClaims {
  readonly seeds: readonly number[];
  /** C1: ECI coefficient of the two-way FE benchmark (Table 4 column 3). */
  readonly c1: { readonly eciTwoWays: readonly Estimate[] };
  /** C2: mediation via industrial upgrading (inus) and R&D intensity (≈ the paper's Tec). */
  readonly c2: Readonly<Record<Mediator, MediationClaim>>;
  /** C3: ECI coefficient and mean annual exports per province-year, by region group. */
  readonly c3: {
    readonly eciByGroup: Readonly<Record<(typeof REGION_GROUPS)[number], readonly Estimate[]>>;
    readonly meanExportsByGroup: Readonly<Record<(typeof REGION_GROUPS)[number], readonly number[]>>;
  };
  /** C4: ECI coefficient in the high and low finance-depth groups. */
  readonly c4: Readonly<Record<(typeof FINANCE_GROUPS)[number], readonly Estimate[]>>;
}

function plain(c: Coefficient): Estimate {
  return { estimate: c.estimate, stdError: c.stdError, p: c.p };
}

function eci(fit: PanelFit): Estimate {
  return plain(fit.coefficients.find((c) => c.name === TREATMENT)!);
}

function mediationClaim(results: readonly MediationResult[]): MediationClaim {
  return {
    withoutMediator: results.map((r) => plain(r.total)),
    withMediator: results.map((r) => plain(r.direct)),
    a: results.map((r) => plain(r.a)),
    b: results.map((r) => plain(r.b)),
    sobelP: results.map((r) => r.sobel.p),
    verdicts: results.map((r) => r.verdict),
  };
}

function byGroup<G extends string, T>(groups: readonly G[], value: (g: G) => T): Record<G, T> {
  return Object.fromEntries(groups.map((g) => [g, value(g)])) as Record<G, T>;
}

export function panelClaims(est: readonly SeedEstimates[]): PanelClaims {
  return {
    seeds: est.map((e) => e.seed),
    c1: { eciTwoWays: est.map((e) => eci(e.benchmark.twoWays)) },
    c2: byGroup(MEDIATORS, (m) => mediationClaim(est.map((e) => e.mediation[m]))),
    c3: {
      eciByGroup: byGroup(REGION_GROUPS, (g) => est.map((e) => eci(e.byRegion.get(g)!))),
      meanExportsByGroup: byGroup(REGION_GROUPS, (g) => est.map((e) => e.meanExports.get(g)!)),
    },
    c4: byGroup(FINANCE_GROUPS, (g) => est.map((e) => eci(e.byFinance.get(g)!))),
  };
}
