/**
 * A dataset in memory (MNIST or Fashion-MNIST, datasets.ts): images kept as uint8 (47 MB for the training set
 * instead of 188 MB as float32), labels as uint8, 60,000 / 10,000 (science.md §1). Batches are normalised on
 * the fly with the dataset's own mean and deviation, which every split carries with it.
 */
import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, PIXELS } from '../defaults';
import { DATASETS, type DataFileKey, type DatasetId, type Normalisation } from './datasets';
import { MnistDataError, parseIdxImages, parseIdxLabels } from './idx';

export interface MnistSplit {
  dataset: DatasetId;
  count: number;
  /** count·784 bytes, 0..255. */
  images: Uint8Array;
  labels: Uint8Array;
}

export interface Mnist {
  dataset: DatasetId;
  train: MnistSplit;
  test: MnistSplit;
}

function split(dataset: DatasetId, images: Uint8Array, labels: Uint8Array, name: string, count: number): MnistSplit {
  const img = parseIdxImages(images, `${name} images`, count);
  const lab = parseIdxLabels(labels, `${name} labels`, count);
  return { dataset, count, images: img.pixels, labels: lab };
}

/** Parses and checks a dataset's four raw idx files. */
export function parseMnist(files: Record<DataFileKey, Uint8Array>, dataset: DatasetId = 'mnist'): Mnist {
  const { label } = DATASETS[dataset];
  return {
    dataset,
    train: split(dataset, files.trainImages, files.trainLabels, `${label} train`, MNIST_TRAIN_COUNT),
    test: split(dataset, files.testImages, files.testLabels, `${label} test`, MNIST_TEST_COUNT),
  };
}

/** The first `n` examples of a split (views, no copies). */
export function head(s: MnistSplit, n: number): MnistSplit {
  if (!Number.isInteger(n) || n < 1 || n > s.count) {
    throw new MnistDataError(`asked for ${n} examples of a split that has ${s.count}.`);
  }
  return { dataset: s.dataset, count: n, images: s.images.subarray(0, n * PIXELS), labels: s.labels.subarray(0, n) };
}

const luts = new Map<Normalisation, Float32Array>();

/** Lookup table from a byte to its normalised value (x/255 − mean)/std. */
export function normaliseLut(norm: Normalisation): Float32Array {
  let lut = luts.get(norm);
  if (!lut) {
    lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) lut[v] = (v / 255 - norm.mean) / norm.std;
    luts.set(norm, lut);
  }
  return lut;
}

/** Writes the normalised pixels of the chosen examples into `out` (indices.length·784 floats). */
export function fillBatch(s: MnistSplit, indices: ArrayLike<number>, out: Float32Array): Float32Array {
  const { images } = s;
  const lut = normaliseLut(DATASETS[s.dataset]);
  for (let b = 0; b < indices.length; b++) {
    const src = indices[b] * PIXELS;
    const dst = b * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[dst + p] = lut[images[src + p]];
  }
  return out;
}
