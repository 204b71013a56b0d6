import { describe, expect, it } from 'vitest';
import { lectureScales } from './lectureScale';

describe('lectureScales', () => {
  it('draws large on a projector with few methods and thresholds', () => {
    expect(lectureScales({ width: 1920, height: 1080 }, 3, 3)).toEqual({ column: 6, row: 5 });
  });

  it('shrinks with more methods and thresholds, never below 2', () => {
    const s = lectureScales({ width: 1280, height: 800 }, 5, 6);
    expect(s.row).toBe(2);
    expect(s.column).toBe(2);
    expect(lectureScales({ width: 400, height: 300 }, 14, 12)).toEqual({ column: 2, row: 2 });
  });

  it('fits a 1280 × 900 window with three methods, across and down', () => {
    const s = lectureScales({ width: 1280, height: 900 }, 3, 3);
    expect(s.column).toBe(4);
    expect(s.column * 28 * 2 + 220 + 32).toBeLessThanOrEqual(1280 * 0.45 - 48);
    expect(3 * (s.column * 28 + 16) + s.row * 28 + 340).toBeLessThanOrEqual(900);
  });
});
