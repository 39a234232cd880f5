/**
 * Judging a claim: effects per seed pair (common random numbers: both sides
 * ran on the same seeds), their mean and CI, and a verdict — `reproduced`
 * when the CI lies on the expected side of zero, `not reproduced` when it
 * lies on the other side, `inconclusive` when it straddles zero. A claim's
 * checks are one family: Holm's step-down procedure sets each check's CI level
 * (the check with the smallest p-value at 1 − α/m, the next at 1 − α/(m − 1),
 * …, α = 0.05, m checks), and once one check is not resolved the checks after
 * it count as inconclusive.
 */
import { MODEL_METRICS, REGION_METRICS } from '../model/reporters.js';
import { meanCi, type MeanCi } from '../analysis/replications.js';
import { studentTQuantile, studentTTwoSided } from '../analysis/distributions.js';
import type { Check, Claim, MetricRead, PanelQuantity, Verdict } from './catalog.js';
import type { RunDigest } from './digest.js';
import type { PanelClaims } from '../analysis/panel/study-claims.js';
import { panelQuantity } from './panel.js';

/** What the runs produced: digests by variant file, one per seed in seed order; the panel study's estimates. */
export interface Evidence {
  runs: Map<string, RunDigest[]>;
  panel?: PanelClaims;
}

export interface CheckResult {
  check: Check;
  /** Mean and CI of the metric per variant, in the order the expectation lists them. */
  levels: { variant: string; value: MeanCi }[];
  /** The judged effects: one for up/down/rises/greater-than, one per step for monotone-up, interior-vs-ends for inverted-u. */
  effects: { label: string; value: MeanCi }[];
  verdict: Verdict;
  /** Confidence level the check was judged at (Holm's, within its claim). */
  level: number;
}

/** Family-wise error rate of a claim's checks. */
export const ALPHA = 0.05;

export interface ClaimResult {
  claim: Claim;
  checks: CheckResult[];
  verdict: Verdict;
  seeds: number;
}

type Year = 'firstYear' | 'middleYear' | 'finalYear';

function modelIndex(name: string): number {
  return (MODEL_METRICS as readonly string[]).indexOf(name);
}

/** The number a metric read gives for one run. */
export function readMetric(m: MetricRead, d: RunDigest, year: Year = 'finalYear'): number {
  if ('panel' in m) throw new Error('a panel quantity is not read from a run');
  if ('model' in m) return d[year][modelIndex(m.model)]!;
  if ('growthOf' in m) return d.finalYear[modelIndex(m.growthOf)]! / d.firstYear[modelIndex(m.growthOf)]! - 1;
  if ('product' in m) return d[year][modelIndex(m.product[0])]! * d[year][modelIndex(m.product[1])]!;
  return d.groups[m.group][(REGION_METRICS as readonly string[]).indexOf(m.region)]!;
}

function regionRead(m: MetricRead, d: RunDigest, group: 'east' | 'central' | 'west' | 'central+west'): number {
  if (!('region' in m)) throw new Error('a greater-than check needs a region metric');
  const j = (REGION_METRICS as readonly string[]).indexOf(m.region);
  return group === 'central+west' ? (d.groups.central[j]! + d.groups.west[j]!) / 2 : d.groups[group][j]!;
}

/** Verdict for an effect expected above zero. */
export function signVerdict(e: MeanCi): Verdict {
  if (e.lo === undefined || e.hi === undefined) return 'inconclusive';
  if (e.lo > 0) return 'reproduced';
  if (e.hi < 0) return 'not reproduced';
  return 'inconclusive';
}

const negate = (e: MeanCi): MeanCi => ({ n: e.n, mean: -e.mean, lo: e.hi === undefined ? undefined : -e.hi, hi: e.lo === undefined ? undefined : -e.lo });

function values(ev: Evidence, variant: string, f: (d: RunDigest) => number): number[] {
  const runs = ev.runs.get(variant);
  if (!runs) throw new Error(`no runs for ${variant}`);
  return runs.map(f);
}

