/**
 * When sensitivity indices are noise: an index whose bootstrap interval is
 * wider than a stated tolerance, or (Sobol) whose estimate falls outside
 * [0, 1], cannot be read at this sample size. Interval widths shrink roughly
 * as 1/√N, so the sample that would bring the widest interval within the
 * tolerance is about N × (width / tolerance)².
 */
import type { Estimate } from './bootstrap.js';
import type { MorrisIndices } from './morris.js';
import type { SobolIndices } from './sobol.js';

/** Default tolerance: Sobol intervals at most 0.1 wide; Morris μ* intervals at most 10% of the largest μ*. */
export const DEFAULT_TOLERANCE = 0.1;

/** One index that cannot be read at this sample size, and why. */
export interface NoisyIndex {
  parameter: string;
  index: 'S1' | 'ST' | 'mu*';
  value: number;
  width: number;
  /** Wider than the tolerance; outside [0, 1] (Sobol only). */
  wide: boolean;
  outside: boolean;
}

/** The noisy indices and what sample would narrow them. */
export interface NoiseReport {
  /** The tolerance on interval width, in the index's units (Sobol: absolute; Morris: tolerance × largest μ*). */
  tolerance: number;
  noisy: NoisyIndex[];
  /** Base samples (Sobol N) or trajectories (Morris r) now, and about how many would bring every interval within the tolerance. */
  samples: number;
  samplesNeeded?: number;
}

const width = (e: Estimate) => e.high - e.low;

/** Samples that would bring an interval `w` wide down to `tol`, from `n` now (width ∝ 1/√n), rounded up. */
export function samplesFor(n: number, w: number, tol: number): number {
  return Math.ceil(n * (w / tol) ** 2);
}

function report(candidates: Omit<NoisyIndex, 'wide' | 'outside'>[], tolerance: number, samples: number, bounded: boolean): NoiseReport {
  const noisy = candidates
    .map((c) => ({ ...c, wide: Number.isFinite(c.width) && c.width > tolerance, outside: bounded && (c.value < 0 || c.value > 1) }))
    .filter((c) => c.wide || c.outside);
  const widest = Math.max(0, ...candidates.map((c) => (Number.isFinite(c.width) ? c.width : 0)));
  const samplesNeeded = widest > tolerance ? samplesFor(samples, widest, tolerance) : undefined;
  return { tolerance, noisy, samples, ...(samplesNeeded ? { samplesNeeded } : {}) };
}

/** Sobol S1 and ST that are too uncertain (interval wider than `tolerance`) or outside [0, 1]. */
export function sobolNoise(names: string[], r: SobolIndices, tolerance = DEFAULT_TOLERANCE): NoiseReport {
  const candidates = names.flatMap((parameter, i) =>
    (['S1', 'ST'] as const).map((index) => ({ parameter, index, value: r[index][i]!.value, width: width(r[index][i]!) })),
  );
  return report(candidates, tolerance, r.n, true);
}

/** Morris μ* whose interval is wider than `tolerance` × the largest μ* (μ* is in the output's units). */
export function morrisNoise(names: string[], r: MorrisIndices, tolerance = DEFAULT_TOLERANCE): NoiseReport {
  const scale = Math.max(...r.muStar.map((e) => e.value));
  const candidates = names.map((parameter, i) => ({ parameter, index: 'mu*' as const, value: r.muStar[i]!.value, width: width(r.muStar[i]!) }));
  return report(candidates, tolerance * scale, r.r, false);
}
