/** The upper tail of the binomial distribution, for PRIM's quasi-p-values. */

/** ln(k!) for k = 0…n, by summing logarithms (exact to rounding for the sizes PRIM sees). */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) out[k] = out[k - 1]! + Math.log(k);
  return out;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided binomial test of observing k
 * or more successes in n trials when each succeeds with probability p.
 * Summed in log space from the largest term, so tails down to ~1e-300 keep
 * their relative precision; smaller ones come out as 0.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && n >= 0)) throw new RangeError(`binomialUpperTail needs whole k and n ≥ 0, got k = ${k}, n = ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialUpperTail needs 0 ≤ p ≤ 1, got ${p}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lf = logFactorials(n);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const logTerm = (j: number) => lf[n]! - lf[j]! - lf[n - j]! + j * lp + (n - j) * lq;
  let max = -Infinity;
  for (let j = k; j <= n; j++) max = Math.max(max, logTerm(j));
  let sum = 0;
  for (let j = k; j <= n; j++) sum += Math.exp(logTerm(j) - max);
  return Math.min(1, Math.exp(max + Math.log(sum)));
}
