/**
 * Attribution maps per second per method in Node: in one thread (computeMaps) and spread over one worker
 * thread per core (the sweep's rank tasks: maps plus ranking), on real MNIST with a trained base model.
 */
import { availableParallelism } from 'node:os';
import { METHOD_IDS, type MethodId } from '../src/engine/attribution/catalog';
import { getMethod } from '../src/engine/attribution/registry';
import { computeMaps } from '../src/engine/attribution/computeMaps';
import { head } from '../src/engine/data/mnist';
import { DEFAULT_MASK, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, REFERENCE_TRAIN } from '../src/engine/defaults';
import { createCnn, readWeights } from '../src/engine/model/cnn';
import { train } from '../src/engine/training/train';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';
import { startNodePool } from '../src/node/nodePool';

export interface MapsRow {
  method: string;
  images: number;
  oneThread: number;
  pool: number | null;
  poolImages: number;
  workers: number;
}

/** `fullFor`: methods timed over all 70,000 images on the pool; the others over `poolImages`. */
export async function mapsBench(sample: number, fullFor: readonly MethodId[], poolImages: number): Promise<MapsRow[]> {
  await initNodeBackend('wasm');
  const mnist = loadMnistNode();
  const model = createCnn(1);
  await train(model, head(mnist.train, 12000), { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 12000 });
  const weights = await readWeights(model);
  const workers = availableParallelism();
  const pool = workers > 1 ? await startNodePool(workers, 'wasm') : null;
  const rows: MapsRow[] = [];
  try {
    if (pool) await pool.executor.setBase('bench', weights);
    for (const id of METHOD_IDS) {
      const method = getMethod(id);
      const params = (method.validate(undefined) as { params: unknown }).params;
      const t0 = performance.now();
      await computeMaps(model, mnist.test, sample, method, params, 'label', 1);
      const oneThread = sample / ((performance.now() - t0) / 1000);
      let poolRate: number | null = null;
      const n = fullFor.includes(id) ? MNIST_TRAIN_COUNT + MNIST_TEST_COUNT : poolImages;
      if (pool) {
        const t1 = performance.now();
        const parts = Array.from({ length: workers }, (_, w) => {
          const size = Math.ceil(n / workers);
          const from = w * size;
          return { from, count: Math.min(size, n - from) };
        });
        // Images beyond the 60,000 training images come from the test split.
        await Promise.all(
          parts.flatMap(({ from, count }) => {
            const tasks = [];
            const trainPart = Math.max(0, Math.min(from + count, MNIST_TRAIN_COUNT) - from);
            if (trainPart > 0) tasks.push({ split: 'train' as const, from, count: trainPart });
            if (count - trainPart > 0) tasks.push({ split: 'test' as const, from: Math.max(0, from - MNIST_TRAIN_COUNT), count: count - trainPart });
            return tasks.map((t) => pool.executor.rank({ method: { id, params: {} }, ...t, target: 'label', mapSeed: 1, mask: DEFAULT_MASK }, () => {}));
          }),
        );
        poolRate = n / ((performance.now() - t1) / 1000);
      }
      rows.push({ method: id, images: sample, oneThread, pool: poolRate, poolImages: n, workers });
      console.log(`${id.padEnd(20)} ${Math.round(oneThread)} maps/s in one thread; ${poolRate ? `${Math.round(poolRate)} maps/s on ${workers} workers over ${n} images` : ''}`);
    }
  } finally {
    await pool?.close();
  }
  return rows;
}
