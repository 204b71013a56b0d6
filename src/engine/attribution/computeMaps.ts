/**
 * Maps for many images of a split (science.md §2: every train and test image, with the base model), chunk
 * by chunk so that memory stays bounded, with progress reports and cancellation for the worker and the
 * sweep. Maps do not depend on the chunking: targets are per image and random draws are seeded per image
 * index (types.ts).
 */
import { PIXELS } from '../defaults';
import { DATASETS } from '../data/datasets';
import { fillBatch, type MnistSplit } from '../data/mnist';
import type { Cnn } from '../model/cnn';
import { imagesPerCall } from './chunk';
import { targetsFor, type TargetMode } from './targets';
import type { AttributionMethod, InputGradients } from './types';

/** Most images per chunk: keeps progress reports and abort checks frequent for the cheap methods. */
export const MAX_CHUNK_IMAGES = 256;

export interface MapsProgress {
  done: number;
  total: number;
  elapsedMs: number;
  mapsPerSec: number;
}

export interface ComputeMapsHooks {
  /** Called after every chunk; awaiting it lets messages in. */
  onProgress?: (p: MapsProgress) => void | Promise<void>;
  /** Checked before every chunk; an abort rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Images per chunk; by default as many as fill one tf.grad call (chunk.ts), at most MAX_CHUNK_IMAGES. */
  chunkImages?: number;
  /**
   * Another engine's input gradients (the fused WebGPU kernels): the maps are then built from them by the
   * method's fromGradients, which it must have; the model still picks predicted targets.
   */
  gradients?: InputGradients;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * n·784 maps for `images` (split indices, or a count meaning the first n), in that order, for the true
 * label or the predicted class of each image. `params` must come from `method.validate`.
 */
export async function computeMaps<P>(
  model: Cnn,
  split: MnistSplit,
  images: ArrayLike<number> | number,
  method: AttributionMethod<P>,
  params: P,
  targetMode: TargetMode,
  seed: number,
  hooks: ComputeMapsHooks = {},
): Promise<Float32Array> {
  const indices = typeof images === 'number' ? Uint32Array.from({ length: images }, (_, i) => i) : Uint32Array.from(images);
  for (const i of indices) {
    if (i >= split.count) throw new RangeError(`image index ${i} is outside the split's ${split.count} images`);
  }
  const { gradients } = hooks;
  if (gradients && !method.fromGradients) throw new Error(`${method.label} maps cannot be built from input gradients alone.`);
  const total = indices.length;
  const chunk = hooks.chunkImages ?? Math.min(MAX_CHUNK_IMAGES, imagesPerCall(method.rowsPerImage(params)));
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkImages must be a positive integer; got ${chunk}`);
  const out = new Float32Array(total * PIXELS);
  const inputs = new Float32Array(chunk * PIXELS);
  const start = now();
  for (let done = 0; done < total; ) {
    hooks.signal?.throwIfAborted();
    const idx = indices.subarray(done, Math.min(done + chunk, total));
    const n = idx.length;
    const batchInputs = fillBatch(split, idx, inputs.subarray(0, n * PIXELS));
    const labels = Array.from(idx, (i) => split.labels[i]);
    const targets = await targetsFor(model, batchInputs, n, labels, targetMode);
    const ctx = { inputs: batchInputs, norm: DATASETS[split.dataset], batch: n, targets, seed, imageIndices: idx };
    out.set(await (gradients && method.fromGradients ? method.fromGradients({ ...ctx, gradients }, params) : method.compute({ ...ctx, model }, params)), done * PIXELS);
    done += n;
    const elapsedMs = now() - start;
    await hooks.onProgress?.({ done, total, elapsedMs, mapsPerSec: done / (elapsedMs / 1000) });
  }
  return out;
}
