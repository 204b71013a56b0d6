/**
 * Running a tensor computation over a batch in chunks and reading the maps back: the one place where
 * tensors are created from and copied into JS arrays for the tensor-based methods, so memory handling
 * (tidy + dispose, async reads that WebGPU needs, platform-notes §4–5) is written once.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS } from '../defaults';
import { toInput } from '../model/cnn';

/**
 * The most forward/backward rows (images × IG steps × noise samples) per tf.grad call: platform-notes §2
 * measured 20 images × 50 steps ≈ 1,000 rows as the fastest IG chunk on wasm, and it bounds memory.
 */
export const ROWS_PER_CALL = 1024;

/** Images per call for a method costing `rowsPerImage` rows each. */
export function imagesPerCall(rowsPerImage: number): number {
  return Math.max(1, Math.floor(ROWS_PER_CALL / Math.max(1, rowsPerImage)));
}

/** A chunk's computation: inputs [n, 28, 28, 1] and float one-hot targets [n, 10] → n·784 values. */
export type ChunkFn = (x: tf.Tensor4D, oneHot: tf.Tensor2D) => tf.Tensor;

/** Applies `fn` to the batch in chunks and returns batch·784 values. Leaves no tensor behind. */
export async function mapInChunks(
  inputs: Float32Array,
  batch: number,
  targets: Int32Array,
  rowsPerImage: number,
  fn: ChunkFn,
): Promise<Float32Array> {
  const out = new Float32Array(batch * PIXELS);
  const step = imagesPerCall(rowsPerImage);
  for (let start = 0; start < batch; start += step) {
    const n = Math.min(step, batch - start);
    const result = tf.tidy(() => {
      const x = toInput(inputs.subarray(start * PIXELS, (start + n) * PIXELS), n);
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d(targets.subarray(start, start + n), 'int32'), NUM_CLASSES), 'float32') as tf.Tensor2D;
      return fn(x, oneHot);
    });
    try {
      if (result.size !== n * PIXELS) throw new Error(`a chunk of ${n} images gave ${result.size} values, not ${n * PIXELS}`);
      out.set(await result.data(), start * PIXELS);
    } finally {
      result.dispose();
    }
  }
  return out;
}
