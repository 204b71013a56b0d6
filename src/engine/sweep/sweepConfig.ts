/**
 * What a sweep is (science.md §4): a dataset, methods (the random baseline always among them) × thresholds ×
 * seeds, a masking rule, the base model's training and the retraining settings. One versioned, plain-JSON
 * object: the worker runs it, the CLI reads it, results and permalinks record it.
 */
import * as v from 'valibot';
import { DEFAULT_MASK, DEFAULT_THRESHOLDS, REFERENCE_TRAIN, type MaskConfig, type TrainConfig } from '../defaults';
import type { TargetMode } from '../attribution/targets';
import { DATASET_IDS, DATASETS, DEFAULT_DATASET, type DatasetId } from '../data/datasets';
import type { MethodSpec } from '../attribution/methodSpec';
import { strictRecord, booleanField, choiceField, numberField, settingsOf, type Fields, type Setting } from '../config/field';
import { MASK_FIELDS, maskSchema, SEED_FIELD_LIMITS } from '../config/maskConfig';
import { methodsField } from '../config/methodsText';
import { MAX_THRESHOLDS, thresholdsField } from '../config/thresholds';
import { TRAIN_FIELDS, trainSchema } from '../config/trainConfig';

export const SWEEP_CONFIG_VERSION = 2;

/** The most base models a sweep trains: each adds its own maps and retrains. */
export const MAX_BASE_SEEDS = 10;

export interface SweepConfig {
  version: typeof SWEEP_CONFIG_VERSION;
  /** What every model trains on and every map explains. */
  dataset: DatasetId;
  methods: MethodSpec[];
  /** Fractions of pixels removed (ROAR) or kept (KAR), ascending, unique, in [0, 1]. */
  thresholds: number[];
  /** Retraining seeds per cell and base model: retrain.seed, retrain.seed + 1, … */
  seeds: number;
  /**
   * Base models (seeds base.seed, base.seed + 1, …), each with its own maps and its own retrains: the maps
   * come from one trained model, and which one moves a cell by more than retrain seeds do (science.md §7).
   */
  baseSeeds: number;
  mask: MaskConfig;
  /** Class each map explains: true label (seed 000, ROAD) or prediction (Hooker's code). */
  target: TargetMode;
  /** Seeds the maps' own randomness (SmoothGrad noise, the random baseline). */
  mapSeed: number;
  /** The base model that computes the maps (and scores the no-retrain curve). */
  base: TrainConfig;
  /** Each fresh model; trainSize/testSize choose how many train/test images are masked, retrained on and scored. */
  retrain: TrainConfig;
  /** Also score the base model on the masked test sets (Hooker's no-retrain control). */
  noRetrain: boolean;
  /**
   * Also train a fresh model on the removal pattern alone (removed pixels white, kept ones black, no pixel
   * values): how much of the class the mask's shape gives away (ROAD's critique of ROAR, science.md §7).
   */
  maskOnly: boolean;
}

export type PresetId = 'lecture' | 'standard' | 'standardConverged' | 'paper';

const fast: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01 };

/** Chosen by measurement (BENCHMARKS.md, "A Lecture preset that learns"). */
const LECTURE_BASE: TrainConfig = { ...REFERENCE_TRAIN, optimizer: 'adam', learningRate: 0.002, epochs: 2, trainSize: 12000 };
const LECTURE_RETRAIN: TrainConfig = { ...LECTURE_BASE, seed: 11 };
const LECTURE_DESCRIPTION =
  'Gradient, integrated gradients (8 steps) and random at 0, 50 and 90 % removed; every model trained with Adam for 2 epochs on 12,000 images and scored on all 10,000 test images; 2 seeds, one base model. About a minute and a half without a GPU. It trades the paper’s optimiser, data size and thresholds for models that learn in that time.';

/** Chosen by measurement (BENCHMARKS.md, "Retraining until converged"). */
// Of SGD, SGD with warm-up and Adam, each stopping on a plateau, Adam (lr 0.001) gave the smallest spread over
// retrain seeds at 90 % removed (0.2 and 0.8 points against 9 and 12 for the 2-epoch reference).
const CONVERGED_RETRAIN: TrainConfig = { ...REFERENCE_TRAIN, optimizer: 'adam', learningRate: 0.001, epochs: 10, stopping: 'plateau', patience: 1, seed: 1 };
const CONVERGED_DESCRIPTION =
  'The Standard protocol, but each retrain runs with Adam until its training loss stops falling (at most 10 epochs), so no cell measures how soon a model left the initial plateau. Every cell rises, the random baseline too. About five times as long as Standard.';

