/**
 * Every method on a briefly trained CNN and real MNIST test digits: shapes, finiteness, no leaked tensors,
 * IG completeness, the noise wrappers' limits, guided backprop vs the gradient, Grad-CAM and FullGrad.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NUM_CLASSES, PIXELS, REFERENCE_TRAIN } from '../defaults';
import { fillBatch, head } from '../data/mnist';
import { createCnn, disposeCnn, logits, toInput, type Cnn } from '../model/cnn';
import { train } from '../training/train';
import { loadMnistNode } from '../../node/loadMnist';
import { useWasmBackend } from '../../testing/wasmBackend';
import { fullGradients } from './fullGrad';
import { gradCamLayerMaps } from './gradCam';
import { lastConvCentre, placeOnImage, placementMatrix } from './upsample';
import { forwardLogits } from './forwardLogits';
import { completenessGap } from './integratedGradients';
import { ATTRIBUTION_METHODS, METHOD_IDS, getMethod } from './registry';
import { argMaxRows, targetsFor } from './targets';
import type { AnyAttributionMethod, AttributionContext } from './types';

const B = 8;
let model: Cnn;
let ctx: AttributionContext;

beforeAll(async () => {
  await useWasmBackend();
  const mnist = loadMnistNode();
  model = createCnn(3);
  // 6,400 images for one epoch at lr 0.01 reach ~80–90 % test accuracy in a few seconds on wasm:
  // enough for class scores that differ clearly between a digit and the black baseline.
  await train(model, head(mnist.train, 6400), { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 6400, testSize: 1, seed: 3 });
  const indices = Array.from({ length: B }, (_, i) => i);
  const inputs = fillBatch(mnist.test, indices, new Float32Array(B * PIXELS));
  const labels = indices.map((i) => mnist.test.labels[i]);
  ctx = { model, inputs, batch: B, targets: await targetsFor(model, inputs, B, labels, 'label'), seed: 11, imageIndices: indices };
});

afterAll(() => disposeCnn(model));

function params(method: AnyAttributionMethod, raw?: unknown): unknown {
  const v = method.validate(raw);
  if ('error' in v) throw new Error(v.error);
  return v.params;
}

async function run(method: AnyAttributionMethod, raw?: unknown, over: Partial<AttributionContext> = {}): Promise<Float32Array> {
  return method.compute({ ...ctx, ...over }, params(method, raw));
}

const maxAbs = (a: Float32Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** max |a − b| relative to the largest |b|. */
function relDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d / maxAbs(b);
}

describe('every method', () => {
  const cases: [string, unknown][] = [
    ...METHOD_IDS.map((id): [string, unknown] => [id, undefined]),
    ['varGrad', { base: 'integratedGradients', baseParams: { steps: 4 }, samples: 3 }],
    ['smoothGradSquared', { base: 'guidedBackprop', samples: 4 }],
  ];
  test.each(cases)('%s %j returns B·784 finite numbers, not all zero, and frees its tensors', async (id, raw) => {
    const method = getMethod(id as (typeof METHOD_IDS)[number]);
    const before = tf.memory().numTensors;
    const maps = await run(method, raw);
    expect(tf.memory().numTensors).toBe(before);
    expect(maps).toBeInstanceOf(Float32Array);
    expect(maps.length).toBe(B * PIXELS);
    expect(maps.every(Number.isFinite)).toBe(true);
    expect(maxAbs(maps)).toBeGreaterThan(0);
    if (!method.signed) expect(maps.every((v) => v >= 0)).toBe(true);
  });
});

test('the model is trained well enough for the checks below', async () => {
  const predicted = argMaxRows(await forwardLogits(model, ctx.inputs, B), B);
  const correct = predicted.filter((p, b) => p === ctx.targets[b]).length;
  expect(correct).toBeGreaterThanOrEqual(6);
});

