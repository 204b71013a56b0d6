import { IMAGE_SIZE, MNIST_MEAN, NOISY_LINEAR_SIGMA, PIXELS as IMAGE_PIXELS } from '../defaults';
import { gaussian, type Rng } from '../random';

/*
 * ROAD's noisy linear imputation (Rong et al. 2022; field-notes §1.2, road/imputations.py): every removed
 * pixel equals the weighted mean of its 8 neighbours — weight 1/6 for the 4 direct ones, 1/12 for the 4
 * diagonal ones, renormalised over the neighbours inside the image — with all removed pixels solved
 * jointly, then N(0, σ²) noise on the removed pixels only. Filling from the surroundings hides the mask's
 * shape, which a constant replacement gives away to the retrained model.
 *
 * ROAD solves the sparse system directly (spsolve); here successive over-relaxation (SOR) solves the same
 * system in place. Multiplied by its weight sum each equation is symmetric and, with at least one kept
 * pixel, positive definite, so SOR converges for any 0 < ω < 2. It stops once no equation is off by more
 * than SOR_TOLERANCE in a sweep (pixels live in [0,1]; the noise is 0.01), or after SOR_MAX_SWEEPS.
 * When every pixel is removed the system fixes the image only up to a constant (ROAD's spsolve fails
 * there); the solver's start, the dataset mean, is then the answer. Values are not clipped to [0,1], as
 * in ROAD.
 */

export const SOR_TOLERANCE = 1e-6;
export const SOR_MAX_SWEEPS = 1000;
/**
 * Chosen by measurement on MNIST test images (ROAR and KAR at t = 0.1, 0.5, 0.9; saliency-like and random
 * orders), 1.6–1.7 took the least time overall; 1.7 holds the worst case (KAR at 0.1, one large removed
 * region) to ~200 sweeps, ~1 ms an image in Node, where 1.0 (Gauss–Seidel) needed up to ~960.
 */
export const SOR_OMEGA = 1.7;

// A module-local copy: under vitest every read of an imported binding is a property lookup, which made
// the hot loops here ~4× slower.
const PIXELS = IMAGE_PIXELS;
const DIRECT_WEIGHT = 1 / 6;
const DIAGONAL_WEIGHT = 1 / 12;
const NEIGHBOURS = 8;

/** Slot p·8 + k: pixel p's k-th neighbour and its renormalised weight; one outside the image is p with weight 0. */
const neighbourPixel = new Uint16Array(PIXELS * NEIGHBOURS);
const neighbourWeight = new Float64Array(PIXELS * NEIGHBOURS);

(function buildNeighbours(): void {
  for (let row = 0; row < IMAGE_SIZE; row++) {
    for (let col = 0; col < IMAGE_SIZE; col++) {
      const p = row * IMAGE_SIZE + col;
      let k = p * NEIGHBOURS;
      let total = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          if (dr === 0 && dc === 0) continue;
          const r = row + dr;
          const c = col + dc;
          const inside = r >= 0 && r < IMAGE_SIZE && c >= 0 && c < IMAGE_SIZE;
          const weight = inside ? (dr === 0 || dc === 0 ? DIRECT_WEIGHT : DIAGONAL_WEIGHT) : 0;
          neighbourPixel[k] = inside ? r * IMAGE_SIZE + c : p;
          neighbourWeight[k] = weight;
          total += weight;
          k++;
        }
      }
      for (k = p * NEIGHBOURS; k < (p + 1) * NEIGHBOURS; k++) neighbourWeight[k] /= total;
    }
  }
})();

const values = new Float64Array(PIXELS);
const removedPixels = new Uint16Array(PIXELS);

/** Sweeps SOR over the `count` removed pixels in `values` until converged. */
function solve(count: number): void {
  for (let sweep = 0; sweep < SOR_MAX_SWEEPS; sweep++) {
    let worst = 0;
    for (let i = 0; i < count; i++) {
      const p = removedPixels[i];
      const base = p * NEIGHBOURS;
      let mean = 0;
      for (let k = base; k < base + NEIGHBOURS; k++) mean += neighbourWeight[k] * values[neighbourPixel[k]];
      const residual = mean - values[p];
      values[p] += SOR_OMEGA * residual;
      const size = residual < 0 ? -residual : residual;
      if (size > worst) worst = size;
    }
    if (worst < SOR_TOLERANCE) return;
  }
}

/**
 * Fills the pixels where `removed` is 1 by noisy linear imputation; kept pixels are copied unchanged.
 * `src` is in [0,1] pixel units; noise is drawn from `rng` in ascending pixel order, none when sigma is 0.
 * `out` may be `src`. Returns `out`. `datasetMean` (MNIST's by default) is what an image with every pixel
 * removed becomes.
 */
export function noisyLinearImpute(
  src: Float32Array,
  removed: Uint8Array,
  rng: Rng,
  sigma = NOISY_LINEAR_SIGMA,
  out: Float32Array = new Float32Array(PIXELS),
  datasetMean = MNIST_MEAN,
): Float32Array {
  if (src.length !== PIXELS || removed.length !== PIXELS || out.length !== PIXELS) {
    throw new RangeError(`Noisy linear imputation works on whole images of ${PIXELS} pixels.`);
  }
  let count = 0;
  let keptSum = 0;
  for (let p = 0; p < PIXELS; p++) {
    if (removed[p]) removedPixels[count++] = p;
    else keptSum += src[p];
  }
  // Starting from the kept pixels' mean shortens the solve; with none kept, the dataset mean.
  const start = count < PIXELS ? keptSum / (PIXELS - count) : datasetMean;
  for (let p = 0; p < PIXELS; p++) values[p] = removed[p] ? start : src[p];
  solve(count);
  for (let p = 0; p < PIXELS; p++) {
    out[p] = removed[p] ? (sigma === 0 ? values[p] : values[p] + sigma * gaussian(rng)) : src[p];
  }
  return out;
}
