/** The lab's Fashion-MNIST split (fashionSplit.mjs): its rules on any input, and on the package as installed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { makeRng } from '../src/engine/random';
import { publicDataDir } from '../src/node/loadMnist';
import { DATASETS } from '../src/engine/data/datasets';
// @ts-expect-error: plain JavaScript, run at install time before any TypeScript tooling
import { CLASSES, fashionSplit, isImage, mulberry32, PER_CLASS, SPLIT_SEED, TEST_PER_CLASS, toIdx } from './fashionSplit.mjs';

type Pair = [number, number];
type Split = { train: Pair[]; test: Pair[] };
const split = fashionSplit as (kept: number[][]) => Split;

/** Entries 0..6999 of every class. */
const whole = (): number[][] => Array.from({ length: CLASSES }, () => Array.from({ length: PER_CLASS }, (_, i) => i));

const perClass = (pairs: Pair[]): number[] => {
  const n = new Array<number>(CLASSES).fill(0);
  for (const [c] of pairs) n[c]++;
  return n;
};

describe('the Fashion-MNIST split', () => {
  test('draws from the engine’s own generator (mulberry32), seed for seed', () => {
    for (const seed of [0, 1, SPLIT_SEED, SPLIT_SEED + 11, 2 ** 32 - 1]) {
      const a = (mulberry32 as (s: number) => () => number)(seed);
      const b = makeRng(seed);
      for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
    }
  });

  test('is stratified: 6,000 train and 1,000 test images of each class, each image in exactly one split', () => {
    const { train, test: testSet } = split(whole());
    expect(train).toHaveLength(60000);
    expect(testSet).toHaveLength(10000);
    expect(perClass(train)).toEqual(new Array(CLASSES).fill(PER_CLASS - TEST_PER_CLASS));
    expect(perClass(testSet)).toEqual(new Array(CLASSES).fill(TEST_PER_CLASS));
    const seen = new Set([...train, ...testSet].map(([c, e]) => c * PER_CLASS + e));
    expect(seen.size).toBe(70000);
  });

  test('is stable: the same images in the same order every time, and mixed classes in any prefix', () => {
    const a = split(whole());
    expect(split(whole())).toEqual(a);
    expect(a.train.slice(0, 5)).toEqual([[0, 2615], [2, 1441], [9, 2809], [1, 1736], [4, 5400]]);
    expect(a.test.slice(0, 5)).toEqual([[6, 1368], [4, 2159], [8, 4356], [8, 254], [0, 1350]]);
    // The first 1,000 training images (what a small training size takes) hold every class about equally.
    for (const n of perClass(a.train.slice(0, 1000))) expect(n).toBeGreaterThan(70);
  });

  test('follows the package’s entries: an image left out is left out of both splits', () => {
    const kept = whole();
    kept[0] = kept[0].map((i) => (i < 1000 ? i : i + 1)); // as class 0's entry 1000 were empty
    const { train, test: testSet } = split(kept);
    expect([...train, ...testSet].some(([c, e]) => c === 0 && e === 1000)).toBe(false);
    expect(() => split(whole().map((k, c) => (c === 3 ? k.slice(1) : k)))).toThrow('class 3 has 6999 images, expected 7000');
  });
});

describe('the installed package and the prepared files', () => {
  const dir = join(dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json')), 'src', 'clothes');
  const entries: unknown[][] = Array.from({ length: CLASSES }, (_, c) => (JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')) as { data: unknown[] }).data);

  test('holds 70,002 entries: class 0’s entries 1000 and 7001 are empty, every other one a 28×28 image of bytes', () => {
    expect(entries.map((e) => e.length)).toEqual([7002, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000]);
    const notImages = entries.flatMap((e, c) => e.flatMap((entry, i) => ((isImage as (x: unknown) => boolean)(entry) ? [] : [[c, i, (entry as unknown[]).length]])));
    expect(notImages).toEqual([[0, 1000, 0], [0, 7001, 0]]);
  });

  test('public/data holds exactly the split of the package, in idx format', () => {
    const kept = entries.map((e) => e.flatMap((entry, i) => ((entry as unknown[]).length ? [i] : [])));
    const s = split(kept);
    const expected = [toIdx(s.train, entries), toIdx(s.test, entries)] as { images: Uint8Array; labels: Uint8Array }[];
    const read = (name: string) => new Uint8Array(gunzipSync(readFileSync(join(publicDataDir(), `${name}.gz`))));
    const { files } = DATASETS.fashion;
    expect(Buffer.compare(read(files.trainImages), expected[0].images)).toBe(0);
    expect(Buffer.compare(read(files.trainLabels), expected[0].labels)).toBe(0);
    expect(Buffer.compare(read(files.testImages), expected[1].images)).toBe(0);
    expect(Buffer.compare(read(files.testLabels), expected[1].labels)).toBe(0);
  });
});
