import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../testing/wasmBackend';
import { loadMnistNode } from './loadMnist';
import { startNodePool } from './nodePool';
import { runSweep, type SweepProgress } from '../engine/sweep/runSweep';
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
      const progress: SweepProgress[] = [];
      const outcome = await runSweep(mnist, tiny, 'wasm', { executor, rankingsBudget, onRun: (r) => void runs.push(r), onNoRetrain: (r) => void noRetrain.push(r), onProgress: (p) => void progress.push(p) });
      return { outcome, runs, noRetrain, progress };
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
      // Honest progress with two workers reporting in turn: the count of finished runs only goes up, the
      // stages come in order, and the line names methods in words, never by their keys.
      const p = spread.progress;
      expect(p.length).toBeGreaterThan(10);
      for (let i = 1; i < p.length; i++) expect(p[i].runsDone).toBeGreaterThanOrEqual(p[i - 1].runsDone);
      const order = ['base', 'maps', 'noRetrain', 'runs'];
      const stages = p.map((x) => order.indexOf(x.stage));
      expect(stages.every((s, i) => i === 0 || s >= stages[i - 1] || order[s] === 'maps')).toBe(true);
      const retraining = p.filter((x) => x.stage === 'runs' && x.message !== 'Finished');
      expect(retraining.length).toBeGreaterThan(0);
      for (const x of retraining) expect(x.message).toMatch(/^Retraining on (unmasked images|Gradient|Random|the mask pattern of)/);
      for (const x of p) expect(x.message).not.toMatch(/[{}]/);
    } finally {
      await pool.close();
    }
  });
});
