import { PIXELS as IMAGE_PIXELS, type RankTransform, type TieBreak } from '../defaults';
import { deriveSeed, makeRng, shuffleInPlace } from '../random';
import { checkImageLength } from './imageLength';

/*
 * Ranking pixels by importance (science.md §3), most important first.
 *
 * Ties: ~80 % of MNIST pixels are exactly 0, so IG and input × gradient give many exactly equal values.
 * 'index' orders tied pixels by ascending pixel index, as tf.nn.top_k does in Hooker's code (field-notes
 * §1.1); 'random' orders them by a permutation seeded per (tieSeed, image), so the default mask is not
 * biased towards the top rows of the image.
 *
 * NaN ranks below every number (even −Infinity under 'signed'): ROAR removes a broken map element last
 * and KAR keeps it last. NaNs tie with each other.
 *
 * Speed: a comparator sort per image is too slow for 70,000 maps. Each pixel's transformed float32 value
 * becomes a uint32 rank that grows as importance falls, and a stable LSD radix sort (four byte passes,
 * skipping a pass whose byte is the same for every pixel) orders the pixels laid out in tie order, so
 * equal ranks keep their tie order. It is about twice as fast as packing (rank · 1024 + tie) into a
 * Float64Array for the native sort. Scratch buffers are shared: the engine runs single-threaded in a worker.
 */

// A module-local copy: under vitest every read of an imported binding is a property lookup, which made
// the hot loops here ~4× slower.
const PIXELS = IMAGE_PIXELS;
const NAN_RANK = 0xffffffff; // after −Infinity, whose rank is 0xff800000

const transformed = new Float32Array(PIXELS);
const transformedBits = new Uint32Array(transformed.buffer);
const ranks = new Uint32Array(PIXELS);
/** tiePixel[j] = the pixel whose tie rank is j. */
const tiePixel = new Uint16Array(PIXELS);
const sortA = new Uint16Array(PIXELS);
const sortB = new Uint16Array(PIXELS);
const digitCount = new Uint32Array(256);

function identityInto(order: Uint16Array): void {
  for (let p = 0; p < PIXELS; p++) order[p] = p;
}

function setTieOrder(tieBreak: TieBreak, tieSeed: number, imageIndex: number): void {
  identityInto(tiePixel);
  if (tieBreak === 'random') shuffleInPlace(tiePixel, makeRng(deriveSeed(tieSeed, `tie:${imageIndex}`)));
}

/** transformed[j] = the transformed value of pixel tiePixel[j], in float32 like the maps. */
function transformInto(maps: Float32Array, start: number, transform: RankTransform): void {
  switch (transform) {
    case 'abs':
      for (let j = 0; j < PIXELS; j++) transformed[j] = Math.abs(maps[start + tiePixel[j]]);
      break;
    case 'square':
      // Rounded to float32, as Hooker's TF code squares float32 maps: values whose squares underflow tie.
      for (let j = 0; j < PIXELS; j++) {
        const e = maps[start + tiePixel[j]];
        transformed[j] = e * e;
      }
      break;
    case 'signed':
      // + 0 turns −0 into +0, so the two zeros tie instead of ranking apart by their sign bit.
      for (let j = 0; j < PIXELS; j++) transformed[j] = maps[start + tiePixel[j]] + 0;
      break;
  }
}

/** ranks[j] for every tie slot j: larger float32 values get smaller ranks. */
function rankTransformed(): void {
  for (let j = 0; j < PIXELS; j++) {
    const v = transformed[j];
    const b = transformedBits[j];
    // A negative float's bit pattern grows as the value falls; a positive one's shrinks, hence 0x7fffffff − b.
    ranks[j] = v !== v ? NAN_RANK : b >= 0x80000000 ? b : 0x7fffffff - b;
  }
}

/** Tie slots sorted by ascending rank, equal ranks in ascending slot order. */
function radixSortSlots(): Uint16Array {
  identityInto(sortA);
  let src = sortA;
  let dst = sortB;
  for (let shift = 0; shift < 32; shift += 8) {
    digitCount.fill(0);
    for (let j = 0; j < PIXELS; j++) digitCount[(ranks[j] >>> shift) & 255]++;
    if (digitCount[(ranks[0] >>> shift) & 255] === PIXELS) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = digitCount[d];
      digitCount[d] = sum;
      sum += c;
    }
    for (let i = 0; i < PIXELS; i++) {
      const j = src[i];
      dst[digitCount[(ranks[j] >>> shift) & 255]++] = j;
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  return src;
}

function rankInto(
  maps: Float32Array,
  start: number,
  transform: RankTransform,
  tieBreak: TieBreak,
  tieSeed: number,
  imageIndex: number,
  out: Uint16Array,
  outStart: number,
): void {
  setTieOrder(tieBreak, tieSeed, imageIndex);
  transformInto(maps, start, transform);
  rankTransformed();
  const slots = radixSortSlots();
  for (let i = 0; i < PIXELS; i++) out[outStart + i] = tiePixel[slots[i]];
}

/**
 * The pixel indices of one image's attribution map, most important first: 'abs' ranks by |e|, 'square'
 * by e², 'signed' by e (largest first). `imageIndex` picks the image's own random tie order.
 */
export function rankPixels(
  map: Float32Array,
  transform: RankTransform,
  tieBreak: TieBreak,
  tieSeed: number,
  imageIndex: number,
  out: Uint16Array = new Uint16Array(PIXELS),
): Uint16Array {
  checkImageLength('The attribution map', map.length);
  checkImageLength('The output order', out.length);
  rankInto(map, 0, transform, tieBreak, tieSeed, imageIndex, out, 0);
  return out;
}

/** Ranks n maps stored one after another; image i breaks ties as image `firstImageIndex + i`. */
export function rankAll(
  maps: Float32Array,
  n: number,
  transform: RankTransform,
  tieBreak: TieBreak,
  tieSeed: number,
  firstImageIndex = 0,
): Uint16Array {
  if (maps.length < n * PIXELS) {
    throw new RangeError(`The attribution maps have ${maps.length} values; ${n} images need ${n * PIXELS}.`);
  }
  const orders = new Uint16Array(n * PIXELS);
  for (let i = 0; i < n; i++) {
    rankInto(maps, i * PIXELS, transform, tieBreak, tieSeed, firstImageIndex + i, orders, i * PIXELS);
  }
  return orders;
}
