/**
 * Several remove-and-retrain runs trained as one batched model (model/batchedCnn.ts, issue 6): each run keeps
 * its own seed, data order and mask (applied on the fly from the shared cached orders, never K masked
 * copies), and is then scored alone on its masked test set exactly as retrainRun.ts scores a run.
 */
import type { MaskConfig, TrainConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { cnnFromWeights, disposeCnn, initialWeights } from '../model/cnn';
import { batchedFromWeights, disposeBatched } from '../model/batchedCnn';
import { trainBatched } from '../training/batchedTrain';
import type { TrainHooks } from '../training/train';
import { evaluateMasked, maskedFill, type RetrainOutcome } from './retrainRun';
import type { RunKind } from './sweepPlan';
import { sweepCancelled } from './executor';

export interface RunToTrain {
  orders: { train: Uint16Array; test: Uint16Array } | null;
  kind: RunKind;
  threshold: number;
  mask: MaskConfig;
  cfg: TrainConfig;
  testNoiseSeed: number;
}

export async function retrainTogether(
  train_: MnistSplit,
  test: MnistSplit,
  runs: readonly RunToTrain[],
  hooks: Pick<TrainHooks, 'signal' | 'onProgress' | 'reportEvery'>,
): Promise<RetrainOutcome[]> {
  const model = batchedFromWeights(runs.map((r) => initialWeights(r.cfg.seed)));
  let out;
  try {
    out = await trainBatched(
      model,
      train_,
      runs.map((r) => ({ cfg: r.cfg, fill: maskedFill(train_, r.orders?.train ?? null, r.kind, r.threshold, r.mask, r.cfg.seed) })),
      hooks,
    );
    if (out.stopped) throw sweepCancelled();
  } finally {
    disposeBatched(model);
  }
  const outcomes: RetrainOutcome[] = [];
  for (const [m, r] of runs.entries()) {
    const single = cnnFromWeights(out.weights[m]);
    try {
      const evaluation = await evaluateMasked(single, test, r.orders?.test ?? null, r.threshold, r.mask, r.testNoiseSeed, r.kind);
      // Each run trained for the whole batch's time, at its share of the summed throughput.
      outcomes.push({ evaluation, samplesPerSec: out.samplesPerSec / runs.length, seconds: out.elapsedMs / 1000, lossCurve: out.lossCurves[m], epochsTrained: out.epochsTrained[m] });
    } finally {
      disposeCnn(single);
    }
  }
  return outcomes;
}
