/**
 * Sobel edge magnitude √(Gx² + Gy²) of the image itself (science.md §2 `sobel`): a model-independent
 * control. Hooker's code uses scipy.ndimage.sobel along one axis (field-notes §1.1); the magnitude of both
 * axes is the usual edge detector and does not favour one edge direction. Borders are extended as scipy's
 * default mode 'reflect' does (the edge pixel repeats). Computed on the normalised input; Sobel is linear,
 * so this only scales the map by 1/0.3081 compared with [0, 1] pixels and leaves the ranking unchanged.
 */
import { IMAGE_SIZE, PIXELS } from '../defaults';
import { METHOD_INFO, type SobelParams } from './catalog';
import { checkContext, type AttributionMethod } from './types';

const clampIndex = (i: number): number => Math.min(IMAGE_SIZE - 1, Math.max(0, i));

/** Sobel magnitude of one 28×28 image (row-major) into `out`. */
export function sobelMagnitude(image: ArrayLike<number>, out: Float32Array): Float32Array {
  const at = (r: number, c: number): number => image[clampIndex(r) * IMAGE_SIZE + clampIndex(c)];
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      // Kernels [1 2 1]ᵀ·[−1 0 1] (Gx, horizontal change) and its transpose (Gy).
      const gx = at(r - 1, c + 1) + 2 * at(r, c + 1) + at(r + 1, c + 1) - at(r - 1, c - 1) - 2 * at(r, c - 1) - at(r + 1, c - 1);
      const gy = at(r + 1, c - 1) + 2 * at(r + 1, c) + at(r + 1, c + 1) - at(r - 1, c - 1) - 2 * at(r - 1, c) - at(r - 1, c + 1);
      out[r * IMAGE_SIZE + c] = Math.hypot(gx, gy);
    }
  }
  return out;
}

export const sobel: AttributionMethod<SobelParams> = {
  ...METHOD_INFO.sobel,
  rowsPerImage: () => 1,
  async compute(ctx) {
    checkContext(ctx);
    const out = new Float32Array(ctx.batch * PIXELS);
    for (let b = 0; b < ctx.batch; b++) {
      sobelMagnitude(ctx.inputs.subarray(b * PIXELS, (b + 1) * PIXELS), out.subarray(b * PIXELS, (b + 1) * PIXELS));
    }
    return out;
  },
};
