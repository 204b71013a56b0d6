/** Parameter validation: defaults fill in, bad values and unknown keys are rejected with a message that says why. */
import { describe, expect, test } from 'vitest';
import { ATTRIBUTION_METHODS, METHOD_IDS, getMethod } from './registry';

const { integratedGradients, smoothGrad, varGrad, gradient, inputXGradient } = ATTRIBUTION_METHODS;

function errorOf(result: { params: unknown } | { error: string }): string {
  if (!('error' in result)) throw new Error(`expected a validation error, got ${JSON.stringify(result.params)}`);
  return result.error;
}

describe('validate', () => {
  test('every method accepts undefined and {} as its defaults', () => {
    for (const id of METHOD_IDS) {
      const m = getMethod(id);
      expect(m.validate(undefined)).toEqual({ params: m.defaults });
      expect(m.validate({})).toEqual({ params: m.defaults });
    }
  });

  test('partial objects keep the other defaults', () => {
    expect(integratedGradients.validate({ steps: 64 })).toEqual({ params: { steps: 64, baseline: 'black' } });
    expect(smoothGrad.validate({ base: 'integratedGradients', baseParams: { steps: 8 } })).toEqual({
      params: { base: 'integratedGradients', baseParams: { steps: 8, baseline: 'black' }, samples: 15, sigmaFraction: 0.15 },
    });
    // A base without baseParams gets that base's defaults.
    expect(varGrad.validate({ base: 'integratedGradients' })).toEqual({
      params: { base: 'integratedGradients', baseParams: integratedGradients.defaults, samples: 15, sigmaFraction: 0.15 },
    });
  });

  test('steps 0, fractional or too many steps are rejected', () => {
    expect(errorOf(integratedGradients.validate({ steps: 0 }))).toBe('integratedGradients: steps must be an integer from 1 to 1024; got 0');
    expect(errorOf(integratedGradients.validate({ steps: 2.5 }))).toMatch(/steps must be an integer/);
    expect(errorOf(integratedGradients.validate({ steps: 5000 }))).toMatch(/from 1 to 1024; got 5000/);
    expect(errorOf(integratedGradients.validate({ steps: '32' }))).toMatch(/got "32"/);
  });

  test('samples −1 and sigma NaN are rejected', () => {
    expect(errorOf(smoothGrad.validate({ samples: -1 }))).toBe('smoothGrad: samples must be an integer from 1 to 256; got -1');
    expect(errorOf(varGrad.validate({ sigmaFraction: Number.NaN }))).toBe('varGrad: sigmaFraction must be a number from 0 to 1; got NaN');
    expect(errorOf(varGrad.validate({ sigmaFraction: -0.1 }))).toMatch(/sigmaFraction must be a number from 0 to 1/);
  });

  test('an unknown base is rejected, naming the allowed ones', () => {
    expect(errorOf(smoothGrad.validate({ base: 'gradCam' }))).toBe(
      'smoothGrad: base must be one of gradient, integratedGradients, guidedBackprop; got "gradCam"',
    );
  });

  test("a base's own parameters are checked by the base", () => {
    expect(errorOf(smoothGrad.validate({ base: 'integratedGradients', baseParams: { steps: 0 } }))).toBe(
      'smoothGrad over integratedGradients: steps must be an integer from 1 to 1024; got 0',
    );
    expect(errorOf(smoothGrad.validate({ base: 'gradient', baseParams: { steps: 8 } }))).toMatch(/gradient: unknown parameter "steps"; it takes none/);
  });

  test('unknown keys, bad choices and non-objects are rejected', () => {
    expect(errorOf(integratedGradients.validate({ step: 8 }))).toBe('integratedGradients: unknown parameter "step"; known: steps, baseline');
    expect(errorOf(smoothGrad.validate({ sample: 8 }))).toMatch(/known: base, samples, sigmaFraction, baseParams/);
    expect(errorOf(inputXGradient.validate({ baseline: 'white' }))).toMatch(/baseline must be one of black, mean; got "white"/);
    expect(errorOf(gradient.validate(7))).toMatch(/parameters must be an object/);
    expect(errorOf(gradient.validate(null))).toMatch(/parameters must be an object/);
  });
});