const paired = (a: number[], b: number[], level: number) => meanCi(b.map((x, k) => x - a[k]!), level);

/** Combines check verdicts: all reproduced → reproduced; any contradicted → not reproduced. */
export function combine(verdicts: Verdict[]): Verdict {
  if (verdicts.length > 0 && verdicts.every((v) => v === 'reproduced')) return 'reproduced';
  return verdicts.includes('not reproduced') ? 'not reproduced' : 'inconclusive';
}

export function judgeCheck(check: Check, ev: Evidence, level = 1 - ALPHA): CheckResult {
  const e = check.expect;
  const ci = (v: number[]) => meanCi(v, level);
  if ('panel' in check.metric) return judgePanelCheck(check, check.metric.panel, ev, level);
  const read = (d: RunDigest) => readMetric(check.metric, d);
  if (e.kind === 'up' || e.kind === 'down') {
    const [a, b] = e.variants.map((v) => values(ev, v, read)) as [number[], number[]];
    const effect = paired(a, b, level);
    return {
      check,
      levels: e.variants.map((v, k) => ({ variant: v, value: ci([a, b][k]!) })),
      effects: [{ label: `${e.variants[1]} − ${e.variants[0]}`, value: effect }],
      verdict: signVerdict(e.kind === 'up' ? effect : negate(effect)),
      level,
    };
  }
  if (e.kind === 'monotone-up') {
    const series = e.variants.map((v) => values(ev, v, read));
    const steps = series.slice(1).map((s, k) => ({ label: `${e.variants[k + 1]} − ${e.variants[k]}`, value: paired(series[k]!, s, level) }));
    return { check, levels: e.variants.map((v, k) => ({ variant: v, value: ci(series[k]!) })), effects: steps, verdict: combine(steps.map((s) => signVerdict(s.value))), level };
  }
  if (e.kind === 'inverted-u') return judgeInvertedU(check, e.variants, ev, level);
  if (e.kind === 'interaction') {
    const [a0, a1, b0, b1] = e.variants.map((v) => values(ev, v, read)) as [number[], number[], number[], number[]];
    const value = ci(b1.map((x, k) => x - b0[k]! - (a1[k]! - a0[k]!)));
    const effects = [{ label: `(${e.variants[3]} − ${e.variants[2]}) − (${e.variants[1]} − ${e.variants[0]})`, value }];
    return { check, levels: e.variants.map((v, k) => ({ variant: v, value: ci([a0, a1, b0, b1][k]!) })), effects, verdict: signVerdict(value), level };
  }
  if (e.kind === 'rises-over-time') {
    // Over the second half of the run, after the launch years: the rise from launch would only measure uptake.
    const rise = values(ev, e.variant, (d) => readMetric(check.metric, d, 'finalYear') - readMetric(check.metric, d, 'middleYear'));
    const value = ci(rise);
    return { check, levels: [{ variant: e.variant, value: ci(values(ev, e.variant, read)) }], effects: [{ label: 'final year − middle year', value }], verdict: signVerdict(value), level };
  }
  if (e.kind === 'positive') throw new Error(`${check.label}: a 'positive' expectation needs a panel quantity`);
  const gap = values(ev, e.variant, (d) => regionRead(check.metric, d, e.a) - regionRead(check.metric, d, e.b));
  const value = ci(gap);
  return {
    check,
    levels: [e.a, e.b].map((g) => ({ variant: `${e.variant} (${g})`, value: ci(values(ev, e.variant, (d) => regionRead(check.metric, d, g))) })),
    effects: [{ label: `${e.a} − ${e.b}`, value }],
    verdict: signVerdict(value),
    level,
  };
}

/**
 * Inverted U: the highest interior level must exceed both ends with CIs that
 * do not overlap. A maximum at an end whose CI clears every interior level
 * contradicts the shape.
 */
