/**
 * Filters applied to an importance map before it is ranked (issue 14, part 4): SIAnalytics found that ROAR
 * rewards blurry maps — removing a blob takes out a digit's stroke together with its neighbours, which
 * retraining cannot fill in — so a blurred copy of a map can "beat" the map itself. A 3 × 3 maximum filter
 * and a Gaussian of σ = 1 pixel are the two blurs offered; each works on the image's 28 × 28 grid and
 * treats the outside of the image as absent (the weights of the taps inside are renormalised).
 */
import { IMAGE_SIZE, PIXELS, type MapFilter } from '../defaults';

const N = IMAGE_SIZE;

/** σ = 1 px, taps out to 3σ: 7 weights, e^(−d²/2). */
const GAUSS = Array.from({ length: 7 }, (_, i) => Math.exp(-((i - 3) ** 2) / 2));

function maximum3(src: Float32Array, at: number, out: Float32Array): void {
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      let m = -Infinity;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= N) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc >= 0 && cc < N) m = Math.max(m, src[at + rr * N + cc]);
        }
      }
      out[r * N + c] = m;
    }
  }
}

/** Separable: rows, then columns, each tap's weight renormalised over the taps inside the image. */
function gaussian1(src: Float32Array, at: number, out: Float32Array): void {
  const rows = new Float64Array(PIXELS);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      let s = 0;
      let w = 0;
      for (let k = -3; k <= 3; k++) {
        const cc = c + k;
        if (cc < 0 || cc >= N) continue;
        s += GAUSS[k + 3] * src[at + r * N + cc];
        w += GAUSS[k + 3];
      }
      rows[r * N + c] = s / w;
    }
  }
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      let s = 0;
      let w = 0;
      for (let k = -3; k <= 3; k++) {
        const rr = r + k;
        if (rr < 0 || rr >= N) continue;
        s += GAUSS[k + 3] * rows[rr * N + c];
        w += GAUSS[k + 3];
      }
      out[r * N + c] = s / w;
    }
  }
}

/** The filtered copy of the image `src[at .. at + 784)`, written to `out` (784 values). */
export function filterMap(src: Float32Array, at: number, filter: Exclude<MapFilter, 'none'>, out: Float32Array): Float32Array {
  if (filter === 'max3') maximum3(src, at, out);
  else gaussian1(src, at, out);
  return out;
}
