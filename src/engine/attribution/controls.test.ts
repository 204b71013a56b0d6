/** The model-independent controls: Sobel edges and the seeded random map. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PIXELS } from '../defaults';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { useWasmBackend } from '../../testing/wasmBackend';
import { random } from './random';
import { sobel, sobelMagnitude } from './sobel';
import type { AttributionContext } from './types';

/** Both methods ignore the model, but the context carries one. */
let model: Cnn;
beforeAll(async () => {
  await useWasmBackend();
  model = createCnn(1);
});
afterAll(() => disposeCnn(model));

/** Columns 0–13 at `low`, 14–27 at `high`. */
function verticalStep(low: number, high: number): Float32Array {
  return Float32Array.from({ length: PIXELS }, (_, i) => (i % 28 < 14 ? low : high));
}

describe('sobel', () => {
  test('a vertical step edge of height 1 gives 4 in the two columns beside it and 0 elsewhere', () => {
    const out = sobelMagnitude(verticalStep(0, 1), new Float32Array(PIXELS));
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) expect(out[r * 28 + c]).toBe(c === 13 || c === 14 ? 4 : 0);
    }
  });

  test('a single bright pixel gives the kernel magnitudes around it', () => {
    const image = new Float32Array(PIXELS);
    image[10 * 28 + 10] = 1;
    const out = sobelMagnitude(image, new Float32Array(PIXELS));
    expect(out[10 * 28 + 10]).toBe(0); // the centre of a symmetric bump has no slope
    expect(out[10 * 28 + 11]).toBe(2); // Gx = −2, Gy = 0
    expect(out[9 * 28 + 10]).toBe(2);
    expect(out[11 * 28 + 11]).toBeCloseTo(Math.SQRT2, 6); // Gx = Gy = −1
    expect(out[10 * 28 + 12]).toBe(0);
  });

  test('compute works image by image on normalised inputs and scales with the contrast', async () => {
    const inputs = new Float32Array(2 * PIXELS);
    inputs.set(verticalStep(-0.4242, 2.8215), 0);
    inputs.set(new Float32Array(PIXELS).fill(1.5), PIXELS); // a flat image has no edges
    const maps = await sobel.compute({ model, inputs, batch: 2, targets: Int32Array.from([0, 0]), seed: 1 }, {});
    expect(maps[5 * 28 + 13]).toBeCloseTo(4 * (2.8215 + 0.4242), 4);
    expect(maps[5 * 28 + 3]).toBe(0);
    expect(maps.subarray(PIXELS).every((v) => v === 0)).toBe(true);
  });
});

describe('random', () => {
  const ctx = (seed: number, imageIndices?: number[]): AttributionContext => ({
    model,
    inputs: new Float32Array(3 * PIXELS),
    batch: 3,
    targets: new Int32Array(3),
    seed,
    imageIndices,
  });

  test('the same seed gives the same maps; another seed, other maps', async () => {
    const a = await random.compute(ctx(5), {});
    const b = await random.compute(ctx(5), {});
    const c = await random.compute(ctx(6), {});
    expect(b).toEqual(a);
    expect(c.filter((v, i) => v !== a[i]).length).toBeGreaterThan(3 * PIXELS - 5);
  });

  test('each image has its own map, fixed by its dataset index rather than its batch position', async () => {
    const a = await random.compute(ctx(5, [10, 11, 12]), {});
    const b = await random.compute(ctx(5, [12, 10, 11]), {});
    expect(a.subarray(0, PIXELS)).not.toEqual(a.subarray(PIXELS, 2 * PIXELS));
    expect(b.subarray(PIXELS, 2 * PIXELS)).toEqual(a.subarray(0, PIXELS));
    expect(b.subarray(0, PIXELS)).toEqual(a.subarray(2 * PIXELS));
  });

  test('values are uniform in [0, 1): mean ≈ ½, every decile about a tenth', async () => {
    const maps = await random.compute(ctx(9), {});
    expect(maps.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = maps.reduce((s, v) => s + v, 0) / maps.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const deciles = new Array<number>(10).fill(0);
    for (const v of maps) deciles[Math.floor(v * 10)]++;
    for (const d of deciles) expect(Math.abs(d / maps.length - 0.1)).toBeLessThan(0.02);
  });
});
