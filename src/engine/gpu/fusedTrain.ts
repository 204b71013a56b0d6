/**
 * Training on the fused kernels with the same loop as the tfjs engine (training/train.ts: seeded epoch
 * orders, progress, loss curves, plateau stopping, cancellation), so a run means the same on either engine.
 */
import type { TrainConfig } from '../defaults';
import { initialWeights } from '../model/cnn';
import { learningRateAt } from '../training/optimizer';
import { trainLoop, type Stepper, type TrainHooks, type TrainOutcome } from '../training/train';
import { batchIncompatibility } from '../training/batchedTrain';
import type { FusedCnn, GpuOrders, GpuSplit, ModelMask } from './fusedCnn';

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
  model.setMasks(runs.map((r) => r.mask));
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
