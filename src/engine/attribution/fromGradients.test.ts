/**
 * Maps built from input gradients alone (AttributionMethod.fromGradients, the fused WebGPU kernels' path,
 * issue 13) equal each method's own tfjs computation, for every method that has them and for parameters
 * other than the defaults; methods that need more of the model than its input gradients say so.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { head, type MnistSplit } from '../data/mnist';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { loadMnistNode } from '../../node/loadMnist';
import { useWasmBackend } from '../../testing/wasmBackend';
import { tfjsGradients } from '../../testing/tfjsGradients';
import { computeMaps } from './computeMaps';
import { METHOD_IDS, getMethod, type MethodId } from './registry';
import type { InputGradients } from './types';
import { maxRelativeGap } from '../../testing/relativeGap';

let model: Cnn;
let images: MnistSplit;

beforeAll(async () => {
  await useWasmBackend();
  model = createCnn(7);
  images = head(loadMnistNode().test, 6);
});

afterAll(() => disposeCnn(model));

const FROM_GRADIENTS: MethodId[] = ['gradient', 'inputXGradient', 'integratedGradients', 'guidedBackprop', 'smoothGrad', 'smoothGradSquared', 'varGrad', 'lossGradient', 'lossGradientAbs', 'lossGradientXInput'];

describe('maps from input gradients', () => {
  test('exist for exactly the methods that need nothing else of the model', () => {
    expect(METHOD_IDS.filter((id) => getMethod(id).fromGradients)).toEqual(FROM_GRADIENTS);
  });

  const cases: [MethodId, Record<string, unknown>][] = [
    ...FROM_GRADIENTS.map((id): [MethodId, Record<string, unknown>] => [id, {}]),
    ['integratedGradients', { steps: 5, baseline: 'mean' }],
    ['inputXGradient', { baseline: 'mean' }],
    ['lossGradientXInput', { baseline: 'black' }],
    ['smoothGrad', { base: 'integratedGradients', samples: 3, baseParams: { steps: 4 } }],
    ['varGrad', { base: 'guidedBackprop', samples: 4, sigmaFraction: 0.3 }],
    ['smoothGradSquared', { samples: 2, sigmaFraction: 0.05 }],
  ];
  test.each(cases)('equal the tfjs computation: %s %j', async (id, raw) => {
    const method = getMethod(id);
    const v = method.validate(raw);
    if ('error' in v) throw new Error(v.error);
    const want = await computeMaps(model, images, images.count, method, v.params, 'predicted', 4);
    const before = tf.memory().numTensors;
    // Counted, so that the maps cannot come from `compute` and match trivially.
    let rows = 0;
    const oracle = tfjsGradients(model);
    const gradients: InputGradients = (inputs, targets, score) => {
      rows += targets.length;
      return oracle(inputs, targets, score);
    };
    const got = await computeMaps(model, images, images.count, method, v.params, 'predicted', 4, { gradients });
    expect(rows).toBe(images.count * method.rowsPerImage(v.params));
    expect(tf.memory().numTensors).toBe(before);
    expect(want.some((x) => x !== 0)).toBe(true);
    expect(maxRelativeGap(got, want)).toBeLessThan(1e-5);
    // Exact zeros (the ×-input methods' background) stay exact: ranked by magnitude, a residue would beat every tie.
    let zerosLost = 0;
    want.forEach((w, j) => {
      if (w === 0 && got[j] !== 0) zerosLost++;
    });
    expect(zerosLost).toBe(0);
  });

  test.each(METHOD_IDS.filter((id) => !FROM_GRADIENTS.includes(id)))('are refused for %s, which needs more of the model', async (id) => {
    const method = getMethod(id);
    const v = method.validate({});
    if ('error' in v) throw new Error(v.error);
    await expect(computeMaps(model, images, 2, method, v.params, 'label', 0, { gradients: tfjsGradients(model) })).rejects.toThrow(/input gradients/);
  });
});
