/** Spearman's ρ on cases worked by hand, with ties, constants and the |·| used by the sanity checks. */
import { describe, expect, test } from 'vitest';
import { averageRanks, mapCorrelations, spearman, summariseCorrelations } from './spearman';

describe('averageRanks', () => {
  test('gives 1-based ranks, equal values the mean of the ranks they span', () => {
    expect(Array.from(averageRanks([10, 20, 20, 20, 5]))).toEqual([2, 4, 4, 4, 1]);
    expect(Array.from(averageRanks([3, 1, 2]))).toEqual([3, 1, 2]);
    expect(Array.from(averageRanks([0, 0, 0, 0]))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
});

describe('spearman', () => {
  test('is 1 for the same order and −1 for the reversed one, whatever the scale', () => {
    const a = [0.1, 5, 2, 9, -3, 4];
    expect(spearman(a, a)).toBe(1);
    expect(spearman(a, a.map((v) => 1000 * v ** 3))).toBeCloseTo(1, 12);
    expect(spearman(a, a.map((v) => -v))).toBeCloseTo(-1, 12);
  });

  test('matches 1 − 6Σd²/(n(n²−1)) without ties: [1..5] against [2,1,4,3,5] is 1 − 24/120 = 0.8', () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  test('with ties is Pearson of average ranks: [1,2,2,3] against [1,2,3,4] is 4.5/√22.5 = 3/√10 (scipy: 0.948683…)', () => {
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
    // The shortcut formula, wrong under ties, would give 1 − 6·0.5/60 = 0.95.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).not.toBeCloseTo(0.95, 4);
  });

  test('is undefined (NaN) when a map is constant, and refuses maps of different lengths', () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/different lengths/);
  });
});

describe('mapCorrelations and summariseCorrelations', () => {
  test('|maps| ignore the sign, signed maps do not; one value per image', () => {
    const a = Float32Array.from([1, -2, 3, -4, 0.5, 1, 2, 3]);
    const flipped = a.map((v) => -v);
    expect(mapCorrelations(a, flipped, 4, true)).toEqual([1, 1]);
    const signed = mapCorrelations(a, flipped, 4, false);
    expect(signed[0]).toBeCloseTo(-1, 12);
    expect(signed[1]).toBeCloseTo(-1, 12);
    expect(() => mapCorrelations(a, a.subarray(0, 6), 4, true)).toThrow(/batches/);
  });

  test('averages the defined values and counts the undefined ones apart', () => {
    const s = summariseCorrelations([1, 0.5, Number.NaN, 0]);
    expect(s.mean).toBeCloseTo(0.5, 12);
    expect(s.sd).toBeCloseTo(0.5, 12);
    expect(s).toMatchObject({ defined: 3, undefined: 1 });
    expect(summariseCorrelations([Number.NaN])).toEqual({ mean: null, sd: null, defined: 0, undefined: 1 });
  });
});
