import { describe, expect, it } from 'vitest';
import { checkTrainValue, validateTrainConfig } from './trainConfig';
import { REFERENCE_TRAIN } from '../defaults';

describe('training settings validation', () => {
  it('accepts the reference setting', () => {
    expect(validateTrainConfig({ ...REFERENCE_TRAIN }).errors).toEqual({});
  });
  it('says what is allowed for each bad value and keeps the default', () => {
    const { config, errors } = validateTrainConfig({ batchSize: 0, learningRate: Number.NaN, epochs: 1.5, trainSize: 70000 });
    expect(errors.batchSize).toBe('Batch size: a whole number from 1 to 4096; 0 is out of range.');
    expect(errors.learningRate).toMatch(/Learning rate: a number from 0.000001 to 1/);
    expect(errors.epochs).toMatch(/not whole/);
    expect(errors.trainSize).toMatch(/from 1 to 60000/);
    expect(config.batchSize).toBe(REFERENCE_TRAIN.batchSize);
    expect(checkTrainValue('momentum', 0.5)).toBeNull();
    expect(checkTrainValue('momentum', '0.5')).toBe('Momentum: a number from 0 to 0.999; “\u20680.5\u2069” is not a number.');
  });
});
