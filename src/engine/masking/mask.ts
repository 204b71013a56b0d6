import { NOISY_LINEAR_SIGMA, PIXELS as IMAGE_PIXELS, type MaskMode, type Replacement } from '../defaults';
import { DATASETS, type Normalisation } from '../data/datasets';
import { normaliseLut } from '../data/mnist';
import type { Rng } from '../random';
import { pixelsToMask } from './maskCount';
import { noisyLinearImpute } from './noisyLinearImputation';
import { replacementValue } from './replacement';
import { checkImageLength } from './imageLength';

/*
 * Applying a ranking to an image (science.md §3). ROAR replaces the top ⌊t · 784⌋ pixels; KAR keeps the top
 * ⌊t · 784⌋ and replaces the rest. Exactly that many pixels per image, no more, no fewer, whatever the
 * attribution values: the count comes from the ranking, never from a threshold on the values.
 */

// A module-local copy: under vitest every read of an imported binding is a property lookup, which made
// the hot loops here ~4× slower.
const PIXELS = IMAGE_PIXELS;

// Scratch shared across calls: the engine runs single-threaded in a worker.
const removedScratch = new Uint8Array(PIXELS);
const imageScratch = new Float32Array(PIXELS);
const imputedScratch = new Float32Array(PIXELS);

/** 1 where a pixel is replaced, 0 where it is kept, for `order` (most important first). */
export function removedMask(
  order: Uint16Array,
  fraction: number,
  mode: MaskMode,
  out: Uint8Array = new Uint8Array(PIXELS),
): Uint8Array {
  checkImageLength('The order', order.length);
  checkImageLength('The mask', out.length);
  return removedMaskAt(order, 0, pixelsToMask(fraction), mode, out);
}

function removedMaskAt(
  order: Uint16Array,
  start: number,
  count: number,
  mode: MaskMode,
  out: Uint8Array,
): Uint8Array {
  const top = mode === 'roar' ? 1 : 0;
  out.fill(1 - top);
  for (let i = 0; i < count; i++) out[order[start + i]] = top;
  return out;
}

/**
 * The masked image in [0,1] pixel units. `rng` feeds the noise of 'noisyLinear' and is not drawn from
 * otherwise. `out` may be `src`. `norm` gives the dataset's mean (MNIST's by default).
 */
export function maskImage(
  src: Float32Array,
  order: Uint16Array,
  fraction: number,
  mode: MaskMode,
  replacement: Replacement,
  rng: Rng,
  out: Float32Array = new Float32Array(PIXELS),
  norm: Normalisation = DATASETS.mnist,
): Float32Array {
  checkImageLength('The image', src.length);
  checkImageLength('The order', order.length);
  checkImageLength('The output image', out.length);
  const removed = removedMaskAt(order, 0, pixelsToMask(fraction), mode, removedScratch);
  if (replacement === 'noisyLinear') return noisyLinearImpute(src, removed, rng, NOISY_LINEAR_SIGMA, out, norm.mean);
  const value = replacementValue(replacement, src, 0, 1, norm);
  for (let p = 0; p < PIXELS; p++) out[p] = removed[p] ? value : src[p];
  return out;
}

/**
 * Writes the images `indices` of `images` (uint8, 784 each), masked by their `orders` (null: unmasked),
 * normalised by `norm` (MNIST's by default), one after another into `out`: the training batch built on the
 * fly, without a float copy of the dataset. Equal to maskImage on x / 255 followed by normalisation, up to
 * float32 rounding.
 */
export function fillMaskedBatch(
  images: Uint8Array,
  orders: Uint16Array | null,
  indices: ArrayLike<number>,
  fraction: number,
  mode: MaskMode,
  replacement: Replacement,
  rng: Rng,
  out: Float32Array,
  norm: Normalisation = DATASETS.mnist,
): void {
  if (out.length < indices.length * PIXELS) {
    throw new RangeError(
      `The batch buffer has ${out.length} values; ${indices.length} images need ${indices.length * PIXELS}.`,
    );
  }
  if (orders !== null && orders.length !== images.length) {
    throw new RangeError(`There are ${orders.length} ranked pixels for ${images.length} image pixels.`);
  }
  // normalised[b] = (b / 255 − mean) / std: the model's input for a uint8 pixel (science.md §1).
  const normalised = normaliseLut(norm);
  const { mean, std } = norm;
  const normalise = (x: number): number => (x - mean) / std;
  const count = pixelsToMask(fraction);
  for (let b = 0; b < indices.length; b++) {
    const image = indices[b] * PIXELS;
    const base = b * PIXELS;
    if (!Number.isInteger(image) || image < 0 || image + PIXELS > images.length) {
      throw new RangeError(`Image ${indices[b]} is outside the ${images.length / PIXELS} images given.`);
    }
    if (orders === null) {
      for (let p = 0; p < PIXELS; p++) out[base + p] = normalised[images[image + p]];
      continue;
    }
    const removed = removedMaskAt(orders, image, count, mode, removedScratch);
    if (replacement === 'noisyLinear') {
      for (let p = 0; p < PIXELS; p++) imageScratch[p] = images[image + p] / 255;
      noisyLinearImpute(imageScratch, removed, rng, NOISY_LINEAR_SIGMA, imputedScratch, mean);
      for (let p = 0; p < PIXELS; p++) {
        out[base + p] = removed[p] ? normalise(imputedScratch[p]) : normalised[images[image + p]];
      }
    } else {
      const value = normalise(replacementValue(replacement, images, image, 1 / 255, norm));
      for (let p = 0; p < PIXELS; p++) out[base + p] = removed[p] ? value : normalised[images[image + p]];
    }
  }
}

/**
 * Writes the removal pattern of the images `indices` — removed pixels white, kept pixels black, no pixel
 * values — normalised by `norm` (MNIST's by default) into `out`: the input of the mask-only control (issue
 * 10; ROAD's point that the removed set's shape alone can name the class, science.md §7).
 */
export function fillMaskPattern(orders: Uint16Array, indices: ArrayLike<number>, fraction: number, mode: MaskMode, out: Float32Array, norm: Normalisation = DATASETS.mnist): void {
  if (out.length < indices.length * PIXELS) {
    throw new RangeError(`The batch buffer has ${out.length} values; ${indices.length} images need ${indices.length * PIXELS}.`);
  }
  const lut = normaliseLut(norm);
  // White (byte 255) and black (byte 0), as the model sees them.
  const removedValue = lut[255];
  const keptValue = lut[0];
  const count = pixelsToMask(fraction);
  for (let b = 0; b < indices.length; b++) {
    const image = indices[b] * PIXELS;
    if (!Number.isInteger(image) || image < 0 || image + PIXELS > orders.length) {
      throw new RangeError(`Image ${indices[b]} is outside the ${orders.length / PIXELS} ranked images.`);
    }
    const removed = removedMaskAt(orders, image, count, mode, removedScratch);
    const base = b * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[base + p] = removed[p] ? removedValue : keptValue;
  }
}
