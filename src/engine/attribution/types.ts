/**
 * The one interface every attribution method implements (science.md §2), so that the worker, the sweep, the
 * CLI and the UI treat them alike: validate raw parameters (from a URL, a form or flags), then compute one
 * map per image.
 */
import { PIXELS } from '../defaults';
import type { Normalisation } from '../data/datasets';
import type { Cnn } from '../model/cnn';
import type { MethodInfo } from './catalog';

export interface AttributionContext {
  model: Cnn;
  /** batch·784 normalised pixels, (x/255 − mean)/std, laid out like MNIST (row-major 28×28 per image). */
  inputs: Float32Array;
  /** The mean and std the inputs were normalised with (a black baseline depends on them); MNIST's when not given. */
  norm?: Normalisation;
  batch: number;
  /** The class each map explains: the true label or the predicted class, chosen by the caller (targets.ts). */
  targets: Int32Array;
  /** Seeds every random draw (SmoothGrad noise, the random map); a recorded seed reproduces the maps. */
  seed: number;
  /**
   * Dataset index of each image. Random draws are seeded per image from (seed, index), so a map does not
   * depend on which chunk or batch position the image was computed in. Defaults to 0..batch−1.
   */
  imageIndices?: ArrayLike<number>;
}

export type Validation<P> = { params: P } | { error: string };

/** Which score an input gradient differentiates, and through which ReLUs (scoreGradient.ts, guidedBackprop.ts). */
export interface GradientScore {
  /** Guided backpropagation's ReLUs instead of the plain ones. */
  guided?: boolean;
  /** The cross-entropy of the target (seed 004's loss gradient) instead of its logit. */
  loss?: boolean;
}

/**
 * ∂score/∂x of each of `targets.length` normalised images (n·784 values in, n·784 out), computed by an engine
 * other than the tfjs graph: the fused WebGPU kernels (gpu/fusedCnn.ts). Any number of images; the engine
 * batches them as its buffers allow.
 */
export type InputGradients = (inputs: Float32Array, targets: ArrayLike<number>, score: GradientScore) => Promise<Float32Array>;

/** An AttributionContext whose model is reached only through its input gradients. */
export interface GradientContext extends Omit<AttributionContext, 'model'> {
  gradients: InputGradients;
}

/** A method's info (catalog.ts, safe for the main thread) plus its computation (worker and CLI only). */
export interface AttributionMethod<P> extends MethodInfo<P> {
  /** Forward/backward rows one image costs (1 for a plain gradient, steps for IG…), to size chunks. */
  rowsPerImage(params: P): number;
  /** batch·784 finite numbers, one map per image, in the input's pixel layout. Frees every tensor it makes. */
  compute(ctx: AttributionContext, params: P): Promise<Float32Array>;
  /**
   * The same maps built from input gradients alone, for methods that need nothing else of the model (the
   * gradient family, IG, the noise tunnels): how another engine's kernels compute them (issue 13). Equal to
   * `compute` up to float rounding (attribution/fromGradients.test.ts).
   */
  fromGradients?(ctx: GradientContext, params: P): Promise<Float32Array>;
}

/**
 * Any registered method. Methods are declared with method syntax above, so their parameter types are
 * checked bivariantly and every AttributionMethod<P> fits here; callers pass only params that `validate`
 * returned.
 */
export type AnyAttributionMethod = AttributionMethod<unknown>;

/** The dataset index of batch position b (see AttributionContext.imageIndices). */
export function imageIndex(ctx: Pick<AttributionContext, 'imageIndices'>, b: number): number {
  return ctx.imageIndices ? ctx.imageIndices[b] : b;
}

/** Throws when the arrays do not hold `batch` images and targets: a wrong length is a caller's bug. */
export function checkContext(ctx: Omit<AttributionContext, 'model'>): void {
  const { inputs, batch, targets, imageIndices } = ctx;
  if (!Number.isInteger(batch) || batch < 0) throw new Error(`batch must be a non-negative integer; got ${batch}`);
  if (inputs.length !== batch * PIXELS) throw new Error(`expected ${batch}·${PIXELS} input values, got ${inputs.length}`);
  if (targets.length !== batch) throw new Error(`expected ${batch} targets, got ${targets.length}`);
  if (imageIndices && imageIndices.length !== batch) throw new Error(`expected ${batch} image indices, got ${imageIndices.length}`);
}
