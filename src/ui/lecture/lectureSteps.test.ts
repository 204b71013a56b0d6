import { describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../engine/attribution/methodSpec';
import { lectureMethods, lectureThresholds, nearestIndex, stepIndex } from './lectureSteps';

describe('lecture steps', () => {
  it('walks the thresholds of the sweep and of the gallery together', () => {
    expect(lectureThresholds([0, 0.5, 0.9], [0, 0.1, 0.5])).toEqual([0, 0.1, 0.5, 0.9]);
    expect(lectureThresholds([], [])).toEqual([]);
  });

  const ig = (steps: number, baseline?: string): MethodSpec => ({ id: 'integratedGradients', params: baseline ? { baseline, steps } : { steps } });
  const plain = (id: MethodSpec['id']): MethodSpec => ({ id, params: {} });

  it("pairs each sweep method with the gallery's row of it, by settings or else by method", () => {
    const methods = lectureMethods([plain('gradient'), ig(16), plain('random')], [plain('random'), ig(32, 'black'), plain('sobel')]);
    expect(methods.map(({ key, inSweep, galleryRow }) => ({ key, inSweep, galleryRow }))).toEqual([
      { key: 'gradient', inSweep: true, galleryRow: null },
      { key: 'integratedGradients{"steps":16}', inSweep: true, galleryRow: 1 },
      { key: 'random', inSweep: true, galleryRow: 0 },
      { key: 'sobel', inSweep: false, galleryRow: 2 },
    ]);
    expect(methods[1].spec).toEqual(ig(16));
  });

  it('prefers the same settings over the same method with other settings', () => {
    const methods = lectureMethods([ig(8), ig(16)], [ig(16)]);
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
