/**
 * One remove-and-retrain run (science.md §4): a fresh model, trained from scratch on the masked training
 * images, scored on the test images masked by the same rule. Masks are applied batch by batch from the
 * cached orders, so no masked copy of the dataset exists.
 */
import { PIXELS, type MaskConfig, type TrainConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { fillMaskedBatch } from '../masking/mask';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { deriveSeed, makeRng } from '../random';
import { predictClasses, summarise, type Evaluation } from '../training/evaluate';
import { train, type TrainHooks } from '../training/train';

/** Scores `model` on `test` masked at `threshold` (null orders: unmasked). */
export async function evaluateMasked(
  model: Cnn,
  test: MnistSplit,
  orders: Uint16Array | null,
  threshold: number,
  mask: MaskConfig,
  /** Seeds ROAD's imputation noise; the same for every run so all seeds see the same test images. */
  noiseSeed: number,
): Promise<Evaluation> {
  const rng = makeRng(noiseSeed);
  const predicted = await predictClasses(model, test.count, (start, size, out) => {
    const idx = Uint32Array.from({ length: size }, (_, i) => start + i);
    fillMaskedBatch(test.images, orders, idx, threshold, mask.mode, mask.replacement, rng, out);
  });
  return summarise(test.labels, predicted);
}

export interface RetrainOutcome {
  evaluation: Evaluation;
  samplesPerSec: number;
  seconds: number;
}

/**
 * The run's batch filler: training images masked at `threshold` from their orders, with ROAD's imputation
 * noise drawn from the run's own stream (so a run trained alone or with others sees the same pixels).
 */
export function maskedFill(
  train_: MnistSplit,
  orders: Uint16Array | null,
  threshold: number,
  mask: MaskConfig,
  seed: number,
): (indices: Uint32Array, out: Float32Array) => void {
  const rng = makeRng(deriveSeed(seed, 'impute'));
  return (idx, buf) => fillMaskedBatch(train_.images, orders, idx, threshold, mask.mode, mask.replacement, rng, buf.subarray(0, idx.length * PIXELS));
}

export async function retrainRun(
  train_: MnistSplit,
  test: MnistSplit,
  orders: { train: Uint16Array; test: Uint16Array } | null,
  threshold: number,
  mask: MaskConfig,
  cfg: TrainConfig,
  testNoiseSeed: number,
  hooks: Pick<TrainHooks, 'signal' | 'onProgress' | 'reportEvery'>,
): Promise<RetrainOutcome> {
  const model = createCnn(cfg.seed);
  try {
    const out = await train(model, train_, cfg, { ...hooks, fill: maskedFill(train_, orders?.train ?? null, threshold, mask, cfg.seed) });
    if (out.stopped) throw new DOMException('The sweep was cancelled.', 'AbortError');
    const evaluation = await evaluateMasked(model, test, orders?.test ?? null, threshold, mask, testNoiseSeed);
    return { evaluation, samplesPerSec: out.samplesPerSec, seconds: out.elapsedMs / 1000 };
  } finally {
    disposeCnn(model);
  }
}
