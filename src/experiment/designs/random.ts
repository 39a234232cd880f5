import seedrandom from 'seedrandom';

/** A uniform [0,1) generator; every random design draws only from one of these. */
export type Rng = () => number;

/** Deterministic generator for a seed (Alea via seedrandom): same seed, same stream. */
export function makeRng(seed: number): Rng {
  return seedrandom.alea(String(seed));
}

/** Random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}
