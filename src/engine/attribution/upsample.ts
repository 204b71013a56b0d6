/** Resizing layer-resolution maps to the 28×28 image (Grad-CAM, FullGrad). */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../defaults';

/**
 * 'halfPixel' stretches the map over the whole image with pixel centres aligned (PyTorch align_corners=False,
 * cv2.resize); 'corners' maps corner pixel to corner pixel (align_corners=True, the FullGrad reference code).
 */
export function upsampleTo28(maps: tf.Tensor4D, align: 'halfPixel' | 'corners'): tf.Tensor4D {
  return tf.image.resizeBilinear(maps, [IMAGE_SIZE, IMAGE_SIZE], align === 'corners', align === 'halfPixel');
}

/**
 * Where the CNN's last convolution looks (science.md §7, "Grad-CAM's grid"): conv1 (VALID 5×5) centres its
 * output j on input pixel j + 2, pool 1 (2×2) output k on 2k + 2.5, conv2 (VALID 5×5) output i on pool
 * output i + 2, i.e. on input pixel 2i + 6.5; its receptive field spans pixels 2i … 2i + 13.
 */
export const lastConvCentre = (i: number): number => 2 * i + 6.5;

/**
 * The weights that spread an n-cell grid over 28 pixels with cell i centred on pixel centre(i): bilinear
 * between neighbouring centres, constant beyond the first and last (as bilinear resizing clamps at edges).
 * Row p holds pixel p's weight on each cell; each row sums to 1.
 */
export function placementMatrix(cells: number, centre: (i: number) => number): number[][] {
  return Array.from({ length: IMAGE_SIZE }, (_, p) => {
    const row = new Array<number>(cells).fill(0);
    const u = (p - centre(0)) / (centre(1) - centre(0));
    if (u <= 0) row[0] = 1;
    else if (u >= cells - 1) row[cells - 1] = 1;
    else {
      const lo = Math.floor(u);
      row[lo] = 1 - (u - lo);
      row[lo + 1] += u - lo;
    }
    return row;
  });
}

/** Maps [n, g, g, 1] on the last conv's grid → [n, 28, 28, 1], each cell's value placed where its cell looks. */
export function placeOnImage(maps: tf.Tensor4D, centre: (i: number) => number = lastConvCentre): tf.Tensor4D {
  const [n, g] = maps.shape;
  return tf.tidy(() => {
    const m = tf.tensor2d(placementMatrix(g, centre));
    const grids = tf.reshape(maps, [n, g, g]);
    // out = M · A · Mᵀ for every map: pixel (p, q) reads cells (i, j) with weights M[p][i] · M[q][j].
    const rows = tf.matMul(tf.tile(tf.expandDims(m, 0), [n, 1, 1]), grids);
    return tf.reshape(tf.matMul(rows, tf.tile(tf.expandDims(m, 0), [n, 1, 1]), false, true), [n, IMAGE_SIZE, IMAGE_SIZE, 1]) as tf.Tensor4D;
  });
}
