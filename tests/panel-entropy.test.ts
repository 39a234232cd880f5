import { describe, expect, it } from 'vitest';
import { entropyIndex } from '../src/analysis/panel/entropy.js';
import { UserError } from '../src/errors.js';

describe('entropy-weight index', () => {
  /*
   * Worked by hand (n = 3, k = 1/ln 3, ln 3 = 1.0986122887):
   *   A positive [1, 2, 3]   → x' = (x−1)/2   = [0, 0.5, 1],  Σ = 1.5 → p = [0, 1/3, 2/3]
   *     e_A = −k(1/3·ln(1/3) + 2/3·ln(2/3)) = (ln3/3 + 2/3·ln1.5)/ln3
   *         = (0.3662040962 + 0.2703100721)/1.0986122887 = 0.5793801643
   *   B negative [10, 20, 40] → x' = (40−x)/30 = [1, 2/3, 0], Σ = 5/3 → p = [0.6, 0.4, 0]
   *     e_B = −k(0.6·ln0.6 + 0.4·ln0.4) = (0.3064953743 + 0.3665162928)/1.0986122887 = 0.6126016193
   *   d = 1 − e = [0.4206198357, 0.3873983807], Σd = 0.8080182164
   *   w = d/Σd = [0.5205573676, 0.4794426324]
   *   index = w_A·x'_A + w_B·x'_B = [0.4794426324, 0.2602786838 + 0.3196284216, 0.5205573676]
   *         = [0.4794426324, 0.5799071054, 0.5205573676]
   */
  const result = entropyIndex([
    { name: 'A', values: [1, 2, 3], direction: 'positive' },
    { name: 'B', values: [10, 20, 40], direction: 'negative' },
  ]);

  it('computes entropies and weights of the worked example', () => {
    expect(result.names).toEqual(['A', 'B']);
    expect(result.entropy[0]).toBeCloseTo(0.5793801643, 10);
    expect(result.entropy[1]).toBeCloseTo(0.6126016193, 10);
    expect(result.weights[0]).toBeCloseTo(0.5205573676, 10);
    expect(result.weights[1]).toBeCloseTo(0.4794426324, 10);
    expect(result.weights[0]! + result.weights[1]!).toBeCloseTo(1, 14);
  });

  it('computes the composite index of the worked example', () => {
    expect(result.index[0]).toBeCloseTo(0.4794426324, 10);
    expect(result.index[1]).toBeCloseTo(0.5799071054, 10);
    expect(result.index[2]).toBeCloseTo(0.5205573676, 10);
  });

  it('gives a more dispersed indicator more weight and is scale-free', () => {
    const even = [5, 6, 5, 6, 5, 6];
    const spiky = [0, 0, 0, 0, 0, 10];
    const r = entropyIndex([
      { name: 'even', values: even, direction: 'positive' },
      { name: 'spiky', values: spiky, direction: 'positive' },
    ]);
    expect(r.weights[1]).toBeGreaterThan(r.weights[0]!);
    const scaled = entropyIndex([
      { name: 'even', values: even.map((v) => 1000 * v + 7), direction: 'positive' },
      { name: 'spiky', values: spiky.map((v) => v / 3), direction: 'positive' },
    ]);
    scaled.weights.forEach((w, j) => expect(w).toBeCloseTo(r.weights[j]!, 12));
  });

  it('rejects constant indicators and ragged input with the indicator named', () => {
    expect(() => entropyIndex([{ name: 'flat', values: [2, 2, 2], direction: 'positive' }])).toThrow(/'flat' is constant/);
    expect(() =>
      entropyIndex([
        { name: 'a', values: [1, 2, 3], direction: 'positive' },
        { name: 'b', values: [1, 2], direction: 'positive' },
      ]),
    ).toThrow(UserError);
  });
});
