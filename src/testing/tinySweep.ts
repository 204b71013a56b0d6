/** A sweep small enough for unit tests: gradient (plus random) at 0, 50 and 90 %, two seeds, a few hundred images. */
import { DEFAULT_MASK, REFERENCE_TRAIN, type TrainConfig } from '../engine/defaults';
import { SWEEP_CONFIG_VERSION, type SweepConfig } from '../engine/sweep/sweepConfig';

export function tinySweep(base: Partial<TrainConfig>, retrain: Partial<TrainConfig>): SweepConfig {
  return {
    version: SWEEP_CONFIG_VERSION,
    dataset: 'mnist',
    methods: [{ id: 'gradient', params: {} }],
    thresholds: [0, 0.5, 0.9],
    seeds: 2,
    baseSeeds: 1,
    mask: { ...DEFAULT_MASK },
    target: 'label',
    mapSeed: 1,
    base: { ...REFERENCE_TRAIN, learningRate: 0.01, ...base },
    retrain: { ...REFERENCE_TRAIN, learningRate: 0.01, seed: 11, ...retrain },
    noRetrain: true,
    maskOnly: false,
  };
}
