/** Which weights each stage of the randomisation test re-initialises, and with what. */
import { describe, expect, test } from 'vitest';
import { initialWeights, PARAM_SPECS } from '../model/cnn';
import { LAYERS, layerParams, randomisationStages, randomiseLayers } from './randomiseLayers';

// Any weights stand in for trained ones: the stages only swap arrays.
const trained = initialWeights(101);

describe('randomisationStages', () => {
  test('the trained model, the cascade from the top down to all five layers, then each layer alone', () => {
    const stages = randomisationStages();
    expect(stages.map((s) => s.id)).toEqual([
      'trained',
      'cascading:fc3',
      'cascading:fc2',
      'cascading:fc1',
      'cascading:conv2',
      'cascading:conv1',
      'independent:conv1',
      'independent:conv2',
      'independent:fc1',
      'independent:fc2',
      'independent:fc3',
    ]);
    expect(stages[2].randomised).toEqual(['fc3', 'fc2']);
    expect(stages[5].randomised).toEqual(['fc3', 'fc2', 'fc1', 'conv2', 'conv1']);
    expect(stages[7].randomised).toEqual(['conv2']);
  });

  test('every layer is a kernel and a bias, and the five cover every parameter once', () => {
    expect(LAYERS.map((l) => layerParams(l).map((i) => PARAM_SPECS[i].name))).toEqual(LAYERS.map((l) => [`${l}/kernel`, `${l}/bias`]));
    expect(LAYERS.flatMap(layerParams).sort((a, b) => a - b)).toEqual(PARAM_SPECS.map((_, i) => i));
  });
});

describe('randomiseLayers', () => {
  test.each(LAYERS)('re-initialising %s changes its kernel and bias and nothing else', (layer) => {
    const out = randomiseLayers(trained, [layer], 7);
    const own = layerParams(layer);
    PARAM_SPECS.forEach((spec, i) => {
      if (own.includes(i)) {
        expect(out[i]).toHaveLength(trained[i].length);
        const same = out[i].filter((v, j) => v === trained[i][j]).length;
        expect(same, spec.name).toBe(0);
        // The network's own initialiser: U(−1/√fan_in, 1/√fan_in).
        const bound = 1 / Math.sqrt(spec.fanIn);
        expect(out[i].every((v) => Math.abs(v) <= bound)).toBe(true);
        expect(Math.max(...out[i].map(Math.abs))).toBeGreaterThan(0.8 * bound);
      } else expect(out[i], spec.name).toBe(trained[i]);
    });
    expect(trained).toEqual(initialWeights(101));
  });

  test('is seeded, and a layer gets the same fresh weights in every stage that randomises it', () => {
    const a = randomiseLayers(trained, ['fc3', 'fc2'], 7);
    const [k] = layerParams('fc2');
    expect(a[k]).toEqual(randomiseLayers(trained, ['fc2'], 7)[k]);
    expect(a[k]).not.toEqual(randomiseLayers(trained, ['fc2'], 8)[k]);
    // Fresh weights are not the model's own initial ones (those come from another stream).
    expect(randomiseLayers(initialWeights(7), ['fc2'], 7)[k]).not.toEqual(initialWeights(7)[k]);
  });
});
