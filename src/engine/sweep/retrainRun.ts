/**
 * One remove-and-retrain run (science.md §4): a fresh model, trained from scratch on the masked training
 * images, scored on the test images masked by the same rule — or, for the mask-only control, trained and
 * scored on the removal patterns alone. Masks are applied batch by batch from the cached orders, so no
 * masked copy of the dataset exists.
 */
import { PIXELS, type MaskConfig, type TrainConfig } from '../defaults';
import { DATASETS } from '../data/datasets';
import type { MnistSplit } from '../data/mnist';
import { fillMaskedBatch, fillMaskPattern } from '../masking/mask';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { deriveSeed, makeRng, type Rng } from '../random';
import type { RunKind } from './sweepPlan';
import { predictClasses, summarise, type Evaluation } from '../training/evaluate';
import { train, type TrainHooks } from '../training/train';
import { sweepCancelled } from './executor';

/** Scores `model` on `test` masked at `threshold` (null orders: unmasked), or on its removal patterns. */
export async function evaluateMasked(
  model: Cnn,
  test: MnistSplit,
  orders: Uint16Array | null,
  threshold: number,
  mask: MaskConfig,
  /** Seeds ROAD's imputation noise; the same for every run so all seeds see the same test images. */
  noiseSeed: number,
  kind: RunKind = 'retrain',
): Promise<Evaluation> {
  const fill = batchFiller(test, orders, kind, threshold, mask, makeRng(noiseSeed));
  const predicted = await predictClasses(model, test.count, (start, size, out) => fill(Uint32Array.from({ length: size }, (_, i) => start + i), out));
  return summarise(test.labels, predicted);
}

/** The normalised inputs of a batch of `split`: masked images, or (mask-only) their removal patterns. */
function batchFiller(split: MnistSplit, orders: Uint16Array | null, kind: RunKind, threshold: number, mask: MaskConfig, rng: Rng): (indices: Uint32Array, out: Float32Array) => void {
  const norm = DATASETS[split.dataset];
  if (kind === 'maskOnly') {
    if (!orders) throw new Error('The mask-only control needs the pixel orders of a method.');
    return (idx, out) => fillMaskPattern(orders, idx, threshold, mask.mode, out, norm);
  }
  return (idx, out) => fillMaskedBatch(split.images, orders, idx, threshold, mask.mode, mask.replacement, rng, out, norm);
}

export interface RetrainOutcome {
  evaluation: Evaluation;
  samplesPerSec: number;
  seconds: number;
  /** The run's training-loss curve (train.ts: ten points an epoch). */
  lossCurve: number[];
  epochsTrained: number;
}

/**
 * The run's batch filler: training images masked at `threshold` from their orders, with ROAD's imputation
 * noise drawn from the run's own stream (so a run trained alone or with others sees the same pixels).
 */
export function maskedFill(
  train_: MnistSplit,
  orders: Uint16Array | null,
  kind: RunKind,
  threshold: number,
  mask: MaskConfig,
  seed: number,
): (indices: Uint32Array, out: Float32Array) => void {
  const fill = batchFiller(train_, orders, kind, threshold, mask, makeRng(deriveSeed(seed, 'impute')));
  return (idx, buf) => fill(idx, buf.subarray(0, idx.length * PIXELS));
}

export async function retrainRun(
  train_: MnistSplit,
  test: MnistSplit,
  orders: { train: Uint16Array; test: Uint16Array } | null,
  kind: RunKind,
  threshold: number,
  mask: MaskConfig,
  cfg: TrainConfig,
  testNoiseSeed: number,
  hooks: Pick<TrainHooks, 'signal' | 'onProgress' | 'reportEvery'>,
): Promise<RetrainOutcome> {
  const model = createCnn(cfg.seed);
  try {
    const out = await train(model, train_, cfg, { ...hooks, fill: maskedFill(train_, orders?.train ?? null, kind, threshold, mask, cfg.seed) });
    if (out.stopped) throw sweepCancelled();
    const evaluation = await evaluateMasked(model, test, orders?.test ?? null, threshold, mask, testNoiseSeed, kind);
    return { evaluation, samplesPerSec: out.samplesPerSec, seconds: out.elapsedMs / 1000, lossCurve: out.lossCurves[0], epochsTrained: out.epochsTrained[0] };
  } finally {
    disposeCnn(model);
  }
}
