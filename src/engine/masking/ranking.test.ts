import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE, PIXELS, type RankTransform } from '../defaults';
import { makeRng } from '../random';
import { rankAll, rankPixels } from './ranking';

const TRANSFORMS: RankTransform[] = ['abs', 'square', 'signed'];
const identity = Array.from({ length: PIXELS }, (_, p) => p);

/** A map like IG on MNIST: ~80 % exact zeros, the rest signed values. */
function sparseMaps(n: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  const maps = new Float32Array(n * PIXELS);
  for (let i = 0; i < maps.length; i++) maps[i] = rng() < 0.8 ? 0 : rng() * 2 - 1;
  return maps;
}

function isPermutation(order: ArrayLike<number>): boolean {
  return [...Array.from(order)].sort((a, b) => a - b).every((p, i) => p === i);
}

function transformed(e: number, transform: RankTransform): number {
  if (transform === 'abs') return Math.abs(e);
  return transform === 'square' ? Math.fround(e * e) : e;
}

/** The same ranking by a plain comparator sort, ties by ascending index. */
function referenceRanking(map: Float32Array, transform: RankTransform): number[] {
  return identity
    .slice()
    .sort((a, b) => transformed(map[b], transform) - transformed(map[a], transform) || a - b);
}

describe('rankPixels', () => {
  it("orders a blank map as 0..783 with tieBreak 'index' (tf.nn.top_k's order)", () => {
    for (const transform of TRANSFORMS) {
      expect(Array.from(rankPixels(new Float32Array(PIXELS), transform, 'index', 7, 0))).toEqual(identity);
    }
  });

  it("spreads a blank map's top pixels over the image with tieBreak 'random'", () => {
    const order = rankPixels(new Float32Array(PIXELS), 'abs', 'random', 7, 0);
    expect(isPermutation(order)).toBe(true);
    const top = Array.from(order.subarray(0, 78));
    expect(top).not.toEqual(identity.slice(0, 78));
    // Index order would take the top 2.8 rows (mean row 1); a random order centres on row 13.5.
    const meanRow = top.reduce((sum, p) => sum + Math.floor(p / IMAGE_SIZE), 0) / top.length;
    expect(meanRow).toBeGreaterThan(9);
    expect(meanRow).toBeLessThan(18);
  });

  it('reproduces random tie orders per (seed, image) and varies them across seeds and images', () => {
    const blank = new Float32Array(PIXELS);
    const a = Array.from(rankPixels(blank, 'abs', 'random', 7, 3));
    expect(Array.from(rankPixels(blank, 'abs', 'random', 7, 3))).toEqual(a);
    expect(Array.from(rankPixels(blank, 'abs', 'random', 8, 3))).not.toEqual(a);
    expect(Array.from(rankPixels(blank, 'abs', 'random', 7, 4))).not.toEqual(a);
  });

  it('orders a hand-made map by |e|, e² and signed e', () => {
    const map = new Float32Array(PIXELS);
    map[5] = -3;
    map[10] = 2;
    map[20] = -1;
    map[30] = 0.5;
    map[40] = 2; // ties with pixel 10
    const zeros = identity.filter((p) => ![5, 10, 20, 30, 40].includes(p));
    const rank = (t: RankTransform) => Array.from(rankPixels(map, t, 'index', 7, 0));
    expect(rank('abs')).toEqual([5, 10, 40, 20, 30, ...zeros]);
    expect(rank('square')).toEqual([5, 10, 40, 20, 30, ...zeros]);
    expect(rank('signed')).toEqual([10, 40, 30, ...zeros, 20, 5]);
  });

  it('ties values whose float32 squares underflow to 0 under square, but not under abs', () => {
    const map = new Float32Array(PIXELS);
    map[100] = 1e-30;
    expect(rankPixels(map, 'abs', 'index', 7, 0)[0]).toBe(100);
    expect(Array.from(rankPixels(map, 'square', 'index', 7, 0))).toEqual(identity);
  });

  it('ties −0 with +0 under signed', () => {
    const map = new Float32Array(PIXELS);
    map[0] = -0;
    expect(Array.from(rankPixels(map, 'signed', 'index', 7, 0))).toEqual(identity);
  });

  it('ranks NaN below everything, even −Infinity', () => {
    const map = new Float32Array(PIXELS);
    map[0] = NaN;
    map[1] = -Infinity;
    map[2] = NaN;
    const signed = rankPixels(map, 'signed', 'index', 7, 0);
    expect(Array.from(signed.subarray(PIXELS - 3))).toEqual([1, 0, 2]);
    const abs = rankPixels(map, 'abs', 'index', 7, 0);
    expect(abs[0]).toBe(1);
    expect(Array.from(abs.subarray(PIXELS - 2))).toEqual([0, 2]);
  });

  it('matches a comparator sort on sparse random maps, for every transform', () => {
    const maps = sparseMaps(20, 1);
    for (const transform of TRANSFORMS) {
      for (let i = 0; i < 20; i++) {
        const map = maps.subarray(i * PIXELS, (i + 1) * PIXELS);
        expect(Array.from(rankPixels(map, transform, 'index', 7, i))).toEqual(referenceRanking(map, transform));
      }
    }
  });

  it("keeps values non-increasing along the order with tieBreak 'random'", () => {
    const maps = sparseMaps(20, 2);
    for (const transform of TRANSFORMS) {
      for (let i = 0; i < 20; i++) {
        const map = maps.subarray(i * PIXELS, (i + 1) * PIXELS);
        const order = rankPixels(map, transform, 'random', 7, i);
        expect(isPermutation(order)).toBe(true);
        for (let j = 1; j < PIXELS; j++) {
          const previous = transformed(map[order[j - 1]], transform);
          expect(transformed(map[order[j]], transform)).toBeLessThanOrEqual(previous);
        }
      }
    }
  });

  it('rejects a map that is not one image', () => {
    expect(() => rankPixels(new Float32Array(100), 'abs', 'index', 7, 0)).toThrow(RangeError);
  });
});

describe('rankAll', () => {
  it('equals rankPixels image by image, with image indices counted from firstImageIndex', () => {
    const maps = sparseMaps(5, 3);
    const orders = rankAll(maps, 5, 'abs', 'random', 7, 100);
    for (let i = 0; i < 5; i++) {
      const one = rankPixels(maps.subarray(i * PIXELS, (i + 1) * PIXELS), 'abs', 'random', 7, 100 + i);
      expect(Array.from(orders.subarray(i * PIXELS, (i + 1) * PIXELS))).toEqual(Array.from(one));
    }
  });

  it('rejects too few maps for n', () => {
    expect(() => rankAll(new Float32Array(PIXELS), 2, 'abs', 'index', 7)).toThrow(RangeError);
  });

  it('times 10,000 maps (reported, not asserted)', () => {
    const n = 10_000;
    const maps = sparseMaps(n, 4);
    for (const tieBreak of ['random', 'index'] as const) {
      const start = performance.now();
      rankAll(maps, n, 'abs', tieBreak, 7);
      const ms = performance.now() - start;
      const full = ((ms * 7) / 1000).toFixed(1);
      console.log(`rankAll, 10,000 maps, tieBreak ${tieBreak}: ${ms.toFixed(0)} ms (${full} s for 70,000)`);
    }
  });
});
