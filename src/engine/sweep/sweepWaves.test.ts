import { describe, expect, it } from 'vitest';
import { planWaves, rankingBytes } from './sweepWaves';
import { RANKINGS_BUDGET_BYTES } from '../defaults';

describe('ranking and retraining a few methods at a time', () => {
  it('keeps every method in one wave when their orders fit the budget', () => {
    expect(planWaves(['gradient', 'integratedGradients', 'random'], 6000)).toEqual([['gradient', 'integratedGradients', 'random']]);
  });

  it('splits a full-data sweep into waves within the budget, random first, every method once', () => {
    const keys = ['gradient', 'integratedGradients', 'guidedBackprop', 'smoothGradSquared', 'varGrad', 'sobel', 'random'];
    const waves = planWaves(keys, 70000);
    expect(rankingBytes(70000)).toBe(109_760_000);
    expect(waves[0][0]).toBe('random');
    expect(waves.flat().sort()).toEqual([...keys].sort());
    for (const w of waves) expect(w.length * rankingBytes(70000)).toBeLessThanOrEqual(RANKINGS_BUDGET_BYTES);
    expect(waves).toHaveLength(4);
  });

  it('holds one method at a time when even one exceeds the budget', () => {
    expect(planWaves(['a', 'b'], 70000, 1000)).toEqual([['a'], ['b']]);
  });
});