function judgeInvertedU(check: Check, variants: string[], ev: Evidence, level: number): CheckResult {
  const levels = variants.map((v) => ({ variant: v, value: meanCi(values(ev, v, (d) => readMetric(check.metric, d)), level) }));
  const interior = levels.slice(1, -1);
  const peak = interior.reduce((best, l) => (l.value.mean > best.value.mean ? l : best), interior[0]!);
  const ends = [levels[0]!, levels[levels.length - 1]!];
  const clears = (a: MeanCi, b: MeanCi) => a.lo !== undefined && b.hi !== undefined && a.lo > b.hi;
  const effects = ends.map((end) => ({ label: `${peak.variant} − ${end.variant}`, value: { n: peak.value.n, mean: peak.value.mean - end.value.mean, lo: (peak.value.lo ?? NaN) - (end.value.hi ?? NaN), hi: (peak.value.hi ?? NaN) - (end.value.lo ?? NaN) } }));
  let verdict: Verdict = 'inconclusive';
  if (ends.every((end) => clears(peak.value, end.value))) verdict = 'reproduced';
  else if (ends.some((end) => interior.every((l) => clears(end.value, l.value)))) verdict = 'not reproduced';
  return { check, levels, effects, verdict, level };
}

function judgePanelCheck(check: Check, q: PanelQuantity, ev: Evidence, level: number): CheckResult {
  if (!ev.panel) throw new Error('the panel study did not run');
  const { values: effect, levels } = panelQuantity(q, ev.panel);
  const value = meanCi(effect, level);
  return { check, levels: levels.map((l) => ({ variant: l.label, value: meanCi(l.values, level) })), effects: [{ label: check.label, value }], verdict: signVerdict(value), level };
}

/** Standard error behind a t-based 95% CI (Infinity when there is no interval). */
function standardError(e: MeanCi): number {
  return e.lo === undefined || e.hi === undefined || e.n < 2 ? Infinity : (e.hi - e.lo) / (2 * studentTQuantile(0.975, e.n - 1));
}

/** Two-sided t-test p-value of a mean with standard error `se` on n − 1 degrees of freedom (1 when it has no spread to judge by). */
function tTest(mean: number, se: number, n: number): number {
  if (!Number.isFinite(se) || n < 2) return 1;
  if (!(se > 0)) return mean === 0 ? 1 : 0;
  return studentTTwoSided(mean / se, n - 1);
}

/**
 * A check's p-value: the largest over what must all hold (its effects; for an
 * inverted U, the peak against each end, as a difference of two means).
 */
function checkPValue(c: CheckResult): number {
  if (c.check.expect.kind !== 'inverted-u') return Math.max(...c.effects.map((e) => tTest(e.value.mean, standardError(e.value), e.value.n)));
  const [first, last] = [c.levels[0]!.value, c.levels[c.levels.length - 1]!.value];
  const peak = c.levels.slice(1, -1).reduce((best, l) => (l.value.mean > best.mean ? l.value : best), c.levels[1]!.value);
  const againstPeak = (end: MeanCi) => tTest(peak.mean - end.mean, Math.hypot(standardError(peak), standardError(end)), peak.n);
  return Math.max(againstPeak(first), againstPeak(last));
}

/** Judges a claim's checks as one family (Holm), then combines their verdicts. */
export function judgeClaim(claim: Claim, ev: Evidence, seeds: number): ClaimResult {
  const first = claim.checks.map((ch) => judgeCheck(ch, ev));
  const order = first.map((c, k) => ({ k, p: checkPValue(c) })).sort((a, b) => a.p - b.p || a.k - b.k);
  const checks = new Array<CheckResult>(first.length);
  let retained = false;
  order.forEach(({ k }, rank) => {
    const judged = judgeCheck(claim.checks[k]!, ev, 1 - ALPHA / (first.length - rank));
    checks[k] = retained && judged.verdict !== 'inconclusive' ? { ...judged, verdict: 'inconclusive' } : judged;
    if (judged.verdict === 'inconclusive') retained = true;
  });
  return { claim, checks, verdict: claim.assumption ? 'assumption' : combine(checks.map((c) => c.verdict)), seeds };
}
