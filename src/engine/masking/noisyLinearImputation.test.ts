import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE, MNIST_MEAN, NOISY_LINEAR_SIGMA, PIXELS } from '../defaults';
import { makeRng } from '../random';
import { noisyLinearImpute } from './noisyLinearImputation';

/** An MNIST-like image: a bright blob on a black background. */
function blobImage(): Float32Array {
  const image = new Float32Array(PIXELS);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      image[r * IMAGE_SIZE + c] = Math.max(0, 1 - Math.hypot(r - 12, c - 15) / 8);
    }
  }
  return image;
}

function randomMask(fraction: number, seed: number): Uint8Array {
  const rng = makeRng(seed);
  return Uint8Array.from({ length: PIXELS }, () => (rng() < fraction ? 1 : 0));
}

/** The ROAD stencil written out independently: 1/6 direct, 1/12 diagonal, over neighbours inside the image. */
function neighbourMean(image: Float32Array, p: number): number {
  const row = Math.floor(p / IMAGE_SIZE);
  const col = p % IMAGE_SIZE;
  let sum = 0;
  let weights = 0;
  for (const [dr, dc] of [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]]) {
    const r = row + dr;
    const c = col + dc;
    if (r < 0 || r >= IMAGE_SIZE || c < 0 || c >= IMAGE_SIZE) continue;
    const w = dr === 0 || dc === 0 ? 1 / 6 : 1 / 12;
    sum += w * image[r * IMAGE_SIZE + c];
    weights += w;
  }
  return sum / weights;
}

/** The exact joint solution by dense Gaussian elimination with partial pivoting. */
function directSolve(image: Float32Array, removed: Uint8Array): Float64Array {
  const unknowns = [...removed.keys()].filter((p) => removed[p]);
  const slot = new Map(unknowns.map((p, i) => [p, i]));
  const m = unknowns.length;
  const a = Array.from({ length: m }, () => new Float64Array(m + 1));
  unknowns.forEach((p, i) => {
    const row = Math.floor(p / IMAGE_SIZE);
    const col = p % IMAGE_SIZE;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = col + dc;
        if ((dr === 0 && dc === 0) || r < 0 || r >= IMAGE_SIZE || c < 0 || c >= IMAGE_SIZE) continue;
        const q = r * IMAGE_SIZE + c;
        const w = dr === 0 || dc === 0 ? 1 / 6 : 1 / 12;
        a[i][i] += w;
        if (removed[q]) a[i][slot.get(q)!] -= w;
        else a[i][m] += w * image[q];
      }
    }
  });
  for (let k = 0; k < m; k++) {
    let pivot = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) pivot = i;
    [a[k], a[pivot]] = [a[pivot], a[k]];
    for (let i = k + 1; i < m; i++) {
      const f = a[i][k] / a[k][k];
      if (f !== 0) for (let j = k; j <= m; j++) a[i][j] -= f * a[k][j];
    }
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = a[i][m];
    for (let j = i + 1; j < m; j++) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  const solution = new Float64Array(image);
  unknowns.forEach((p, i) => (solution[p] = x[i]));
  return solution;
}

