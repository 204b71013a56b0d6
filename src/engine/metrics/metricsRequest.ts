/**
 * What the no-retrain metrics are asked for — methods, metric groups, how many test images, at which
 * fractions, under which masking rule — defined once with its fields, which the page's form, the CLI's flags
 * and the worker's guard all read.
 */
import * as v from 'valibot';
import { MNIST_TEST_COUNT, type MaskConfig } from '../defaults';
import type { TargetMode } from '../attribution/targets';
import type { MethodSpec } from '../attribution/methodSpec';
import { choiceField, numberField, strictRecord, type Field, type Fields } from '../config/field';
import { choiceListField } from '../config/choiceList';
import { maskSchema } from '../config/maskConfig';
import { methodsField } from '../config/methodsText';
import { thresholdsField } from '../config/thresholds';
import { SWEEP_FIELDS } from '../sweep/sweepConfig';
import type { MetricGroup } from './metricCatalog';

export interface MetricsRequest {
  methods: MethodSpec[];
  groups: MetricGroup[];
  /** The first this many test images. */
  images: number;
  /** Fractions of pixels removed (inserted), rising from 0 to 1. */
  fractions: number[];
  /** Ranks, ties and replacement value as in a sweep; the mode is the metric's own (MoRF, LeRF, insertion). */
  mask: MaskConfig;
  target: TargetMode;
  mapSeed: number;
}

const GROUP_WORDS: Record<MetricGroup, string> = {
  perturbation: 'pixel perturbation (accuracy, AFOC, KL, PCUO; most and least salient first)',
  deletion: 'deletion curve',
  insertion: 'insertion curve',
  road: 'ROAD (noisy linear imputation)',
};

type RequestFields = Pick<MetricsRequest, 'methods' | 'groups' | 'images' | 'fractions'>;

export const METRICS_FIELDS: Fields<RequestFields> = {
  methods: methodsField({ label: 'Methods', hint: 'The attribution methods to score; random is always added as the baseline.' }),
  groups: choiceListField({ label: 'Metrics', hint: 'Which no-retrain metrics to compute.', words: GROUP_WORDS }),
  images: numberField({ label: 'Test images', hint: 'Scored on the first this many test images.', min: 10, max: MNIST_TEST_COUNT, integer: true }),
  fractions: thresholdsField({ label: 'Fractions', hint: 'Percentages of pixels removed, from 0 to 100.', max: 101 }),
};

export const DEFAULT_METRICS_REQUEST: Omit<MetricsRequest, 'methods' | 'mask'> = {
  groups: ['perturbation', 'deletion', 'insertion', 'road'],
  images: 500,
  fractions: Array.from({ length: 11 }, (_, i) => i / 10),
  target: 'label',
  mapSeed: 1,
};

export const metricsRequestSchema = v.pipe(
  strictRecord({
    ...Object.fromEntries(Object.entries(METRICS_FIELDS).map(([k, f]) => [k, (f as Field<unknown>).schema])),
    mask: maskSchema,
    target: SWEEP_FIELDS.target.schema,
    mapSeed: SWEEP_FIELDS.mapSeed.schema,
  }),
  v.check((r) => {
    const f = (r as unknown as { fractions: number[] }).fractions;
    return f.length >= 2 && f[0] === 0 && f[f.length - 1] === 1;
  }, 'Fractions: the curves run from 0 to 100 %, so the first must be 0 and the last 100, at least two of them.'),
) as unknown as v.GenericSchema<unknown, MetricsRequest>;

/**
 * Seed 004's setting (Table 1): the loss gradient as it is (negative values first under the signed ranking),
 * its absolute value and gradient × input, pixels replaced by the dataset mean, occlusion 10 … 90 % and
 * 782 of 784 pixels, accuracy with the most and the least salient removed, no retraining. Its binary 0-vs-1
 * task is `roar evaluate --classes 0,1`; Table 1(c) is this on the ten-class model.
 */
export const SEED004_METRICS: Pick<MetricsRequest, 'methods' | 'groups' | 'fractions'> & { rankTransform: 'signed'; replacement: 'mean' } = {
  methods: [
    { id: 'lossGradientAbs', params: {} },
    { id: 'lossGradient', params: {} },
    { id: 'lossGradientXInput', params: {} },
  ],
  groups: ['perturbation'],
  fractions: [0, 0.1, 0.3, 0.5, 0.7, 0.9, 782 / 784, 1],
  rankTransform: 'signed',
  replacement: 'mean',
};

/** Which settings the page's metrics take: the sweep's methods and masking rule, or seed 004's. */
export type MetricsSetting = 'sweep' | 'seed004';

export const METRICS_SETTING_FIELD: Field<MetricsSetting> = choiceField<MetricsSetting>({
  label: 'Settings',
  hint: 'The sweep’s methods and masking rule, so the two charts compare alike; or seed 004’s Table 1, with the sweep’s replacement (mean, or black and white for the input’s minimum and maximum, its §4.2). Its binary 0-vs-1 task is in the CLI: roar evaluate --preset seed004 --classes 0,1.',
  words: { sweep: 'the sweep’s methods and masking rule', seed004: 'seed 004: loss gradients, signed ranking, 10–90 % and 782 of 784 pixels' },
});
