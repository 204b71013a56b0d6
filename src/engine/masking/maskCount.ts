import { PIXELS } from '../defaults';

/**
 * How many pixels a fraction t selects: exactly ⌊t · 784⌋ (science.md §3), so every image at a threshold
 * has the same count. A product within 1e-9 of an integer counts as that integer, so fractions written as
 * k/784 (seed 004's 782/784) give k even when t · 784 lands a rounding error below it.
 */
export function pixelsToMask(fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`The fraction of pixels must be a number from 0 to 1; got ${fraction}.`);
  }
  const exact = fraction * PIXELS;
  const nearest = Math.round(exact);
  return Math.abs(exact - nearest) < 1e-9 ? nearest : Math.floor(exact);
}
