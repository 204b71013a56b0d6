/**
 * A split cut down to some classes: seed 004's binary task keeps only the 0s and 1s of MNIST ("all digits
 * except the 0 and 1 digits are removed from the training and testing dataset", §3). The images keep their
 * order; the model keeps its ten outputs, of which it learns to use two.
 */
import { PIXELS } from '../defaults';
import type { MnistSplit } from './mnist';

export function onlyClasses(split: MnistSplit, classes: readonly number[]): MnistSplit {
  const keep: number[] = [];
  for (let i = 0; i < split.count; i++) if (classes.includes(split.labels[i])) keep.push(i);
  const images = new Uint8Array(keep.length * PIXELS);
  keep.forEach((i, k) => images.set(split.images.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS));
  return { ...split, count: keep.length, images, labels: Uint8Array.from(keep, (i) => split.labels[i]) };
}
