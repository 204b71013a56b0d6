import { describe, expect, it } from 'vitest';
import { MNIST_MEAN, MNIST_STD, PIXELS, type MaskMode, type Replacement } from '../defaults';
import { makeRng } from '../random';
import { fillMaskedBatch, maskImage, removedMask } from './mask';
import { pixelsToMask } from './maskCount';
import { randomOrder } from '../../testing/randomOrder';

const MODES: MaskMode[] = ['roar', 'kar'];
const REPLACEMENTS: Replacement[] = ['mean', 'black', 'white', 'imageMean', 'noisyLinear'];
/** 0, 0.01, …, 1 and seed 004's 782/784. */
const FRACTIONS = [...Array.from({ length: 101 }, (_, i) => i / 100), 782 / 784];

function sum(a: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}

/** uint8 MNIST-like images: ~80 % zeros. */
function byteImages(n: number, seed: number): Uint8Array {
  const rng = makeRng(seed);
  return Uint8Array.from({ length: n * PIXELS }, () => (rng() < 0.8 ? 0 : 1 + Math.floor(rng() * 255)));
}

describe('removedMask', () => {
  it('replaces exactly ⌊t · 784⌋ pixels under ROAR and keeps exactly that many under KAR, for every t', () => {
    const order = randomOrder(0, 1);
    for (const t of FRACTIONS) {
      const k = pixelsToMask(t);
      expect(sum(removedMask(order, t, 'roar'))).toBe(k);
      expect(sum(removedMask(order, t, 'kar'))).toBe(PIXELS - k);
    }
  });

  it('ROAR replaces exactly the top ⌊t · 784⌋ of the order', () => {
    const order = randomOrder(1, 1);
    for (const t of [0.1, 0.5, 782 / 784]) {
      const mask = removedMask(order, t, 'roar');
      const k = pixelsToMask(t);
      for (let i = 0; i < PIXELS; i++) expect(mask[order[i]]).toBe(i < k ? 1 : 0);
    }
  });

  // ROAR replaces the top ⌊t · 784⌋ and keeps the rest; KAR keeps those top ⌊t · 784⌋ and replaces the rest.
  it("replaces under KAR exactly the pixels ROAR keeps, at the same t and order (the complement of ROAR's set)", () => {
    const order = randomOrder(2, 1);
    for (const t of FRACTIONS) {
      const roar = removedMask(order, t, 'roar');
      const kar = removedMask(order, t, 'kar');
      for (let p = 0; p < PIXELS; p++) expect(kar[p]).toBe(1 - roar[p]);
    }
  });
});

describe('maskImage', () => {
  // Every pixel differs from every constant replacement, so a changed pixel is a replaced one.
  const image = Float32Array.from({ length: PIXELS }, (_, p) => 0.2 + 0.7 * ((p * 37) % PIXELS) / PIXELS);

  it('changes exactly ⌊t · 784⌋ pixels (ROAR) or all but that many (KAR), for every t and replacement', () => {
    const order = randomOrder(3, 1);
    for (const replacement of REPLACEMENTS) {
      for (const mode of MODES) {
        for (const t of FRACTIONS) {
          const out = maskImage(image, order, t, mode, replacement, makeRng(1));
          let changed = 0;
          for (let p = 0; p < PIXELS; p++) if (out[p] !== image[p]) changed++;
          const k = pixelsToMask(t);
          expect(changed).toBe(mode === 'roar' ? k : PIXELS - k);
        }
      }
    }
  });

  it('writes the constant replacement values in [0,1] pixel units', () => {
    const order = randomOrder(4, 1);
    const expected: Record<string, number> = {
      mean: Math.fround(MNIST_MEAN),
      black: 0,
      white: 1,
      imageMean: Math.fround(sum(image) / PIXELS),
    };
    for (const replacement of ['mean', 'black', 'white', 'imageMean'] as const) {
      const out = maskImage(image, order, 0.3, 'roar', replacement, makeRng(1));
      const removed = removedMask(order, 0.3, 'roar');
      for (let p = 0; p < PIXELS; p++) expect(out[p]).toBe(removed[p] ? expected[replacement] : image[p]);
    }
  });

  it("uses the image's own mean over all its original pixels for imageMean", () => {
    const half = new Float32Array(PIXELS).fill(0.8, 0, 392); // mean 0.4
    const out = maskImage(half, randomOrder(5, 1), 0.5, 'kar', 'imageMean', makeRng(1));
    const replaced = Array.from(out).filter((v) => v !== 0 && v !== Math.fround(0.8));
    expect(replaced).toEqual(new Array(392).fill(Math.fround(0.4)));
  });

  it('may write over its input', () => {
    const order = randomOrder(6, 1);
    for (const mode of MODES) {
      const expected = maskImage(image, order, 0.3, mode, 'imageMean', makeRng(1));
      const copy = image.slice();
      maskImage(copy, order, 0.3, mode, 'imageMean', makeRng(1), copy);
      expect(Array.from(copy)).toEqual(Array.from(expected));
    }
  });

  it('rejects an order that is not one image', () => {
    expect(() => maskImage(image, new Uint16Array(10), 0.3, 'roar', 'mean', makeRng(1))).toThrow(RangeError);
  });
});

