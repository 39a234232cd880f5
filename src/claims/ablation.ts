/**
 * Ablations (`gvc-sim claims --ablate`): for each claim with an `ablation`,
 * the input that could encode it is neutralised in every variant of its
 * contrast, and the claim is judged again on the same seeds, its checks one
 * family with Holm's correction as without the ablation. The ablated check
 * survives when it keeps the verdict it has at the defaults and, where that
 * verdict is resolved, at least a tenth of the effect: the claim then comes
 * out through its mechanism, not through that input. An effect cut to a
 * sliver (a second-order channel resolved by many seeds) counts as removed.
 */
import type { Ablation, Check, Claim, Expectation } from './catalog.js';
import { judgeClaim, type CheckResult, type Evidence } from './judge.js';
import type { DerivedVariant } from './runner.js';

export interface AblationResult {
  claim: Claim;
  ablation: Ablation;
  /** Index of the judged check in `claim.checks`. */
  check: number;
  /** The check judged without the ablation and with it, each at its Holm level within its claim. */
  defaults: CheckResult;
  ablated: CheckResult;
  /** The smallest share of an effect the ablation leaves (ablated mean / mean at the defaults, over the check's effects). */
  remaining: number;
  survives: boolean;
  seeds: number;
}

/** Below this share of its effect at the defaults, an ablated effect counts as removed, whatever its interval. */
export const MIN_REMAINING = 0.1;

/** The smallest ratio, effect by effect, of the ablated check's means to the defaults'. */
export function remainingShare(defaults: CheckResult, ablated: CheckResult): number {
  return Math.min(...defaults.effects.map((e, k) => ablated.effects[k]!.value.mean / e.value.mean));
}

/** Whether an ablated check keeps its verdict at the defaults and, when that is resolved, enough of its effect. */
export function survivesAblation(defaults: CheckResult, ablated: CheckResult): boolean {
  if (ablated.verdict !== defaults.verdict) return false;
  return defaults.verdict === 'inconclusive' || remainingShare(defaults, ablated) >= MIN_REMAINING;
}

/** The name an ablated variant goes by: the file and the claim whose ablation it carries. */
export const ablatedName = (file: string, id: string) => `${file} (${id} ablated)`;

function renameVariants(e: Expectation, id: string): Expectation {
  if ('variants' in e) return { ...e, variants: e.variants.map((v) => ablatedName(v, id)) } as Expectation;
  return { ...e, variant: ablatedName(e.variant, id) };
}

/**
 * The claim with its ablation on every variant: the same checks read on
 * variants renamed by {@link ablatedName}, and the derived variants to run
 * (each a file with the ablation's overrides on top).
 */
export function ablatedClaim(claim: Claim): { claim: Claim; derived: Map<string, DerivedVariant> } {
  const a = claim.ablation;
  if (!a) throw new Error(`${claim.id} has no ablation`);
  const derived = new Map<string, DerivedVariant>();
  const checks: Check[] = claim.checks.map((ch) => {
    if ('panel' in ch.metric) throw new Error(`${claim.id}: a panel check cannot be ablated`);
    const e = ch.expect;
    for (const file of 'variants' in e ? e.variants : [e.variant]) derived.set(ablatedName(file, claim.id), { file, set: a.set });
    return { ...ch, expect: renameVariants(e, claim.id) };
  });
  // Judged as a plain claim: an assumption's verdict would hide its checks'.
  return { claim: { ...claim, checks, assumption: undefined }, derived };
}

/** Every ablated claim of a selection, and all the derived variants they need. */
export function ablationPlan(claims: readonly Claim[]): { ablated: Claim[]; derived: Map<string, DerivedVariant> } {
  const derived = new Map<string, DerivedVariant>();
  const ablated = claims.filter((c) => c.ablation).map((c) => {
    const made = ablatedClaim(c);
    made.derived.forEach((v, k) => derived.set(k, v));
    return made.claim;
  });
  return { ablated, derived };
}

/**
 * Judges a claim without and with its ablation (both in `evidence`), and
 * compares the ablated check with the same check at the defaults.
 */
export function judgeAblation(claim: Claim, ablated: Claim, evidence: Evidence, seeds: number): AblationResult {
  const ablation = claim.ablation!;
  const k = ablation.check ?? 0;
  if (!claim.checks[k]) throw new Error(`${claim.id}: the ablation names check ${k}, which it does not have`);
  const defaults = judgeClaim({ ...claim, assumption: undefined }, evidence, seeds).checks[k]!;
  const after = judgeClaim(ablated, evidence, seeds).checks[k]!;
  return { claim, ablation, check: k, defaults, ablated: after, remaining: remainingShare(defaults, after), survives: survivesAblation(defaults, after), seeds };
}