const STANDARD: SweepConfig = {
  version: SWEEP_CONFIG_VERSION,
  dataset: DEFAULT_DATASET,
  methods: [
    { id: 'gradient', params: {} },
    { id: 'integratedGradients', params: {} },
    { id: 'random', params: {} },
  ],
  thresholds: [...DEFAULT_THRESHOLDS],
  seeds: 2,
  baseSeeds: 2,
  mask: { ...DEFAULT_MASK },
  target: 'label',
  mapSeed: 1,
  base: { ...fast, epochs: 3 },
  retrain: { ...fast, epochs: 2, seed: 1 },
  noRetrain: true,
  maskOnly: true,
};

/**
 * Lecture: small enough to finish in about a minute on a laptop without a GPU, with models that learn (see
 * its description). Standard: the protocol the issue's PyTorch reference uses (lr 0.01, 3-epoch base, 2-epoch
 * retraining, 2 seeds, |IG| 32 midpoint steps on a black baseline, mean replacement, true-label maps), over
 * two base models and with the mask-only control. Standard, converged: the same, retrained until the loss
 * stops falling. Paper: seed 000's setting, full data, 5 seeds, 10 epochs, three base models.
 */
export const PRESETS: Record<PresetId, { label: string; description: string; config: SweepConfig }> = {
  lecture: {
    label: 'Lecture',
    description: LECTURE_DESCRIPTION,
    config: {
      version: SWEEP_CONFIG_VERSION,
      dataset: DEFAULT_DATASET,
      methods: [
        { id: 'gradient', params: {} },
        { id: 'integratedGradients', params: { steps: 8 } },
        { id: 'random', params: {} },
      ],
      thresholds: [0, 0.5, 0.9],
      seeds: 2,
      baseSeeds: 1,
      mask: { ...DEFAULT_MASK },
      target: 'label',
      mapSeed: 1,
      base: LECTURE_BASE,
      retrain: LECTURE_RETRAIN,
      noRetrain: true,
      maskOnly: false,
    },
  },
  standard: {
    label: 'Standard',
    description:
      'The reference protocol: full data, 3-epoch base models, 2-epoch retraining (SGD, lr 0.01), 2 seeds on each of 2 base models, 5 thresholds, and the mask-only control. About an hour on a CPU.',
    config: STANDARD,
  },
  standardConverged: {
    label: 'Standard, converged',
    description: CONVERGED_DESCRIPTION,
    config: { ...STANDARD, retrain: CONVERGED_RETRAIN },
  },
  paper: {
    label: 'Paper',
    description: "Seed 000's setting: lr 0.001, 10 epochs, full data, 5 seeds on each of 3 base models, seven methods. Hours on a CPU: meant for GPUs or the CLI.",
    config: {
      version: SWEEP_CONFIG_VERSION,
      dataset: DEFAULT_DATASET,
      methods: [
        { id: 'gradient', params: {} },
        { id: 'integratedGradients', params: {} },
        { id: 'guidedBackprop', params: {} },
        { id: 'smoothGradSquared', params: {} },
        { id: 'varGrad', params: {} },
        { id: 'sobel', params: {} },
        { id: 'random', params: {} },
      ],
      thresholds: [...DEFAULT_THRESHOLDS],
      seeds: 5,
      baseSeeds: 3,
      mask: { ...DEFAULT_MASK },
      target: 'label',
      mapSeed: 1,
      base: { ...REFERENCE_TRAIN },
      retrain: { ...REFERENCE_TRAIN, seed: 1 },
      noRetrain: true,
      maskOnly: false,
    },
  },
};

export function presetConfig(id: PresetId): SweepConfig {
  return structuredClone(PRESETS[id].config);
}

