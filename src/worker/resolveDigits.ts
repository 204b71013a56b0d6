/**
 * Turns the gallery's digit choices into images: test digits by index, the first digits of a class, the
 * first ones the base model gets wrong, or a digit drawn on the canvas (validated: 784 values in [0, 1],
 * not blank).
 */
import { MAX_GALLERY_DIGITS, NUM_CLASSES, PIXELS } from '../engine/defaults';
import type { MnistSplit } from '../engine/data/mnist';
import type { Cnn } from '../engine/model/cnn';
import type { GalleryInput } from '../engine/gallery/galleryGrid';
import { predictClasses } from '../engine/training/evaluate';
import { fillBatch } from '../engine/data/mnist';
import type { DigitChoice } from './protocol';

/** Test images get dataset-wide indices after the 60,000 training images (tie-break seeding). */
const TEST_OFFSET = 60000;

function testDigit(test: MnistSplit, index: number): GalleryInput {
  if (!Number.isInteger(index) || index < 0 || index >= test.count) {
    throw new RangeError(`Test image ${index} does not exist; choose an index from 0 to ${test.count - 1}.`);
  }
  return {
    pixels: Float32Array.from(test.images.subarray(index * PIXELS, (index + 1) * PIXELS), (v) => v / 255),
    label: test.labels[index],
    index: TEST_OFFSET + index,
  };
}

export async function resolveDigits(choices: DigitChoice[], test: MnistSplit, model: Cnn): Promise<GalleryInput[]> {
  const out: GalleryInput[] = [];
  let drawn = 0;
  let predicted: Int32Array | null = null;
  for (const c of choices) {
    if (c.kind === 'test') out.push(testDigit(test, c.index));
    else if (c.kind === 'class') {
      if (!Number.isInteger(c.digit) || c.digit < 0 || c.digit >= NUM_CLASSES) throw new RangeError(`Digit must be 0–9; got ${c.digit}.`);
      for (let i = 0, found = 0; i < test.count && found < c.count; i++) {
        if (test.labels[i] === c.digit) {
          out.push(testDigit(test, i));
          found++;
        }
      }
    } else if (c.kind === 'misclassified') {
      predicted ??= await predictClasses(model, test.count, (start, size, buf) => fillBatch(test, Uint32Array.from({ length: size }, (_, i) => start + i), buf));
      for (let i = 0, found = 0; i < test.count && found < c.count; i++) {
        if (predicted[i] !== test.labels[i]) {
          out.push(testDigit(test, i));
          found++;
        }
      }
    } else {
      const px = c.pixels;
      if (!Array.isArray(px) || px.length !== PIXELS || px.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) {
        throw new RangeError(`A drawn digit must be ${PIXELS} values between 0 and 1.`);
      }
      if (px.every((v) => v === 0)) throw new RangeError('The drawing is empty: draw a digit first.');
      out.push({ pixels: Float32Array.from(px), label: null, index: -1 - drawn++ });
    }
  }
  if (out.length === 0) throw new RangeError('No digits matched the choice.');
  if (out.length > MAX_GALLERY_DIGITS) throw new RangeError(`At most ${MAX_GALLERY_DIGITS} digits at once; ${out.length} were chosen.`);
  return out;
}
