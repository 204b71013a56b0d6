import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import { tinySweep } from '../../testing/tinySweep';
import type { Mnist } from '../data/mnist';
import { InProcessExecutor } from './inProcessExecutor';
import { runSweep } from './runSweep';
import type { RunResult } from './results';
import { SweepCache } from './sweepCache';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
});

const tiny = tinySweep({ epochs: 1, trainSize: 1500, testSize: 300 }, { epochs: 2, trainSize: 640, testSize: 300, learningRate: 0.05 });

describe('a sweep with several runs trained as one batched model', () => {
  it('gives each run the accuracy it gets trained alone, in batches of 4 (the last one shorter)', async () => {
    const collect = async (modelsPerStep: number) => {
      const runs: RunResult[] = [];
      const messages = new Set<string>();
      const cache = new SweepCache();
      const exec = new InProcessExecutor(mnist, 'wasm', cache, async () => {}, modelsPerStep);
      const outcome = await runSweep(mnist, tiny, 'wasm', {
        executor: exec,
        onRun: (r) => void runs.push(r),
        onProgress: (p) => void (p.stage === 'runs' && p.message !== 'Finished' && messages.add(p.message)),
      });
      cache.clear();
      return { outcome, runs, messages };
    };
    const alone = await collect(1);
    const before = tf.memory().numTensors;
    const batched = await collect(4);
    expect(tf.memory().numTensors).toBe(before);
    // 10 runs (unmasked, then gradient and random at 50 and 90 %; 2 seeds each): batches of 4, 4 and 2.
    expect(batched.outcome).toEqual(alone.outcome);
    expect(alone.runs).toHaveLength(10);
    expect([...batched.messages].map((m) => Number(m.match(/\((\d+) runs together\)$/)?.[1]))).toEqual([4, 4, 2]);
    expect([...alone.messages].every((m) => !m.includes('together'))).toBe(true);
    expect(alone.runs.find((r) => r.key === 'unmasked|0|11|none')?.accuracy ?? 0).toBeGreaterThan(0.5);
    const byKey = new Map(alone.runs.map((r) => [r.key, r.accuracy]));
    // Weights agree to ~1e-7, so at most a borderline test image may flip (1 of 300).
    for (const r of batched.runs) expect(Math.abs(r.accuracy - byKey.get(r.key)!)).toBeLessThanOrEqual(1 / 300 + 1e-9);
    expect(new Set(batched.runs.map((r) => r.key))).toEqual(new Set(byKey.keys()));
  });

  it('refuses more runs than it trains together', async () => {
    const exec = new InProcessExecutor(mnist, 'wasm', new SweepCache(), async () => {}, 2);
    const task = { rankings: null, kind: 'retrain' as const, threshold: 0, mask: tiny.mask, train: tiny.retrain, testSize: 10, testNoiseSeed: 1 };
    await expect(exec.retrainTogether([task, task, task], () => {})).rejects.toThrow('3 runs given; this executor trains at most 2 together.');
    expect(() => new InProcessExecutor(mnist, 'wasm', new SweepCache(), async () => {}, 0)).toThrow('modelsPerStep must be a whole number ≥ 1');
  });
});