describe('noisyLinearImpute', () => {
  it('leaves every kept pixel bit-identical', () => {
    const image = blobImage();
    const removed = randomMask(0.5, 1);
    const out = noisyLinearImpute(image, removed, makeRng(1));
    const before = new Uint32Array(image.buffer);
    const after = new Uint32Array(out.buffer);
    let changed = 0;
    for (let p = 0; p < PIXELS; p++) {
      if (!removed[p]) expect(after[p]).toBe(before[p]);
      else if (after[p] !== before[p]) changed++;
    }
    expect(changed).toBeGreaterThan(300); // the noise moves (nearly) every removed pixel
  });

  it('fills a removed pixel among kept pixels of value v with v, up to the noise', () => {
    const image = new Float32Array(PIXELS).fill(0.6);
    const removed = new Uint8Array(PIXELS);
    const centre = 14 * IMAGE_SIZE + 14;
    const corner = 0;
    removed[centre] = 1;
    removed[corner] = 1;
    const exact = noisyLinearImpute(image, removed, makeRng(1), 0);
    expect(exact[centre]).toBeCloseTo(0.6, 6);
    expect(exact[corner]).toBeCloseTo(0.6, 6);
    const noisy = noisyLinearImpute(image, removed, makeRng(1));
    expect(Math.abs(noisy[centre] - 0.6)).toBeLessThan(5 * NOISY_LINEAR_SIGMA);
    expect(noisy[centre]).not.toBe(exact[centre]);
  });

  it('satisfies the neighbour-mean equation at every removed pixel when sigma is 0', () => {
    const image = blobImage();
    for (const fraction of [0.1, 0.5, 0.9, 0.99]) {
      const removed = randomMask(fraction, 2);
      const out = noisyLinearImpute(image, removed, makeRng(1), 0);
      for (let p = 0; p < PIXELS; p++) {
        if (removed[p]) expect(Math.abs(out[p] - neighbourMean(out, p))).toBeLessThan(1e-5);
      }
    }
  });

  it('solves all removed pixels jointly: matches a direct solve of the system', () => {
    const image = blobImage();
    // KAR-like: only a small window around the blob is kept, one large region is removed.
    const removed = new Uint8Array(PIXELS).fill(1);
    for (let r = 9; r < 16; r++) for (let c = 12; c < 19; c++) removed[r * IMAGE_SIZE + c] = 0;
    const out = noisyLinearImpute(image, removed, makeRng(1), 0);
    const exact = directSolve(image, removed);
    let worst = 0;
    for (let p = 0; p < PIXELS; p++) worst = Math.max(worst, Math.abs(out[p] - exact[p]));
    expect(worst).toBeLessThan(1e-4);
  });

  it('reproduces a linear ramp inside a removed block (the stencil is symmetric)', () => {
    const ramp = (p: number) => 0.01 * Math.floor(p / IMAGE_SIZE) + 0.02 * (p % IMAGE_SIZE);
    const image = Float32Array.from({ length: PIXELS }, (_, p) => ramp(p));
    const removed = new Uint8Array(PIXELS);
    for (let r = 5; r < 20; r++) for (let c = 3; c < 25; c++) removed[r * IMAGE_SIZE + c] = 1;
    const out = noisyLinearImpute(image, removed, makeRng(1), 0);
    for (let p = 0; p < PIXELS; p++) expect(out[p]).toBeCloseTo(image[p], 4);
  });

  it('is reproducible for a seed, differs for another, and adds noise of standard deviation sigma', () => {
    const image = blobImage();
    const removed = randomMask(0.5, 3);
    const a = noisyLinearImpute(image, removed, makeRng(5));
    expect(Array.from(noisyLinearImpute(image, removed, makeRng(5)))).toEqual(Array.from(a));
    expect(Array.from(noisyLinearImpute(image, removed, makeRng(6)))).not.toEqual(Array.from(a));
    const exact = noisyLinearImpute(image, removed, makeRng(5), 0);
    const noise = [...removed.keys()].filter((p) => removed[p]).map((p) => a[p] - exact[p]);
    const sd = Math.sqrt(noise.reduce((s, e) => s + e * e, 0) / noise.length);
    expect(sd).toBeGreaterThan(0.8 * NOISY_LINEAR_SIGMA);
    expect(sd).toBeLessThan(1.2 * NOISY_LINEAR_SIGMA);
  });

  it('gives the dataset mean when every pixel is removed (the system fixes no level)', () => {
    const out = noisyLinearImpute(blobImage(), new Uint8Array(PIXELS).fill(1), makeRng(1), 0);
    for (let p = 0; p < PIXELS; p++) expect(out[p]).toBeCloseTo(MNIST_MEAN, 6);
  });

  it('may write over its input', () => {
    const image = blobImage();
    const removed = randomMask(0.5, 4);
    const expected = noisyLinearImpute(image, removed, makeRng(1));
    noisyLinearImpute(image, removed, makeRng(1), NOISY_LINEAR_SIGMA, image);
    expect(Array.from(image)).toEqual(Array.from(expected));
  });

  it('rejects arrays that are not one image', () => {
    expect(() => noisyLinearImpute(new Float32Array(10), new Uint8Array(PIXELS), makeRng(1))).toThrow(RangeError);
  });
});
