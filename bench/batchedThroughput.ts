/**
 * One run at a time vs K runs trained as one graph: samples/s summed over the models, on whichever backend is
 * active. No Node or DOM APIs, so the same code runs in Node (batchedNode.ts) and in Chromium
 * (browser/batched.html).
 */
import { fillBatch, head, type MnistSplit } from '../src/engine/data/mnist';
import { REFERENCE_TRAIN, type TrainConfig } from '../src/engine/defaults';
import { batchedFromWeights, disposeBatched } from '../src/engine/model/batchedCnn';
import { createCnn, disposeCnn, initialWeights } from '../src/engine/model/cnn';
import { trainBatched } from '../src/engine/training/batchedTrain';
import { train } from '../src/engine/training/train';

export interface BatchedRow {
  models: number;
  /** Training images each model saw (one epoch). */
  samplesPerModel: number;
  /** Samples per second summed over the models. */
  aggregate: number;
}

async function once(data: MnistSplit, k: number): Promise<number> {
  const cfg: TrainConfig = { ...REFERENCE_TRAIN, epochs: 1, trainSize: data.count, learningRate: 0.01 };
  if (k === 1) {
    const model = createCnn(1);
    const out = await train(model, data, cfg);
    disposeCnn(model);
    return out.samplesPerSec;
  }
  const seeds = Array.from({ length: k }, (_, m) => m + 1);
  const model = batchedFromWeights(seeds.map(initialWeights));
  const out = await trainBatched(
    model,
    data,
    seeds.map((seed) => ({ cfg: { ...cfg, seed }, fill: (idx: Uint32Array, buf: Float32Array) => void fillBatch(data, idx, buf) })),
  );
  disposeBatched(model);
  return out.samplesPerSec;
}

/** `samplesFor(k)` images per model for K models per step; a short warm-up of each K first. */
export async function batchedThroughput(train_: MnistSplit, ks: readonly number[], samplesFor: (k: number) => number, log: (line: string) => void = () => {}): Promise<BatchedRow[]> {
  const rows: BatchedRow[] = [];
  for (const k of ks) {
    await once(head(train_, 128), k);
    const n = samplesFor(k);
    const aggregate = await once(head(train_, n), k);
    rows.push({ models: k, samplesPerModel: n, aggregate });
    log(`${k} model(s) per step: ${Math.round(aggregate)} samples/s summed over models`);
  }
  return rows;
}
