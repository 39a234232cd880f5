/**
 * Judging a claim: effects per seed pair (common random numbers: both sides
 * ran on the same seeds), their mean and 95% CI, and a verdict —
 * `reproduced` when the CI lies on the expected side of zero, `not reproduced`
 * when it lies on the other side, `inconclusive` when it straddles zero.
 */
import { MODEL_METRICS, REGION_METRICS } from '../model/reporters.js';
import { meanCi, type MeanCi } from '../report/series.js';
import type { Check, Claim, MetricRead, Verdict } from './catalog.js';
import type { RunDigest } from './digest.js';

/** Digests by variant file, one per seed in seed order. */
export type Digests = Map<string, RunDigest[]>;

export interface CheckResult {
  check: Check;
  /** Mean and CI of the metric per variant, in the order the expectation lists them. */
  levels: { variant: string; value: MeanCi }[];
  /** The judged effects: one for up/down/rises/greater-than, one per step for monotone-up, interior-vs-ends for inverted-u. */
  effects: { label: string; value: MeanCi }[];
  verdict: Verdict;
}

export interface ClaimResult {
  claim: Claim;
  checks: CheckResult[];
  verdict: Verdict;
  seeds: number;
}

type Year = 'firstYear' | 'finalYear';

function modelIndex(name: string): number {
  return (MODEL_METRICS as readonly string[]).indexOf(name);
}

/** The number a metric read gives for one run. */
export function readMetric(m: MetricRead, d: RunDigest, year: Year = 'finalYear'): number {
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

function values(digests: Digests, variant: string, f: (d: RunDigest) => number): number[] {
  const runs = digests.get(variant);
  if (!runs) throw new Error(`no runs for ${variant}`);
  return runs.map(f);
}

const paired = (a: number[], b: number[]) => meanCi(b.map((x, k) => x - a[k]!));

/** Combines check verdicts: all reproduced → reproduced; any contradicted → not reproduced. */
export function combine(verdicts: Verdict[]): Verdict {
  if (verdicts.length > 0 && verdicts.every((v) => v === 'reproduced')) return 'reproduced';
  return verdicts.includes('not reproduced') ? 'not reproduced' : 'inconclusive';
}

export function judgeCheck(check: Check, digests: Digests): CheckResult {
  const e = check.expect;
  const read = (d: RunDigest) => readMetric(check.metric, d);
  if (e.kind === 'up' || e.kind === 'down') {
    const [a, b] = e.variants.map((v) => values(digests, v, read)) as [number[], number[]];
    const effect = paired(a, b);
    return {
      check,
      levels: e.variants.map((v, k) => ({ variant: v, value: meanCi([a, b][k]!) })),
      effects: [{ label: `${e.variants[1]} − ${e.variants[0]}`, value: effect }],
      verdict: signVerdict(e.kind === 'up' ? effect : negate(effect)),
    };
  }
  if (e.kind === 'monotone-up') {
    const series = e.variants.map((v) => values(digests, v, read));
    const steps = series.slice(1).map((s, k) => ({ label: `${e.variants[k + 1]} − ${e.variants[k]}`, value: paired(series[k]!, s) }));
    return { check, levels: e.variants.map((v, k) => ({ variant: v, value: meanCi(series[k]!) })), effects: steps, verdict: combine(steps.map((s) => signVerdict(s.value))) };
  }
  if (e.kind === 'inverted-u') return judgeInvertedU(check, e.variants, digests);
  if (e.kind === 'rises-over-time') {
    const rise = values(digests, e.variant, (d) => readMetric(check.metric, d, 'finalYear') - readMetric(check.metric, d, 'firstYear'));
    const value = meanCi(rise);
    return { check, levels: [{ variant: e.variant, value: meanCi(values(digests, e.variant, read)) }], effects: [{ label: 'final year − first year', value }], verdict: signVerdict(value) };
  }
  const gap = values(digests, e.variant, (d) => regionRead(check.metric, d, e.a) - regionRead(check.metric, d, e.b));
  const value = meanCi(gap);
  return {
    check,
    levels: [e.a, e.b].map((g) => ({ variant: `${e.variant} (${g})`, value: meanCi(values(digests, e.variant, (d) => regionRead(check.metric, d, g))) })),
    effects: [{ label: `${e.a} − ${e.b}`, value }],
    verdict: signVerdict(value),
  };
}

/**
 * Inverted U: the highest interior level must exceed both ends with CIs that
 * do not overlap. A maximum at an end whose CI clears every interior level
 * contradicts the shape.
 */
function judgeInvertedU(check: Check, variants: string[], digests: Digests): CheckResult {
  const levels = variants.map((v) => ({ variant: v, value: meanCi(values(digests, v, (d) => readMetric(check.metric, d))) }));
  const interior = levels.slice(1, -1);
  const peak = interior.reduce((best, l) => (l.value.mean > best.value.mean ? l : best), interior[0]!);
  const ends = [levels[0]!, levels[levels.length - 1]!];
  const clears = (a: MeanCi, b: MeanCi) => a.lo !== undefined && b.hi !== undefined && a.lo > b.hi;
  const effects = ends.map((end) => ({ label: `${peak.variant} − ${end.variant}`, value: { n: peak.value.n, mean: peak.value.mean - end.value.mean, lo: (peak.value.lo ?? NaN) - (end.value.hi ?? NaN), hi: (peak.value.hi ?? NaN) - (end.value.lo ?? NaN) } }));
  let verdict: Verdict = 'inconclusive';
  if (ends.every((end) => clears(peak.value, end.value))) verdict = 'reproduced';
  else if (ends.some((end) => interior.every((l) => clears(end.value, l.value)))) verdict = 'not reproduced';
  return { check, levels, effects, verdict };
}

export function judgeClaim(claim: Claim, digests: Digests, seeds: number): ClaimResult {
  const checks = claim.checks.map((ch) => judgeCheck(ch, digests));
  return { claim, checks, verdict: combine(checks.map((c) => c.verdict)), seeds };
}
