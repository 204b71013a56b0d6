import { describe, expect, it } from 'vitest';
import { incompleteBeta, mean, std, tTwoSidedP, welch } from './statistics';

describe('sweep statistics', () => {
  it('mean and sample standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 8);
    expect(std([0.5])).toBe(0);
    expect(mean([])).toBeNaN();
  });

  it('incomplete beta and Student t match known values', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    // t = 2.0 with 10 df: two-sided p = 0.07338803 (tables / scipy.stats.t.sf(2, 10) * 2).
    expect(tTwoSidedP(2, 10)).toBeCloseTo(0.0733880, 6);
    expect(tTwoSidedP(0, 5)).toBeCloseTo(1, 12);
  });

  it("Welch's t-test matches a hand-checked case", () => {
    // scipy.stats.ttest_ind([19.8,20.4,19.6,17.8,18.5,18.9,18.3,18.9,19.5,22.0],
    //   [28.2,26.6,20.1,23.3,25.2,22.1,17.7,27.6,20.6,13.7,23.2,17.5,20.6,18.0,23.9,21.6,24.3,20.4,23.9,13.3], equal_var=False)
    // → statistic −2.225512, df 24.5246, p 0.0354845.
    const a = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
    const b = [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3];
    const r = welch(a, b);
    expect(r.t).toBeCloseTo(-2.225512, 5);
    expect(r.df).toBeCloseTo(24.52463, 4);
    expect(r.p).toBeCloseTo(0.0354845, 6);
    expect(welch([1], [2, 3]).p).toBeNaN();
  });
});
