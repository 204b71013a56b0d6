/**
 * How far two engines' numbers are apart, the way their tests compare them: the largest difference of a from b
 * as a fraction of b's largest magnitude (float32 sums in another order differ by ~1e-7 of that).
 */
export function maxRelativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  let scale = 0;
  for (let j = 0; j < b.length; j++) {
    gap = Math.max(gap, Math.abs(a[j] - b[j]));
    scale = Math.max(scale, Math.abs(b[j]));
  }
  return gap / scale;
}
