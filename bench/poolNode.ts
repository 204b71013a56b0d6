/** Aggregate training throughput: one run alone vs one run per worker thread at once (samples/s summed). */
import { availableParallelism } from 'node:os';
import { DEFAULT_MASK, REFERENCE_TRAIN } from '../src/engine/defaults';
import { createCnn, readWeights } from '../src/engine/model/cnn';
import { startNodePool } from '../src/node/nodePool';
import { initNodeBackend } from '../src/node/nodeBackend';

export interface PoolRow {
  workers: number;
  runs: number;
  samplesPerRun: number;
  aggregate: number;
}

export async function poolBench(samplesPerRun: number): Promise<PoolRow[]> {
  await initNodeBackend('wasm');
  const rows: PoolRow[] = [];
  const weights = await readWeights(createCnn(1));
  for (const workers of [1, availableParallelism()]) {
    const pool = await startNodePool(workers, 'wasm');
    try {
      await pool.executor.setBase('bench', weights);
      const task = (seed: number) => ({ rankings: null, kind: 'retrain' as const, threshold: 0, mask: DEFAULT_MASK, train: { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: samplesPerRun, seed }, testSize: 100, testNoiseSeed: 1 });
      await pool.executor.retrain(task(99), () => {});
      const t0 = performance.now();
      await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.executor.retrain(task(i + 1), () => {})));
      const aggregate = (workers * 2 * samplesPerRun) / ((performance.now() - t0) / 1000);
      rows.push({ workers, runs: workers * 2, samplesPerRun, aggregate });
      console.log(`${workers} worker(s): ${Math.round(aggregate)} samples/s summed over ${workers * 2} runs`);
    } finally {
      await pool.close();
    }
  }
  return rows;
}
