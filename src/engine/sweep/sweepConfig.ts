/**
 * What a sweep is (science.md §4): methods (the random baseline always among them) × thresholds × seeds, a
 * masking rule, the base model's training and the retraining settings. One versioned, plain-JSON object:
 * the worker runs it, the CLI reads it, results and permalinks record it.
 */
import { DEFAULT_MASK, DEFAULT_THRESHOLDS, REFERENCE_TRAIN, type MaskConfig, type TrainConfig } from '../defaults';
import { isMethodId, methodInfo, type MethodId } from '../attribution/catalog';
import type { TargetMode } from '../attribution/targets';
import { validateTrainConfig } from '../config/trainConfig';

export const SWEEP_CONFIG_VERSION = 1;

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
  /** Retraining seeds per cell: retrain.seed, retrain.seed + 1, … */
  seeds: number;
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
}

export type PresetId = 'lecture' | 'standard' | 'paper';

const fast: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01 };

/**
 * Lecture: small enough to finish in a few minutes on a laptop without a GPU, yet showing the headline
 * result (gradient and IG fall below random at 90 %). Standard: the protocol the issue's PyTorch reference
 * uses (lr 0.01, 3-epoch base, 2-epoch retraining, 2 seeds, |IG| 32 midpoint steps on a black baseline, mean
 * replacement, true-label maps). Paper: seed 000's setting, full data, 5 seeds, 10 epochs.
 */
export const PRESETS: Record<PresetId, { label: string; description: string; config: SweepConfig }> = {
  lecture: {
    label: 'Lecture',
    description: 'Gradient, integrated gradients (16 steps) and random; retraining on 5,000 images, 2 seeds. A few minutes.',
    config: {
      version: SWEEP_CONFIG_VERSION,
      methods: [
        { id: 'gradient', params: {} },
        { id: 'integratedGradients', params: { steps: 16 } },
        { id: 'random', params: {} },
      ],
      thresholds: [0, 0.1, 0.5, 0.9],
      seeds: 2,
      mask: { ...DEFAULT_MASK },
      target: 'label',
      mapSeed: 1,
      base: { ...fast, epochs: 2, trainSize: 12000, testSize: 2000 },
      retrain: { ...fast, epochs: 2, trainSize: 5000, testSize: 1000, seed: 1 },
      noRetrain: true,
    },
  },
  standard: {
    label: 'Standard',
    description: 'The reference protocol: full data, 3-epoch base model, 2-epoch retraining, 2 seeds, 5 thresholds. About half an hour on a CPU.',
    config: {
      version: SWEEP_CONFIG_VERSION,
      methods: [
        { id: 'gradient', params: {} },
        { id: 'integratedGradients', params: {} },
        { id: 'random', params: {} },
      ],
      thresholds: [...DEFAULT_THRESHOLDS],
      seeds: 2,
      mask: { ...DEFAULT_MASK },
      target: 'label',
      mapSeed: 1,
      base: { ...fast, epochs: 3 },
      retrain: { ...fast, epochs: 2, seed: 1 },
      noRetrain: true,
    },
  },
  paper: {
    label: 'Paper',
    description: "Seed 000's setting: lr 0.001, 10 epochs, full data, 5 seeds, seven methods. Hours on a CPU: meant for GPUs or the CLI.",
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
      mask: { ...DEFAULT_MASK },
      target: 'label',
      mapSeed: 1,
      base: { ...REFERENCE_TRAIN },
      retrain: { ...REFERENCE_TRAIN, seed: 1 },
      noRetrain: true,
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
