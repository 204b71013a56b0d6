/**
 * Every default of the lab lives here: the app's settings, the URL schema and the recorded results all read
 * them from this file. Sources are cited beside each value (see ../shared/science.md).
 */

/** MNIST normalisation constants (science.md §1). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;
export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;
export const NUM_CLASSES = 10;
export const MNIST_TRAIN_COUNT = 60000;
export const MNIST_TEST_COUNT = 10000;

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export function isBackendName(s: string): s is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(s);
}
/** Browser preference order: the first that initialises wins (DEVELOPERS.md). */
export const BROWSER_BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const NODE_BACKEND_ORDER: readonly BackendName[] = ['wasm', 'cpu'];

/**
 * Retraining runs trained together as one batched model, per backend (issue 6). On a GPU a step of this
 * small net is bound by kernel launches, so K runs in one graph cost far less than K runs: on an H100 (WebGPU
 * through Dawn) 16 runs took the time of 3.7 single runs, 8 of 2.6, and 32 were slower than 16. On a CPU
 * they cost K runs' arithmetic and then some (~75 % of a single run's throughput on WASM), so there the lab
 * trains one run per worker, one worker per core. WebGL was not measured on a real GPU: 8, the cautious choice.
 * BENCHMARKS.md, "K models as one graph".
 */
/**
 * The most bytes of pixel orders a sweep holds at once (issue 6: a Paper sweep in under 1.5 GB of tab memory).
 * One method's orders for all of MNIST take 70,000 × 784 × 2 bytes = 110 MB; a sweep whose methods need more
 * ranks and retrains them a few methods at a time (sweep/sweepWaves.ts). 256 MiB holds two full-data methods.
 */
export const RANKINGS_BUDGET_BYTES = 256 * 2 ** 20;

export const MODELS_PER_STEP: Readonly<Record<BackendName, number>> = { webgpu: 16, webgl: 8, wasm: 1, cpu: 1 };

/** SGD with momentum as PyTorch defines it (seed 000's optimiser), or Adam (Kingma & Ba 2015). */
export type OptimizerName = 'sgd' | 'adam';
/** Train for exactly `epochs`, or until the training loss stops improving (at most `epochs`). */
export type Stopping = 'epochs' | 'plateau';

export interface TrainConfig {
  learningRate: number;
  /** SGD's momentum μ; for Adam its first-moment decay β₁ (the same running average of gradients). */
  momentum: number;
  batchSize: number;
  /** Epochs to train; with `stopping: 'plateau'` the most epochs. */
  epochs: number;
  /** How many training images to use (the first N of the 60,000). */
  trainSize: number;
  /** How many test images to evaluate on (the first N of the 10,000). */
  testSize: number;
  seed: number;
  optimizer: OptimizerName;
  /** The learning rate rises linearly over the first N steps (0: none), a way off the initial plateau. */
  warmupSteps: number;
  stopping: Stopping;
  /** With `stopping: 'plateau'`: epochs in a row without improvement before training stops. */
  patience: number;
}

/**
 * The reference setting of seed 000 §III: SGD lr 1e-3, momentum 0.9, batch 64, 10 epochs, full data
 * (97.4 % ± 0.4 % test accuracy over 5 runs).
 */
export const REFERENCE_TRAIN: TrainConfig = {
  learningRate: 1e-3,
  momentum: 0.9,
  batchSize: 64,
  epochs: 10,
  trainSize: MNIST_TRAIN_COUNT,
  testSize: MNIST_TEST_COUNT,
  seed: 1,
  optimizer: 'sgd',
  warmupSteps: 0,
  stopping: 'epochs',
  patience: 2,
};

/** Limits a person may set; validation messages quote them. */
export const TRAIN_LIMITS = {
  learningRate: { min: 1e-6, max: 1 },
  momentum: { min: 0, max: 0.999 },
  batchSize: { min: 1, max: 4096 },
  epochs: { min: 1, max: 100 },
  trainSize: { min: 1, max: MNIST_TRAIN_COUNT },
  testSize: { min: 1, max: MNIST_TEST_COUNT },
  seed: { min: 0, max: 2 ** 31 - 1 },
  warmupSteps: { min: 0, max: 1_000_000 },
  patience: { min: 1, max: 20 },
} as const;

/**
 * Training-health thresholds (issue 10; science.md §7). The loss of a model that has learnt nothing is
 * ln 10 ≈ 2.303 (uniform over 10 classes): a run that ends above 90 % of it is still on that plateau.
 */
export const PLATEAU_LOSS = 0.9 * Math.log(10);
/** Unconverged: the smoothed training loss fell by more than this over the last tenth of training. */
export const STILL_FALLING = 0.1;
/** Collapsed: one class gets at least this share of the predictions, or fewer than MIN_CLASSES are predicted. */
export const COLLAPSE_SHARE = 0.5;
export const MIN_CLASSES = 5;
/** Below base: an unmasked retrain more than this far (in accuracy) below the base model. */
export const BELOW_BASE = 0.02;
/** Points of the recorded training-loss curve per epoch (each the mean loss over a tenth of the epoch). */
export const LOSS_POINTS_PER_EPOCH = 10;
/** Plateau stopping: an epoch "improves" when it lowers the mean training loss by more than this share of it, */
export const PLATEAU_MIN_IMPROVEMENT = 0.02;
/** …and by at least this much. */
export const PLATEAU_MIN_DROP = 0.01;

/** Ranking transform applied to an attribution map before sorting (science.md §3). */
export type RankTransform = 'abs' | 'square' | 'signed';
/** How equal attribution values are ordered: a seeded random order (default) or by pixel index (Hooker's top_k). */
export type TieBreak = 'random' | 'index';
/** ROAR removes the top-ranked pixels; KAR keeps them and replaces the rest. */
export type MaskMode = 'roar' | 'kar';
export type Replacement = 'mean' | 'black' | 'white' | 'imageMean' | 'noisyLinear';

/** A blur of the importance map before ranking (mapFilter.ts): SIAnalytics' blur bias. */
export type MapFilter = 'none' | 'max3' | 'gauss1';

export interface MaskConfig {
  rankTransform: RankTransform;
  filter: MapFilter;
  tieBreak: TieBreak;
  tieSeed: number;
  mode: MaskMode;
  replacement: Replacement;
}

export const DEFAULT_MASK: MaskConfig = {
  rankTransform: 'abs',
  filter: 'none',
  tieBreak: 'random',
  tieSeed: 7,
  mode: 'roar',
  replacement: 'mean',
};

/** Digits the gallery computes at once: each costs a row of maps per method, computed in the worker. */
export const MAX_GALLERY_DIGITS = 12;

/** Fractions removed (Hooker; seeds 000 and 002). */
export const DEFAULT_THRESHOLDS: readonly number[] = [0, 0.1, 0.3, 0.5, 0.7, 0.9];

/** ROAD's noisy linear imputation noise σ, in [0,1] pixel units (Rong et al. 2022). */
export const NOISY_LINEAR_SIGMA = 0.01;