describe('fillMaskedBatch', () => {
  const n = 6;
  const images = byteImages(n, 1);
  const orders = new Uint16Array(n * PIXELS);
  for (let i = 0; i < n; i++) randomOrder(i, 9, orders.subarray(i * PIXELS, (i + 1) * PIXELS));
  const indices = [4, 0, 4, 2];

  function expectedBatch(fraction: number, mode: MaskMode, replacement: Replacement, seed: number): Float32Array {
    const rng = makeRng(seed);
    const expected = new Float32Array(indices.length * PIXELS);
    indices.forEach((image, b) => {
      const src = Float32Array.from(images.subarray(image * PIXELS, (image + 1) * PIXELS), (v) => v / 255);
      const order = orders.subarray(image * PIXELS, (image + 1) * PIXELS);
      const masked = maskImage(src, order, fraction, mode, replacement, rng);
      for (let p = 0; p < PIXELS; p++) expected[b * PIXELS + p] = (masked[p] - MNIST_MEAN) / MNIST_STD;
    });
    return expected;
  }

  it('matches maskImage followed by normalisation, element by element', () => {
    for (const replacement of REPLACEMENTS) {
      for (const mode of MODES) {
        for (const t of [0, 0.1, 0.5, 0.9, 782 / 784, 1]) {
          const out = new Float32Array(indices.length * PIXELS);
          fillMaskedBatch(images, orders, indices, t, mode, replacement, makeRng(3), out);
          const expected = expectedBatch(t, mode, replacement, 3);
          for (let i = 0; i < out.length; i++) expect(Math.abs(out[i] - expected[i])).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('normalises unmasked images when orders is null', () => {
    const out = new Float32Array(indices.length * PIXELS);
    fillMaskedBatch(images, null, indices, 0.9, 'roar', 'white', makeRng(3), out);
    indices.forEach((image, b) => {
      for (let p = 0; p < PIXELS; p++) {
        expect(out[b * PIXELS + p]).toBeCloseTo((images[image * PIXELS + p] / 255 - MNIST_MEAN) / MNIST_STD, 5);
      }
    });
  });

  it('writes the dataset mean as 0 after normalisation', () => {
    const out = new Float32Array(PIXELS);
    fillMaskedBatch(images, orders, [1], 1, 'roar', 'mean', makeRng(3), out);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('rejects a batch buffer too small, an image index out of range and orders for other images', () => {
    const one = new Float32Array(PIXELS);
    expect(() => fillMaskedBatch(images, orders, indices, 0.5, 'roar', 'mean', makeRng(1), one)).toThrow(RangeError);
    expect(() => fillMaskedBatch(images, orders, [n], 0.5, 'roar', 'mean', makeRng(1), one)).toThrow(RangeError);
    const short = orders.subarray(PIXELS);
    expect(() => fillMaskedBatch(images, short, [0], 0.5, 'roar', 'mean', makeRng(1), one)).toThrow(RangeError);
  });
});
