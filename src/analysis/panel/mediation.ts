/**
 * Three-step mediation analysis (Baron & Kenny 1986) with a Sobel (1982) test,
 * each step estimated with the same panel estimator (effects, clustering).
 *
 *   step 1  y = c·x  + controls           total effect c
 *   step 2  m = a·x  + controls           effect of x on the mediator
 *   step 3  y = c'·x + b·m + controls     direct effect c', mediator effect b
 *
 * Indirect effect a·b; Sobel z = a·b / √(b²·se_a² + a²·se_b²), two-sided
 * normal p-value.
 */
import { normalTwoSided } from '../distributions.js';
import { fitPanel } from './ols.js';
import type { ClusterSpec, Coefficient, Effects, Panel, PanelFit } from './types.js';

export interface MediationSpec {
  readonly x: string;
  readonly m: string;
  readonly y: string;
  readonly controls?: readonly string[];
  readonly effects: Effects;
  readonly cluster?: ClusterSpec;
  /** Significance level of the step tests (default 0.05). */
  readonly alpha?: number;
}

/**
 * `full`: a and b significant, c' not; `partial`: c, a, b and c' all
 * significant; `none`: anything else (including a or b insignificant, or an
 * insignificant total effect c with a significant direct effect c').
 */
export type MediationVerdict = 'full' | 'partial' | 'none';

export interface MediationResult {
  readonly total: Coefficient;
  readonly a: Coefficient;
  readonly b: Coefficient;
  readonly direct: Coefficient;
  readonly indirect: number;
  readonly sobel: { readonly z: number; readonly stdError: number; readonly p: number };
  /** Share of the total effect that runs through the mediator, a·b / c (with OLS on one sample c = c' + a·b exactly). */
  readonly mediatedShare: number;
  readonly verdict: MediationVerdict;
  readonly fits: { readonly total: PanelFit; readonly mediator: PanelFit; readonly outcome: PanelFit };
}

function coefficient(fit: PanelFit, name: string): Coefficient {
  return fit.coefficients.find((c) => c.name === name)!;
}

export function mediationVerdict(total: Coefficient, a: Coefficient, b: Coefficient, direct: Coefficient, alpha: number): MediationVerdict {
  const sig = (c: Coefficient) => c.p < alpha;
  if (!sig(a) || !sig(b)) return 'none';
  if (!sig(direct)) return 'full';
  return sig(total) ? 'partial' : 'none';
}

export function mediation(panel: Panel, spec: MediationSpec): MediationResult {
  const controls = spec.controls ?? [];
  const common = { effects: spec.effects, ...(spec.cluster ? { cluster: spec.cluster } : {}) };
  const totalFit = fitPanel(panel, { y: spec.y, x: [spec.x, ...controls], ...common });
  const mediatorFit = fitPanel(panel, { y: spec.m, x: [spec.x, ...controls], ...common });
  const outcomeFit = fitPanel(panel, { y: spec.y, x: [spec.x, spec.m, ...controls], ...common });
  const total = coefficient(totalFit, spec.x);
  const a = coefficient(mediatorFit, spec.x);
  const b = coefficient(outcomeFit, spec.m);
  const direct = coefficient(outcomeFit, spec.x);
  const indirect = a.estimate * b.estimate;
  const stdError = Math.sqrt(b.estimate ** 2 * a.stdError ** 2 + a.estimate ** 2 * b.stdError ** 2);
  const z = indirect / stdError;
  return {
    total,
    a,
    b,
    direct,
    indirect,
    sobel: { z, stdError, p: normalTwoSided(z) },
    mediatedShare: indirect / total.estimate,
    verdict: mediationVerdict(total, a, b, direct, spec.alpha ?? 0.05),
    fits: { total: totalFit, mediator: mediatorFit, outcome: outcomeFit },
  };
}
