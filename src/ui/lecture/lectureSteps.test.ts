import { describe, expect, it } from 'vitest';
import { lectureMethods, lectureThresholds, nearestIndex, stepIndex } from './lectureSteps';

describe('lecture steps', () => {
  it('walks the thresholds of the sweep and of the gallery together', () => {
    expect(lectureThresholds([0, 0.5, 0.9], [0, 0.1, 0.5])).toEqual([0, 0.1, 0.5, 0.9]);
    expect(lectureThresholds([], [])).toEqual([]);
  });

  it("pairs each sweep method with the gallery's row of it, by key or else by method", () => {
    const methods = lectureMethods(['gradient', 'integratedGradients{"steps":16}', 'random'], ['random', 'integratedGradients{"baseline":"black","steps":32}', 'sobel']);
    expect(methods).toEqual([
      { key: 'gradient', inSweep: true, galleryRow: null },
      { key: 'integratedGradients{"steps":16}', inSweep: true, galleryRow: 1 },
      { key: 'random', inSweep: true, galleryRow: 0 },
      { key: 'sobel', inSweep: false, galleryRow: 2 },
    ]);
  });

  it('prefers an exact key over the same method with other settings', () => {
    const methods = lectureMethods(['integratedGradients{"steps":8}', 'integratedGradients{"steps":16}'], ['integratedGradients{"steps":16}']);
    expect(methods.map((m) => m.galleryRow)).toEqual([null, 0]);
  });

  it('steps without leaving the list', () => {
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(1, 1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(0);
  });

  it('finds the nearest value', () => {
    expect(nearestIndex([0, 0.5, 0.9], 0.6)).toBe(1);
    expect(nearestIndex([0, 0.5, 0.9], 0.9)).toBe(2);
    expect(nearestIndex([], 0.5)).toBe(-1);
  });
});
