/**
 * What both sanity checks compare: one method's maps of the same images for the same classes, under two sets
 * of weights. Only the weights may differ between the two, so the class each map explains is fixed once, by
 * the trained model (its label or its prediction), and random draws (SmoothGrad's noise, the random map) are
 * seeded per image as everywhere else (types.ts): a change in a map is then the weights' doing.
 */
import { PIXELS } from '../defaults';
import { fillBatch, type MnistSplit } from '../data/mnist';
import { cnnFromWeights, disposeCnn, type Cnn } from '../model/cnn';
import { computeMaps, type ComputeMapsHooks } from '../attribution/computeMaps';
import type { MethodSpec } from '../attribution/methodSpec';
import { getMethod } from '../attribution/registry';
import { targetsFor, type TargetMode } from '../attribution/targets';
import type { AnyAttributionMethod } from '../attribution/types';

/** A method ready to compute: its implementation and its validated parameters. */
export interface ReadyMethod {
  spec: MethodSpec;
  method: AnyAttributionMethod;
  params: unknown;
}

/** Validates each method's parameters; a bad spec is a caller's bug (the CLI and forms validate first). */
export function readyMethods(specs: readonly MethodSpec[]): ReadyMethod[] {
  return specs.map((spec) => {
    const method = getMethod(spec.id);
    const v = method.validate(spec.params);
    if ('error' in v) throw new Error(`${spec.id}: ${v.error}`);
    return { spec, method, params: v.params };
  });
}

/** The class each image's maps explain, chosen by the trained model (science.md §2's target setting). */
export function fixedTargets(trained: readonly Float32Array[], split: MnistSplit, images: Uint32Array, mode: TargetMode): Promise<Int32Array> {
  const inputs = fillBatch(split, images, new Float32Array(images.length * PIXELS));
  return withModel(trained, (model) => targetsFor(model, inputs, images.length, Array.from(images, (i) => split.labels[i]), mode));
}

/**
 * The split with each chosen image's label replaced by its fixed target, so that computeMaps's 'label' mode
 * explains that class whatever the weights predict. Images are shared; only the labels are copied.
 */
export function relabelled(split: MnistSplit, images: Uint32Array, targets: Int32Array): MnistSplit {
  const labels = Uint8Array.from(split.labels);
  images.forEach((image, k) => (labels[image] = targets[k]));
  return { ...split, labels };
}

/** One model from `weights` for the duration of `use`, then freed. */
export async function withModel<T>(weights: readonly Float32Array[], use: (model: Cnn) => Promise<T>): Promise<T> {
  const model = cnnFromWeights(weights);
  try {
    return await use(model);
  } finally {
    disposeCnn(model);
  }
}

/** A method's maps of `images` of a relabelled split (see relabelled), for the given model. */
export function mapsFor(model: Cnn, split: MnistSplit, images: Uint32Array, m: ReadyMethod, mapSeed: number, hooks: ComputeMapsHooks = {}): Promise<Float32Array> {
  return computeMaps(model, split, images, m.method, m.params, 'label', mapSeed, hooks);
}

/** Images whose maps a result keeps by default, for a gallery beside the numbers. */
export const DEFAULT_GALLERY_IMAGES = 4;

/** The first `count` maps of a batch as plain arrays, for a gallery in JSON. */
export function galleryOf(maps: Float32Array, count: number): number[][] {
  return Array.from({ length: count }, (_, g) => Array.from(maps.subarray(g * PIXELS, (g + 1) * PIXELS)));
}
