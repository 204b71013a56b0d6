/**
 * What a sweep is (science.md §4): methods (the random baseline always among them) × thresholds × seeds, a
 * masking rule, the base model's training and the retraining settings. One versioned, plain-JSON object:
 * the worker runs it, the CLI reads it, results and permalinks record it.
 */
import { DEFAULT_MASK, DEFAULT_THRESHOLDS, REFERENCE_TRAIN, type MaskConfig, type TrainConfig } from '../defaults';
import { isMethodId, methodInfo, type MethodId } from '../attribution/catalog';
import type { TargetMode } from '../attribution/targets';
import { validateTrainConfig } from '../config/trainConfig';

export const SWEEP_CONFIG_VERSION = 2;

/** The most base models a sweep trains: each adds its own maps and retrains. */
export const MAX_BASE_SEEDS = 10;

export interface MethodSpec {
  id: MethodId;
  /** Validated parameters; {} means the method's defaults. */
  params: Record<string, unknown>;
}

export interface SweepConfig {
  version: typeof SWEEP_CONFIG_VERSION;
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
const CONVERGED_RETRAIN: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 10, stopping: 'plateau', patience: 1, seed: 1 };
const CONVERGED_DESCRIPTION =
  'The Standard protocol, but each retrain runs until its training loss stops falling (at most 10 epochs), so no cell measures how soon a model left the initial plateau. Slower than Standard.';

const STANDARD: SweepConfig = {
  version: SWEEP_CONFIG_VERSION,
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

/** A stable text key for a method and its parameters (object keys sorted). */
export function methodKey(spec: MethodSpec): string {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]))
      : v;
  const params = JSON.stringify(canon(spec.params));
  return params === '{}' ? spec.id : `${spec.id}${params}`;
}

/** Problems with a sweep configuration, each naming the field and what is allowed; empty when it is fine. */
export function sweepConfigErrors(c: SweepConfig): string[] {
  const errors: string[] = [];
  if (c.methods.length === 0) errors.push('methods: choose at least one attribution method.');
  for (const m of c.methods) {
    if (!isMethodId(m.id)) {
      errors.push(`methods: unknown method "${String(m.id).slice(0, 40)}".`);
      continue;
    }
    const v = methodInfo(m.id).validate(m.params);
    if ('error' in v) errors.push(`methods: ${v.error}`);
  }
  const keys = c.methods.map(methodKey);
  if (new Set(keys).size !== keys.length) errors.push('methods: the same method with the same parameters is listed twice.');
  if (c.thresholds.length === 0) errors.push('thresholds: give at least one fraction between 0 and 1.');
  if (c.thresholds.some((t) => !Number.isFinite(t) || t < 0 || t > 1)) errors.push('thresholds: each must be a fraction from 0 to 1 (e.g. 0.1 for 10 %).');
  if (c.thresholds.some((t, i) => i > 0 && t <= c.thresholds[i - 1])) errors.push('thresholds: list them in increasing order without repeats.');
  if (!Number.isInteger(c.seeds) || c.seeds < 1 || c.seeds > 20) errors.push('seeds: a whole number from 1 to 20.');
  if (!Number.isInteger(c.baseSeeds) || c.baseSeeds < 1 || c.baseSeeds > MAX_BASE_SEEDS) errors.push(`base models: a whole number from 1 to ${MAX_BASE_SEEDS}.`);
  for (const [name, cfg] of [['base', c.base], ['retrain', c.retrain]] as const) {
    const { errors: e } = validateTrainConfig(cfg as unknown as Record<string, unknown>);
    for (const msg of Object.values(e)) errors.push(`${name}: ${msg}`);
  }
  return errors;
}

/** The configuration as run: the random baseline added when missing (science.md §4 compares against it). */
export function withRandomBaseline(c: SweepConfig): SweepConfig {
  return c.methods.some((m) => m.id === 'random') ? c : { ...c, methods: [...c.methods, { id: 'random', params: {} }] };
}