describe('Integrated Gradients', () => {
  test.each(['black', 'mean'] as const)('with baseline %s, attributions add up to f_c(x) − f_c(x′) to within 1 percent at 64 steps', async (baseline) => {
    const maps = await run(ATTRIBUTION_METHODS.integratedGradients, { steps: 64, baseline });
    const before = tf.memory().numTensors;
    const gaps = await completenessGap(model, ctx.inputs, B, ctx.targets, maps, baseline);
    expect(tf.memory().numTensors).toBe(before);
    for (const g of gaps) {
      expect(Math.abs(g.scoreDifference)).toBeGreaterThan(0.5); // a real digit, not a degenerate case
      expect(g.relativeGap).toBeLessThan(0.01);
    }
  });

  test('the gap shrinks with more steps', async () => {
    const gapAt = async (steps: number): Promise<number> => {
      const maps = await run(ATTRIBUTION_METHODS.integratedGradients, { steps });
      const gaps = await completenessGap(model, ctx.inputs, B, ctx.targets, maps, 'black');
      return gaps.reduce((s, g) => s + g.absoluteGap, 0);
    };
    expect(await gapAt(64)).toBeLessThan(await gapAt(2));
  });

  test('black background pixels get exactly 0 with the black baseline', async () => {
    const maps = await run(ATTRIBUTION_METHODS.integratedGradients, { steps: 4 });
    const black = ctx.inputs[0];
    for (let i = 0; i < maps.length; i++) if (ctx.inputs[i] === black) expect(Math.abs(maps[i])).toBe(0);
  });
});

describe('noise wrappers', () => {
  const bases = [
    ['gradient', {}],
    ['integratedGradients', { steps: 8 }],
    ['guidedBackprop', {}],
  ] as const;

  test.each(bases)('with σ = 0, SmoothGrad = %s, SmoothGrad² = its square, VarGrad = 0', async (base, baseParams) => {
    const plain = await run(getMethod(base), baseParams);
    const noiseParams = { base, baseParams, samples: 3, sigmaFraction: 0 };
    const sg = await run(ATTRIBUTION_METHODS.smoothGrad, noiseParams);
    const sg2 = await run(ATTRIBUTION_METHODS.smoothGradSquared, noiseParams);
    const vg = await run(ATTRIBUTION_METHODS.varGrad, noiseParams);
    expect(relDiff(sg, plain)).toBeLessThan(1e-5);
    expect(relDiff(sg2, plain.map((v) => v * v))).toBeLessThan(1e-5);
    expect(maxAbs(vg)).toBeLessThanOrEqual(1e-10 * maxAbs(plain) ** 2);
  });

  test('with noise, maps change, VarGrad ≥ 0 everywhere, and SG² = SG·SG + VarGrad for the same seed', async () => {
    const noiseParams = { samples: 5 };
    const plain = await run(ATTRIBUTION_METHODS.gradient);
    const sg = await run(ATTRIBUTION_METHODS.smoothGrad, noiseParams);
    const sg2 = await run(ATTRIBUTION_METHODS.smoothGradSquared, noiseParams);
    const vg = await run(ATTRIBUTION_METHODS.varGrad, noiseParams);
    expect(relDiff(sg, plain)).toBeGreaterThan(0.05);
    expect(vg.every((v) => v >= 0)).toBe(true);
    expect(maxAbs(vg)).toBeGreaterThan(0);
    // E[a²] = E[a]² + Var[a]: holds only if the three saw the same noise.
    const scale = maxAbs(sg2);
    for (let i = 0; i < sg2.length; i++) expect(Math.abs(sg2[i] - (sg[i] * sg[i] + vg[i]))).toBeLessThan(1e-4 * scale);
  });

  test('noise is reproducible for a seed and changes with it', async () => {
    const a = await run(ATTRIBUTION_METHODS.smoothGrad, { samples: 2 });
    const b = await run(ATTRIBUTION_METHODS.smoothGrad, { samples: 2 });
    const c = await run(ATTRIBUTION_METHODS.smoothGrad, { samples: 2 }, { seed: 12 });
    expect(b).toEqual(a);
    expect(relDiff(c, a)).toBeGreaterThan(0.01);
  });
});

describe('guided backprop', () => {
  test('differs from the gradient on the CNN and agrees with it in sign more often than not', async () => {
    const g = await run(ATTRIBUTION_METHODS.gradient);
    const gb = await run(ATTRIBUTION_METHODS.guidedBackprop);
    expect(relDiff(gb, g)).toBeGreaterThan(0.1);
    let agree = 0;
    let nonzero = 0;
    for (let i = 0; i < g.length; i++) {
      if (g[i] !== 0 && gb[i] !== 0) {
        nonzero++;
        if (Math.sign(g[i]) === Math.sign(gb[i])) agree++;
      }
    }
    expect(agree / nonzero).toBeGreaterThan(0.5);
  });
});

/** The Grad-CAM maps of the test digits on the last conv's 8×8 grid, before placing them on the image. */
const gradCamCells = (): Float32Array =>
  tf.tidy(() => {
    const oneHot = tf.cast(tf.oneHot(tf.tensor1d(ctx.targets, 'int32'), NUM_CLASSES), 'float32') as tf.Tensor2D;
    return gradCamLayerMaps(model, toInput(ctx.inputs, B), oneHot).dataSync() as Float32Array;
  });

