/** One run at a time vs K runs trained as one graph, samples/s summed over the models (Node, real MNIST). */
import { head } from '../src/engine/data/mnist';
import { REFERENCE_TRAIN, type BackendName, type TrainConfig } from '../src/engine/defaults';
import { batchedFromWeights, disposeBatched } from '../src/engine/model/batchedCnn';
import { createCnn, disposeCnn, initialWeights } from '../src/engine/model/cnn';
import { trainBatched } from '../src/engine/training/batchedTrain';
import { train } from '../src/engine/training/train';
import { fillBatch } from '../src/engine/data/mnist';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';

export interface BatchedRow {
  backend: string;
  models: number;
  samplesPerModel: number;
  aggregate: number;
}

export async function batchedBench(backend: BackendName, samples: number, ks: readonly number[]): Promise<BatchedRow[]> {
  const info = await initNodeBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start: ${info.notice}`);
  const data = head(loadMnistNode().train, samples);
  const cfg: TrainConfig = { ...REFERENCE_TRAIN, epochs: 1, trainSize: samples, learningRate: 0.01 };
  const rows: BatchedRow[] = [];
  // Warm-up so that kernel set-up is not counted.
  const warm = createCnn(0);
  await train(warm, head(data, 256), { ...cfg, trainSize: 256 });
  disposeCnn(warm);
  for (const k of ks) {
    let rate: number;
    if (k === 1) {
      const model = createCnn(1);
      rate = (await train(model, data, cfg)).samplesPerSec;
      disposeCnn(model);
    } else {
      const seeds = Array.from({ length: k }, (_, m) => m + 1);
      const model = batchedFromWeights(seeds.map(initialWeights));
      const runs = seeds.map((seed) => ({ cfg: { ...cfg, seed }, fill: (idx: Uint32Array, out: Float32Array) => void fillBatch(data, idx, out) }));
      await trainBatched(model, head(data, 256), runs.map((r) => ({ ...r, cfg: { ...r.cfg, trainSize: 256 } })));
      rate = (await trainBatched(model, data, runs)).samplesPerSec;
      disposeBatched(model);
    }
    rows.push({ backend: info.details, models: k, samplesPerModel: samples, aggregate: rate });
    console.log(`${info.details}: ${k} model(s) per step: ${Math.round(rate)} samples/s summed`);
  }
  return rows;
}

if (process.argv[1]?.endsWith('batchedNode.ts')) {
  void batchedBench('wasm', Number(process.argv[2] ?? 6400), [1, 2, 4, 8]);
}
