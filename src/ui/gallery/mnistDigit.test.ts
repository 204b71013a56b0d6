import { describe, expect, test } from 'vitest';
import { IMAGE_SIZE, PIXELS } from '../../engine/defaults';
import { toMnistDigit } from './mnistDigit';

const W = 280;

function pad(fill: (x: number, y: number) => number): Float32Array {
  return Float32Array.from({ length: W * W }, (_, i) => fill(i % W, Math.floor(i / W)));
}

function stats(digit: number[]) {
  let mass = 0;
  let cx = 0;
  let cy = 0;
  const rows = new Set<number>();
  const cols = new Set<number>();
  digit.forEach((v, p) => {
    const x = p % IMAGE_SIZE;
    const y = Math.floor(p / IMAGE_SIZE);
    mass += v;
    cx += v * (x + 0.5);
    cy += v * (y + 0.5);
    if (v > 0) {
      rows.add(y);
      cols.add(x);
    }
  });
  return { cx: cx / mass, cy: cy / mass, height: rows.size, width: cols.size };
}

describe('toMnistDigit', () => {
  test('an empty pad gives null', () => {
    expect(toMnistDigit(new Float32Array(W * W), W, W)).toBeNull();
  });

  test('a tall stroke in a corner is scaled to 20 pixels high, keeps its aspect and is centred by mass', () => {
    // 30 wide, 150 high, in the top-left corner.
    const digit = toMnistDigit(pad((x, y) => (x >= 10 && x < 40 && y >= 5 && y < 155 ? 1 : 0)), W, W)!;
    expect(digit).toHaveLength(PIXELS);
    const s = stats(digit);
    expect(s.height).toBe(20);
    expect(s.width).toBe(4);
    expect(Math.abs(s.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s.cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...digit)).toBeCloseTo(1, 5);
    expect(Math.min(...digit)).toBeGreaterThanOrEqual(0);
  });

  test('partial coverage becomes grey levels (anti-aliasing)', () => {
    // 200 × 200 square: each output pixel covers 10 × 10 input pixels; ink on every other input column.
    const digit = toMnistDigit(pad((x, y) => (x >= 40 && x < 240 && y >= 40 && y < 240 && (x === 239 || x % 2 === 0) ? 1 : 0)), W, W)!;
    const inner = digit[14 * IMAGE_SIZE + 14];
    expect(inner).toBeCloseTo(0.5, 5);
  });

  test('a tiny dot is enlarged to fill the 20×20 box', () => {
    const digit = toMnistDigit(pad((x, y) => (x >= 100 && x < 103 && y >= 200 && y < 203 ? 1 : 0)), W, W)!;
    expect(digit.filter((v) => v > 0.99)).toHaveLength(400);
    expect(stats(digit)).toMatchObject({ cx: 14, cy: 14 });
  });
});
