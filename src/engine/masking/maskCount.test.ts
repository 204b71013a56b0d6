import { describe, expect, it } from 'vitest';
import { PIXELS } from '../defaults';
import { pixelsToMask } from './maskCount';

describe('pixelsToMask', () => {
  it('gives ⌊t · 784⌋ at the thresholds of science.md §3', () => {
    expect([0, 0.1, 0.3, 0.5, 0.7, 0.9, 1].map(pixelsToMask)).toEqual([0, 78, 235, 392, 548, 705, 784]);
    expect(pixelsToMask(782 / 784)).toBe(782);
  });

  it('gives k for every fraction k / 784, despite rounding in the division', () => {
    for (let k = 0; k <= PIXELS; k++) expect(pixelsToMask(k / PIXELS)).toBe(k);
  });

  it('rounds down a fraction just below the next whole pixel', () => {
    expect(pixelsToMask(100.5 / PIXELS)).toBe(100);
    expect(pixelsToMask((101 - 1e-6) / PIXELS)).toBe(100);
  });

  it('rejects fractions outside [0, 1] and NaN with a RangeError', () => {
    for (const bad of [-0.1, 1.1, NaN, Infinity, -Infinity]) {
      expect(() => pixelsToMask(bad)).toThrow(RangeError);
    }
    expect(() => pixelsToMask(1.1)).toThrow(/from 0 to 1; got 1.1/);
  });
});
