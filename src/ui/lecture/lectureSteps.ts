/**
 * What the lecture view steps through. The sweep and the gallery are set up separately, so their
 * thresholds and methods may differ: the view walks the union of both and shows, for each step, what
 * each of them has there.
 */
import { idOf } from '../sweep/methodStyle';

export interface LectureMethod {
  /** The sweep's method key where the sweep has the method, else the gallery row's. */
  key: string;
  inSweep: boolean;
  /** The gallery row showing this method (same key, or else the same method with other settings), or null. */
  galleryRow: number | null;
}

/** Every threshold of either, ascending, once. */
export function lectureThresholds(sweep: readonly number[], gallery: readonly number[]): number[] {
  return [...new Set([...sweep, ...gallery])].sort((a, b) => a - b);
}

/** The sweep's methods in its order, each paired with its gallery row, then the gallery's other rows. */
export function lectureMethods(sweepKeys: readonly string[], galleryKeys: readonly string[]): LectureMethod[] {
  const taken = new Set<number>();
  const claim = (match: (g: string) => boolean): number | null => {
    const i = galleryKeys.findIndex((g, j) => !taken.has(j) && match(g));
    if (i < 0) return null;
    taken.add(i);
    return i;
  };
  const exact = sweepKeys.map((k) => claim((g) => g === k));
  const fromSweep = sweepKeys.map((key, s): LectureMethod => ({ key, inSweep: true, galleryRow: exact[s] ?? claim((g) => idOf(g) === idOf(key)) }));
  const galleryOnly = galleryKeys.flatMap((key, i): LectureMethod[] => (taken.has(i) ? [] : [{ key, inSweep: false, galleryRow: i }]));
  return [...fromSweep, ...galleryOnly];
}

/** One step of `delta` through `length` items, stopping at both ends (a remote's extra press does nothing). */
export function stepIndex(index: number, delta: number, length: number): number {
  return Math.min(Math.max(0, index + delta), Math.max(0, length - 1));
}

/** The position of the value closest to `target` (the first of equals); −1 for no values. */
export function nearestIndex(values: readonly number[], target: number): number {
  return values.reduce((best, v, i) => (best < 0 || Math.abs(v - target) < Math.abs(values[best] - target) ? i : best), -1);
}
