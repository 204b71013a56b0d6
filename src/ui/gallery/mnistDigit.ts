/**
 * Turns a drawing into a digit the way MNIST's digits were made (LeCun, Cortes & Burges): the ink's bounding
 * box is scaled, keeping its aspect ratio, to fit a 20×20 box with anti-aliasing (grey levels), and the
 * result is placed in a 28×28 image so that its centre of mass lies at the image centre. Without this a
 * digit drawn small or off-centre looks nothing like what the network was trained on.
 */
import { IMAGE_SIZE, PIXELS } from '../../engine/defaults';

const BOX = 20;

/** For each output cell of a 1-D resampling, the input cells it covers and their overlap weights (area averaging). */
function areaWeights(srcLen: number, dstLen: number): { first: number; weights: number[] }[] {
  const ratio = srcLen / dstLen;
  return Array.from({ length: dstLen }, (_, i) => {
    const a = i * ratio;
    const b = (i + 1) * ratio;
    const first = Math.floor(a);
    const weights: number[] = [];
    for (let k = first; k < Math.min(srcLen, Math.ceil(b)); k++) weights.push((Math.min(b, k + 1) - Math.max(a, k)) / ratio);
    return { first, weights };
  });
}

/** Resamples a w×h patch to tw×th by averaging over the area each output pixel covers (separably). */
function resample(src: Float32Array, w: number, h: number, tw: number, th: number): Float32Array {
  const wx = areaWeights(w, tw);
  const wy = areaWeights(h, th);
  const rows = new Float32Array(h * tw);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < tw; i++) {
      let v = 0;
      wx[i].weights.forEach((wt, k) => (v += wt * src[y * w + wx[i].first + k]));
      rows[y * tw + i] = v;
    }
  }
  const out = new Float32Array(th * tw);
  for (let j = 0; j < th; j++) {
    for (let i = 0; i < tw; i++) {
      let v = 0;
      wy[j].weights.forEach((wt, k) => (v += wt * rows[(wy[j].first + k) * tw + i]));
      out[j * tw + i] = v;
    }
  }
  return out;
}

/**
 * `ink` holds width·height values in [0, 1] (1 = full ink). Returns 784 grey levels in [0, 1], or null when
 * nothing was drawn.
 */
export function toMnistDigit(ink: Float32Array, width: number, height: number): number[] | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const patch = new Float32Array(w * h);
  for (let y = 0; y < h; y++) patch.set(ink.subarray((y0 + y) * width + x0, (y0 + y) * width + x0 + w), y * w);

  const scale = BOX / Math.max(w, h);
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const small = resample(patch, w, h, tw, th);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const ox = Math.round(IMAGE_SIZE / 2 - mx / mass);
  const oy = Math.round(IMAGE_SIZE / 2 - my / mass);
  const out = new Array<number>(PIXELS).fill(0);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const X = x + ox;
      const Y = y + oy;
      if (X >= 0 && X < IMAGE_SIZE && Y >= 0 && Y < IMAGE_SIZE) out[Y * IMAGE_SIZE + X] = Math.min(1, Math.max(0, small[y * tw + x]));
    }
  }
  return out.some((v) => v > 0) ? out : null;
}