/** The sweep's own settings (the masking rule and the two trainings have theirs): defined once, for every reader. */
export const SWEEP_FIELDS: Fields<Pick<SweepConfig, 'dataset' | 'methods' | 'thresholds' | 'seeds' | 'baseSeeds' | 'target' | 'mapSeed' | 'noRetrain' | 'maskOnly'>> = {
  dataset: choiceField<DatasetId>({
    label: 'Dataset',
    hint: 'Handwritten digits on a black background, or clothes, where the background and the ties among its black pixels mostly disappear.',
    words: Object.fromEntries(DATASET_IDS.map((id) => [id, DATASETS[id].label])) as Record<DatasetId, string>,
  }),
  methods: methodsField({ label: 'Methods', hint: 'The attribution methods to test; random is always added as the baseline.' }),
  thresholds: thresholdsField({ label: 'Thresholds', hint: 'Percentages of the 784 pixels removed (ROAR) or kept (KAR); the paper uses 0, 10, 30, 50, 70, 90.', max: MAX_THRESHOLDS }),
  seeds: numberField({ label: 'Seeds per cell', hint: 'Fresh models per method, threshold and base model (5 in the paper).', min: 1, max: 20, integer: true }),
  baseSeeds: numberField({
    label: 'Base models',
    hint: 'Each makes its own maps and gets its own retrains: at 90 % removed, which model made the maps moves a cell by up to 25 points.',
    min: 1,
    max: MAX_BASE_SEEDS,
    integer: true,
  }),
  target: choiceField<TargetMode>({ label: 'Maps explain', hint: 'The class each map explains: the true label (seed 000, ROAD) or the prediction (Hooker’s code).', words: { label: 'the true label', predicted: 'the predicted class' } }),
  mapSeed: numberField({ label: 'Map seed', hint: 'Seeds the maps’ own randomness (SmoothGrad noise, the random baseline); each further base model adds one, so it gets random maps of its own.', ...SEED_FIELD_LIMITS }),
  noRetrain: booleanField({ label: 'No retraining', hint: 'Also score the base model on the masked test images (Hooker’s control).' }),
  maskOnly: booleanField({ label: 'Mask only', hint: 'Also train a model on the removal pattern alone: how much of the digit the mask’s shape gives away.' }),
};

/** Every setting of a sweep configuration, with its path: forms and the URL codec walk this list. */
export const SWEEP_SETTINGS: readonly Setting<SweepConfig>[] = [
  ...settingsOf(SWEEP_FIELDS, '', (c: SweepConfig) => c),
  ...settingsOf(MASK_FIELDS, 'mask.', (c: SweepConfig) => c.mask),
  ...settingsOf(TRAIN_FIELDS, 'base.', (c: SweepConfig) => c.base),
  ...settingsOf(TRAIN_FIELDS, 'retrain.', (c: SweepConfig) => c.retrain),
];

/** Where a nested setting's messages say they belong. */
const GROUP_LABELS: Record<string, string> = { base: 'Base model', retrain: 'Retraining', mask: 'Masking' };

export const sweepSchema = strictRecord({
  version: v.literal(SWEEP_CONFIG_VERSION, `Version: ${SWEEP_CONFIG_VERSION}; this page runs version ${SWEEP_CONFIG_VERSION} sweeps.`),
  ...Object.fromEntries(Object.entries(SWEEP_FIELDS).map(([k, f]) => [k, f.schema])),
  // Sweeps recorded before there was a second dataset ran on MNIST.
  dataset: v.optional(SWEEP_FIELDS.dataset.schema, 'mnist'),
  mask: maskSchema,
  base: trainSchema,
  retrain: trainSchema,
}) as unknown as v.GenericSchema<unknown, SweepConfig>;

/** Problems with a sweep configuration, each naming the setting and what is allowed; empty when it is fine. */
export function sweepConfigErrors(c: unknown): string[] {
  const r = v.safeParse(sweepSchema, c);
  if (r.success) return [];
  return [
    ...new Set(
      r.issues.map((issue) => {
        const group = GROUP_LABELS[String(issue.path?.[0]?.key)];
        return group && (issue.path?.length ?? 0) > 1 ? `${group} — ${issue.message}` : issue.message;
      }),
    ),
  ];
}

/** The configuration as run: the random baseline added when missing (science.md §4 compares against it). */
export function withRandomBaseline<C extends { methods: MethodSpec[] }>(c: C): C {
  return c.methods.some((m) => m.id === 'random') ? c : { ...c, methods: [...c.methods, { id: 'random', params: {} }] };
}
