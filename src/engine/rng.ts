/**
 * Named, seeded random streams. Each stream is derived from (run seed, stream
 * name), so adding draws to one phase never shifts the draws of another, and
 * the same seed gives the same numbers on every machine.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal (Marsaglia's polar method: one pair per accepted point, the second kept for the next call). */
  normal(): number;
  /** Fills `out` with standard normals: the numbers `out.length` calls of `normal()` give, in order. */
  fillNormal(out: Float64Array): void;
  /** Poisson count with mean `lambda` (inversion for small means, PTRS for large). */
  poisson(lambda: number): number;
  /** Beta(a, b) via two gamma draws. */
  beta(a: number, b: number): number;
  /** Gamma(shape, 1) (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Pareto with minimum 1 and the given shape. */
  pareto(shape: number): number;
  /** Bernoulli trial. */
  chance(p: number): boolean;
}

export function createRng(seed: number, name: string): Rng {
  const u = seedrandom.alea(`${seed}/${name}`);
  // Guard against an exact 0 where a logarithm follows.
  const open = (): number => {
    let x = u();
    while (x === 0) x = u();
    return x;
  };
  // The polar method makes normals in pairs from a point in the unit disc, with
  // no trigonometry; the second of a pair is the stream's next normal. It waits
  // in a typed array: a number held in a closure would be boxed at every store.
  const pair = new Float64Array(2);
  let waiting = false;
  const polarPair = (): void => {
    let x: number;
    let y: number;
    let r: number;
    do {
      x = 2 * u() - 1;
      y = 2 * u() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const scale = Math.sqrt((-2 * Math.log(r)) / r);
    pair[0] = x * scale;
    pair[1] = y * scale;
  };
  const normal = (): number => {
    if (waiting) {
      waiting = false;
      return pair[1]!;
    }
    polarPair();
    waiting = true;
    return pair[0]!;
  };
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const w = open();
      if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    uniform: u,
    normal,
    // A loop of its own, so V8 inlines the draw and no number is boxed on the way out.
    fillNormal: (out) => {
      for (let k = 0; k < out.length; k++) out[k] = normal();
    },
    gamma,
    poisson: (lambda) => {
      // A non-finite mean is a bug upstream; the samplers below would never return on it.
      if (!Number.isFinite(lambda)) throw new RangeError(`poisson: the mean must be finite, got ${lambda}`);
      return lambda < 12 ? poissonInversion(u, lambda) : poissonPtrs(open, lambda);
    },
    beta: (a, b) => {
      const x = gamma(a);
      return x / (x + gamma(b));
    },
    pareto: (shape) => Math.pow(open(), -1 / shape),
    chance: (p) => u() < p,
  };
}

function poissonInversion(u: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  const x = u();
  while (x > cdf && k < 1000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/**
 * Hörmann (1993) transformed rejection with squeeze; exact for lambda ≥ 10.
 * Most draws pass the squeeze, so the logarithms of the full test are taken
 * only when it is reached.
 */
function poissonPtrs(u: () => number, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = u() - 0.5;
    const V = u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * Math.log(lambda) - logFactorial(k)) return k;
  }
}

const LOG_FACT = Float64Array.from({ length: 256 }, (_, k) => {
  let s = 0;
  for (let j = 2; j <= k; j++) s += Math.log(j);
  return s;
});

function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT[k]!;
  // Stirling series, accurate to ~1e-10 here.
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/** A family of named streams for one run. */
export class RngStreams {
  private readonly streams = new Map<string, Rng>();
  constructor(readonly seed: number) {}
  get(name: string): Rng {
    let s = this.streams.get(name);
    if (!s) {
      s = createRng(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}
