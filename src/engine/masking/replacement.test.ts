import { describe, expect, it } from 'vitest';
import { MNIST_MEAN, PIXELS } from '../defaults';
import { replacementValue } from './replacement';

describe('replacementValue', () => {
  const image = new Float32Array(PIXELS);
  image.fill(0.5, 0, 392); // mean 0.25

  it('gives the dataset mean, black and white as constants in [0,1] pixel units', () => {
    expect(replacementValue('mean', image)).toBe(MNIST_MEAN);
    expect(replacementValue('black', image)).toBe(0);
    expect(replacementValue('white', image)).toBe(1);
  });

  it("gives the image's own mean for imageMean", () => {
    expect(replacementValue('imageMean', image)).toBeCloseTo(0.25, 12);
    expect(replacementValue('imageMean', new Float32Array(PIXELS).fill(0.75))).toBeCloseTo(0.75, 12);
  });

  it('reads one uint8 image out of many, scaled to [0,1]', () => {
    const bytes = new Uint8Array(3 * PIXELS);
    bytes.fill(255, PIXELS, PIXELS + 196); // image 1: a quarter white
    expect(replacementValue('imageMean', bytes, PIXELS, 1 / 255)).toBeCloseTo(0.25, 12);
    expect(replacementValue('imageMean', bytes, 2 * PIXELS, 1 / 255)).toBe(0);
  });
});
