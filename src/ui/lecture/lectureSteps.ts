/**
 * What the lecture view steps through. The sweep and the gallery are set up separately, so their
 * thresholds and methods may differ: the view walks the union of both and shows, for each step, what
 * each of them has there.
 */
import { methodKey, type MethodSpec } from '../../engine/attribution/methodSpec';

export interface LectureMethod {
  /** The sweep's method where the sweep has it, else the gallery row's. */
  spec: MethodSpec;
  key: string;
  inSweep: boolean;
  /** The gallery row showing this method (same key, or else the same method with other settings), or null. */
  galleryRow: number | null;
}

/** Every threshold of either, ascending, once. */
export function lectureThresholds(sweep: readonly number[], gallery: readonly number[]): number[] {
  return [...new Set([...sweep, ...gallery])].sort((a, b) => a - b);
}

/** The sweep's methods in its order, each paired with its gallery row (same settings, or else the same method), then the gallery's other rows. */
export function lectureMethods(sweep: readonly MethodSpec[], gallery: readonly MethodSpec[]): LectureMethod[] {
  const taken = new Set<number>();
  const claim = (match: (g: MethodSpec) => boolean): number | null => {
    const i = gallery.findIndex((g, j) => !taken.has(j) && match(g));
    if (i < 0) return null;
    taken.add(i);
    return i;
  };
  const exact = sweep.map((spec) => claim((g) => methodKey(g) === methodKey(spec)));
  const fromSweep = sweep.map((spec, s): LectureMethod => ({ spec, key: methodKey(spec), inSweep: true, galleryRow: exact[s] ?? claim((g) => g.id === spec.id) }));
  const galleryOnly = gallery.flatMap((spec, i): LectureMethod[] => (taken.has(i) ? [] : [{ spec, key: methodKey(spec), inSweep: false, galleryRow: i }]));
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