describe('Grad-CAM', () => {
  test('is non-negative, 28×28 per image, and smooth (an upsampled 8×8 map)', async () => {
    const maps = await run(ATTRIBUTION_METHODS.gradCam);
    expect(maps.length).toBe(B * 28 * 28);
    expect(maps.every((v) => v >= 0)).toBe(true);
    const cells = gradCamCells();
    // Cells 2 pixels apart, interpolated: neighbouring pixels differ by at most half the largest cell.
    for (let b = 0; b < B; b++) {
      const m = maps.subarray(b * PIXELS, (b + 1) * PIXELS);
      const peak = maxAbs(cells.subarray(b * 64, (b + 1) * 64));
      for (let r = 0; r < 28; r++) for (let c = 0; c < 27; c++) expect(Math.abs(m[r * 28 + c + 1] - m[r * 28 + c])).toBeLessThanOrEqual(0.5 * peak + 1e-6);
    }
  });

  test('places each 8×8 cell where it looks: cell i on input pixel 2i + 6.5 (science.md §7)', () => {
    // A map that is 1 in cell (3, 5) alone: its heat must centre on pixel (12.5, 16.5), nowhere beyond a cell's step.
    const cell = tf.tidy(() => tf.reshape(tf.oneHot(tf.tensor1d([3 * 8 + 5], 'int32'), 64), [1, 8, 8, 1]) as tf.Tensor4D);
    const placed = placeOnImage(cell);
    const m = placed.dataSync();
    const at = (r: number, c: number): number => m[r * 28 + c];
    for (const r of [12, 13]) for (const c of [16, 17]) expect(at(r, c)).toBeCloseTo(0.75 * 0.75, 6);
    expect(at(11, 16)).toBeCloseTo(0.25 * 0.75, 6);
    for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) if (Math.abs(r - 12.5) >= 2 || Math.abs(c - 16.5) >= 2) expect(at(r, c)).toBe(0);
    tf.dispose([cell, placed]);
    // Beyond the outer centres (6.5 and 20.5) the edge cells hold, as bilinear resizing clamps.
    expect(placementMatrix(8, lastConvCentre)[0]).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(placementMatrix(8, lastConvCentre)[27]).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    for (const row of placementMatrix(8, lastConvCentre)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('is its 8×8 cell map placed on the image, for real digits', async () => {
    const maps = await run(ATTRIBUTION_METHODS.gradCam);
    const placed = tf.tidy(() => placeOnImage(tf.tensor4d(gradCamCells(), [B, 8, 8, 1])).dataSync());
    for (let i = 0; i < maps.length; i++) expect(maps[i]).toBeCloseTo(placed[i], 5);
  });
});

describe('FullGrad', () => {
  test('the full-gradient decomposition adds up to the target logit exactly (seed 003 eq. 1)', async () => {
    const [sums, z] = tf.tidy(() => {
      const x = toInput(ctx.inputs, B);
      const oneHot = tf.oneHot(tf.tensor1d(ctx.targets, 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D;
      const parts = fullGradients(model, x, oneHot);
      expect(parts.biasGradients.map((t) => t.shape)).toEqual([
        [B, 24, 24, 6],
        [B, 8, 8, 16],
        [B, 120],
        [B, 84],
      ]);
      const perImage = (t: tf.Tensor): tf.Tensor1D => tf.sum(tf.reshape(t, [B, -1]), 1);
      const total = parts.biasGradients.reduce((s, g) => tf.add(s, perImage(g)), tf.add(perImage(tf.mul(x, parts.inputGradient)), parts.outputBias));
      return [total, tf.sum(tf.mul(logits(model, x), oneHot), 1)];
    });
    const [s, f] = [await sums.data(), await z.data()];
    tf.dispose([sums, z]);
    for (let b = 0; b < B; b++) expect(Math.abs(s[b] - f[b])).toBeLessThan(1e-3 * Math.max(1, Math.abs(f[b])));
  });
});

describe('targets', () => {
  test("'predicted' is the argmax of the logits, 'label' the labels given", async () => {
    const labels = [9, 8, 7, 6, 5, 4, 3, 2];
    expect(Array.from(await targetsFor(model, ctx.inputs, B, labels, 'label'))).toEqual(labels);
    const predicted = await targetsFor(model, ctx.inputs, B, labels, 'predicted');
    const expected = tf.tidy(() => tf.argMax(logits(model, toInput(ctx.inputs, B)), 1));
    expect(Array.from(predicted)).toEqual(Array.from(await expected.data()));
    expected.dispose();
  });
});
