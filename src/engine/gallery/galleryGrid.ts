/**
 * The comparison figure of seed 000 (rows = methods, columns = thresholds), for any digits: each method's
 * map beside the digit with its top-ranked pixels removed (or kept) at each threshold, and what the base
 * model predicts for each masked digit.
 */
import { NUM_CLASSES, PIXELS, type MaskConfig } from '../defaults';
import { DATASETS, type Normalisation } from '../data/datasets';
import type { Cnn } from '../model/cnn';
import { getMethod } from '../attribution/registry';
import { forwardLogits } from '../attribution/forwardLogits';
import { targetsFor, type TargetMode } from '../attribution/targets';
import { maskImage } from '../masking/mask';
import { rankMaps } from '../masking/rankMaps';
import { deriveSeed, makeRng } from '../random';
import { methodKey, type MethodSpec } from '../attribution/methodSpec';
import type { InputGradients } from '../attribution/types';

export interface GalleryInput {
  /** 784 pixels in [0, 1]. */
  pixels: Float32Array;
  /** The true label, or null for a drawn digit. */
  label: number | null;
  /** Dataset-wide index (seeds tie-breaking and random maps), or −1 − k for the k-th drawn digit. */
  index: number;
}

export interface Prediction {
  predicted: number;
  confidence: number;
  probabilities: number[];
}

export interface GalleryCell {
  threshold: number;
  /** 784 pixels in [0, 1]. */
  masked: Float32Array;
  prediction: Prediction;
}

export interface GalleryRow {
  method: string;
  methodId: string;
  /** The raw attribution map (784 values). */
  map: Float32Array;
  signed: boolean;
  cells: GalleryCell[];
}

export interface GalleryImage {
  input: GalleryInput;
  prediction: Prediction;
  /** The class the maps explain. */
  target: number;
  rows: GalleryRow[];
}

function softmaxRows(z: Float32Array, rows: number): Prediction[] {
  const out: Prediction[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from(z.subarray(r * NUM_CLASSES, (r + 1) * NUM_CLASSES));
    const max = Math.max(...row);
    const e = row.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    const probabilities = e.map((v) => v / sum);
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    out.push({ predicted, confidence: probabilities[predicted], probabilities });
  }
  return out;
}

async function predict(model: Cnn, images: Float32Array[], { mean, std }: Normalisation): Promise<Prediction[]> {
  const x = new Float32Array(images.length * PIXELS);
  images.forEach((img, i) => {
    for (let p = 0; p < PIXELS; p++) x[i * PIXELS + p] = (img[p] - mean) / std;
  });
  return softmaxRows(await forwardLogits(model, x, images.length), images.length);
}

export async function galleryGrid(
  model: Cnn,
  inputs: GalleryInput[],
  methods: MethodSpec[],
  thresholds: number[],
  mask: MaskConfig,
  target: TargetMode,
  mapSeed: number,
  /** The normalisation of the dataset the model was trained on. */
  norm: Normalisation = DATASETS.mnist,
  /** Another engine's input gradients of the model (the fused WebGPU kernels), for the methods built from them. */
  gradients?: InputGradients,
): Promise<GalleryImage[]> {
  const n = inputs.length;
  const normalised = new Float32Array(n * PIXELS);
  inputs.forEach((im, i) => {
    for (let p = 0; p < PIXELS; p++) normalised[i * PIXELS + p] = (im.pixels[p] - norm.mean) / norm.std;
  });
  const predictions = await predict(model, inputs.map((im) => im.pixels), norm);
  // A drawn digit has no label: its maps explain the predicted class.
  const labels = inputs.map((im, i) => im.label ?? predictions[i].predicted);
  const targets = target === 'label' ? Int32Array.from(labels) : await targetsFor(model, normalised, n, labels, 'predicted');
  const images: GalleryImage[] = inputs.map((input, i) => ({ input, prediction: predictions[i], target: targets[i], rows: [] }));

  for (const spec of methods) {
    const method = getMethod(spec.id);
    const v = method.validate(spec.params);
    if ('error' in v) throw new Error(v.error);
    const ctx = { inputs: normalised, norm, batch: n, targets, seed: mapSeed, imageIndices: inputs.map((im) => im.index) };
    const maps = await (gradients && method.fromGradients ? method.fromGradients({ ...ctx, gradients }, v.params) : method.compute({ ...ctx, model }, v.params));
    const masked: Float32Array[] = [];
    for (let i = 0; i < n; i++) {
      const map = maps.slice(i * PIXELS, (i + 1) * PIXELS);
      const order = rankMaps(map, 1, mask, method, inputs[i].index);
      const rng = makeRng(deriveSeed(mapSeed, `gallery:${inputs[i].index}`));
      for (const t of thresholds) masked.push(maskImage(inputs[i].pixels, order, t, mask.mode, mask.replacement, rng, new Float32Array(PIXELS), norm));
    }
    const preds = await predict(model, masked, norm);
    for (let i = 0; i < n; i++) {
      images[i].rows.push({
        method: methodKey(spec),
        methodId: spec.id,
        map: maps.slice(i * PIXELS, (i + 1) * PIXELS),
        signed: method.signed,
        cells: thresholds.map((threshold, j) => ({ threshold, masked: masked[i * thresholds.length + j], prediction: preds[i * thresholds.length + j] })),
      });
    }
  }
  return images;
}
