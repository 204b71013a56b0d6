/**
 * Training on the fused kernels with the same loop as the tfjs engine (training/train.ts: seeded epoch
 * orders, progress, loss curves, plateau stopping, cancellation), so a run means the same on either engine.
 */
import { DEFAULT_MASK, type TrainConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { summarise, type Evaluation } from '../training/evaluate';
import { initialWeights } from '../model/cnn';
import { learningRateAt } from '../training/optimizer';
import { trainLoop, type Stepper, type TrainHooks, type TrainOutcome } from '../training/train';
import { batchIncompatibility } from '../training/batchedTrain';
import { FusedCnn, uploadSplit, type GpuOrders, type GpuSplit, type ModelMask } from './fusedCnn';

export interface FusedRun {
  cfg: TrainConfig;
  mask: ModelMask;
}

export interface FusedOutcome extends TrainOutcome {
  /** Each model's weights as it finished (when plateau stopping ended it: as they were then). */
  weights: Float32Array[][];
}

/** Trains `runs` (one per model of `model`, from their seeds' initial weights) on `split`, masked from `orders`. */
export async function trainFused(
  model: FusedCnn,
  split: GpuSplit,
  orders: GpuOrders | null,
  runs: readonly FusedRun[],
  hooks: Omit<TrainHooks, 'fill'> = {},
): Promise<FusedOutcome> {
  const problem = batchIncompatibility(runs.map((r) => ({ cfg: r.cfg, fill: () => {} })));
  if (problem) throw new Error(`These runs cannot be trained together: ${problem}.`);
  if (runs.length !== model.k) throw new Error(`The fused model holds ${model.k} networks, but ${runs.length} runs were given.`);
  const cfg = runs[0].cfg;
  if (cfg.trainSize > split.count) throw new RangeError(`The runs train on ${cfg.trainSize} images; the split on the GPU holds ${split.count}.`);
  model.setWeights(runs.map((r) => initialWeights(r.cfg.seed)));
  model.setMasks(runs.map((r) => r.mask), split.norm);
  const masksFrom = orders;
  let epochOrders: readonly Uint32Array[] | null = null;
  let t = 0;
  const stepper: Stepper = {
    step(orders, from, to) {
      // A new epoch brings new order arrays: upload them once.
      if (orders !== epochOrders) {
        model.setOrder(orders);
        epochOrders = orders;
      }
      model.step(split, masksFrom, from, to - from, { optimizer: cfg.optimizer, learningRate: learningRateAt(cfg, t), momentum: cfg.momentum, t: t + 1 });
      t++;
    },
    take: () => model.takeStats(),
  };
  const stoppedAt = new Map<number, Float32Array[]>();
  const out = await trainLoop(
    cfg.trainSize,
    cfg,
    runs.map((r) => r.cfg.seed),
    stepper,
    { reportEvery: 50, ...hooks, onModelStop: async (m) => void stoppedAt.set(m, (await model.readWeights())[m]) },
  );
  const final = await model.readWeights();
  return { ...out, weights: final.map((w, m) => stoppedAt.get(m) ?? w) };
}

export interface ScoredFused {
  outcome: FusedOutcome;
  evaluations: Evaluation[];
}

/**
 * K plain models (one per config) trained on `trainSet` and scored on `testSet`, both uploaded for the
 * purpose: the base model of the page's step 1 and of `roar train`. `onEpochScore` gets each epoch's test
 * accuracies, predicted on the GPU between epochs.
 */
export async function trainAndScoreFused(
  device: GPUDevice,
  trainSet: MnistSplit,
  testSet: MnistSplit,
  cfgs: readonly TrainConfig[],
  hooks: Omit<TrainHooks, 'fill' | 'onEpochEnd'> & { onEpochScore?: (epoch: number, accuracies: number[]) => void | Promise<void> } = {},
): Promise<ScoredFused> {
  const gpuTrain = uploadSplit(device, trainSet);
  const gpuTest = uploadSplit(device, testSet);
  const model = await FusedCnn.create(device, cfgs.length, cfgs[0].batchSize);
  const score = async (): Promise<Evaluation[]> => (await model.predict(gpuTest, null)).map((p) => summarise(testSet.labels, p));
  try {
    const plain = { kind: 'plain' as const, threshold: 0, mask: DEFAULT_MASK };
    const { onEpochScore, ...rest } = hooks;
    const outcome = await trainFused(model, gpuTrain, null, cfgs.map((cfg) => ({ cfg, mask: plain })), {
      ...rest,
      onEpochEnd: onEpochScore ? async (epoch) => onEpochScore(epoch, (await score()).map((e) => e.accuracy)) : undefined,
    });
    return { outcome, evaluations: await score() };
  } finally {
    model.destroy();
    gpuTrain.destroy();
    gpuTest.destroy();
  }
}
