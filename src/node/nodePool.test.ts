import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../testing/wasmBackend';
import { loadMnistNode } from './loadMnist';
import { startNodePool } from './nodePool';
import { runSweep } from '../engine/sweep/runSweep';
import type { SweepExecutor } from '../engine/sweep/executor';
import type { RunResult, NoRetrainResult } from '../engine/sweep/results';
import type { SweepConfig } from '../engine/sweep/sweepConfig';
import { tinySweep } from '../testing/tinySweep';

const tiny: SweepConfig = tinySweep({ epochs: 1, trainSize: 2000, testSize: 300 }, { epochs: 3, trainSize: 1200, testSize: 300 });

beforeAll(async () => {
  await useWasmBackend();
});

describe('a sweep spread over worker threads', () => {
  it('gives exactly the numbers of the same sweep in one thread, also ranking a method at a time', async () => {
    const mnist = loadMnistNode();
    const collect = async (executor?: SweepExecutor, rankingsBudget?: number) => {
      const runs: RunResult[] = [];
      const noRetrain: NoRetrainResult[] = [];
      const outcome = await runSweep(mnist, tiny, 'wasm', { executor, rankingsBudget, onRun: (r) => void runs.push(r), onNoRetrain: (r) => void noRetrain.push(r) });
      return { outcome, runs, noRetrain };
    };
    const alone = await collect();
    // The runs learned something, so equal numbers mean equal training, not two models stuck at chance.
    expect(alone.runs.find((r) => r.key === 'unmasked|0|11|none')!.accuracy).toBeGreaterThan(0.5);
    const pool = await startNodePool(2, 'wasm');
    try {
      // A method at a time (the workers drop each wave's orders) changes nothing either.
      const spread = await collect(pool.executor, 1);
      expect(spread.outcome).toEqual(alone.outcome);
      const byKey = (rs: RunResult[]) => Object.fromEntries(rs.map((r) => [r.key, r.accuracy]));
      expect(byKey(spread.runs)).toEqual(byKey(alone.runs));
      expect(spread.noRetrain.map((r) => r.accuracy)).toEqual(alone.noRetrain.map((r) => r.accuracy));
    } finally {
      await pool.close();
    }
  });
});
