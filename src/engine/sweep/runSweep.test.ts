import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import type { Mnist } from '../data/mnist';
import type { BaseResult, NoRetrainResult, RunResult } from './results';
import { InProcessExecutor } from './inProcessExecutor';
import { runSweep } from './runSweep';
import { SweepCache } from './sweepCache';
import { presetConfig, sweepConfigErrors, type SweepConfig } from './sweepConfig';
import { tinySweep } from '../../testing/tinySweep';
import { planRuns, UNMASKED } from './sweepPlan';
import { mean, std } from './statistics';
import { summariseSweep } from './summary';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
});

const tiny: SweepConfig = tinySweep({ epochs: 2, trainSize: 3000, testSize: 300 }, { epochs: 1, trainSize: 320, testSize: 200 });

async function collect(config: SweepConfig, extra: Parameters<typeof runSweep>[3] = {}) {
  const runs: RunResult[] = [];
  const noRetrain: NoRetrainResult[] = [];
  const outcome = await runSweep(mnist, config, 'wasm', {
    ...extra,
    onRun: async (r) => {
      runs.push(r);
      await extra.onRun?.(r);
    },
    onNoRetrain: (r) => void noRetrain.push(r),
  });
  return { runs, noRetrain, outcome };
}

describe('the sweep plan', () => {
  it('has one shared unmasked run per seed and one run per method × threshold × seed otherwise', () => {
    const config = { ...tiny, methods: [...tiny.methods, { id: 'random' as const, params: {} }] };
    const plan = planRuns(config);
    expect(plan).toHaveLength(2 * (1 + 2 * 2));
    expect(new Set(plan.map((r) => r.key)).size).toBe(plan.length);
    expect(plan.filter((r) => r.method === UNMASKED).map((r) => r.seed)).toEqual([11, 12]);
    // Seed by seed: the first seed's runs all come before the second's.
    expect(plan.slice(0, 5).every((r) => r.seed === 11)).toBe(true);
    const kar = planRuns({ ...config, mask: { ...config.mask, mode: 'kar' }, thresholds: [0, 0.5, 1] });
    expect(kar.filter((r) => r.method === UNMASKED).map((r) => r.threshold)).toEqual([1, 1]);
    expect(kar).toHaveLength(2 * (2 + 2 + 1));
  });

  it('validates configurations and the presets are valid', () => {
    for (const id of ['lecture', 'standard', 'paper'] as const) expect(sweepConfigErrors(presetConfig(id))).toEqual([]);
    const errors = sweepConfigErrors({ ...tiny, thresholds: [0.5, 0.1, 2], seeds: 0, methods: [{ id: 'integratedGradients', params: { steps: 0 } }] });
    expect(errors.join('\n')).toMatch(/^Thresholds: 1 to 101 percentages from 0 to 100, comma-separated, increasing\.$/m);
    expect(errors.join('\n')).toMatch(/increasing; found a repeat or a decrease\./);
    expect(errors.join('\n')).toMatch(/Seeds per cell: a whole number from 1 to 20/);
    expect(errors.join('\n')).toMatch(/steps must be an integer from 1/);
  });
});

describe('a tiny sweep on real MNIST (wasm)', () => {
  it('fills every cell, adds the random baseline, summarises correctly, and keeps tf.memory flat', async () => {
    const before = tf.memory().numTensors;
    const cache = new SweepCache();
    const { runs, noRetrain, outcome } = await collect(tiny, { cache });
    const plan = planRuns({ ...tiny, methods: [...tiny.methods, { id: 'random', params: {} }] });
    expect(outcome).toEqual({ cancelled: false, runsDone: plan.length });
    expect(runs.map((r) => r.key).sort()).toEqual(plan.map((r) => r.key).sort());
    for (const r of runs) {
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.precision).toHaveLength(10);
    }
    // No-retrain: the unmasked point once, then each method at each masking threshold.
    expect(noRetrain).toHaveLength(1 + 2 * 2);
    const summary = summariseSweep({ config: tiny, runs, noRetrain, bases: [] });
    expect(summary.map((m) => m.key)).toEqual(['gradient', 'random']);
    const g90 = summary[0].cells.find((c) => c.threshold === 0.9)!;
    const acc = runs.filter((r) => r.method === 'gradient' && r.threshold === 0.9).map((r) => r.accuracy);
    expect(g90.mean).toBeCloseTo(mean(acc), 12);
    expect(g90.std).toBeCloseTo(std(acc), 12);
    expect(g90.vsRandom).not.toBeNull();
    // Threshold 0 is the shared unmasked run, for every method.
    expect(summary[0].cells[0].accuracies).toEqual(summary[1].cells[0].accuracies);
    expect(summary[1].verdict).toBe('baseline');
    cache.clear();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancel keeps finished runs, and resuming skips them and gives the same numbers', async () => {
    const cache = new SweepCache();
    const full = await collect(tiny, { cache });
    const controller = new AbortController();
    const first = await collect(tiny, {
      cache,
      signal: controller.signal,
      onRun: () => {
        if (full.runs.length > 0) controller.abort();
      },
    });
    expect(first.outcome.cancelled).toBe(true);
    expect(first.runs).toHaveLength(1);
    const resumed = await collect(tiny, { cache, completed: new Set(first.runs.map((r) => r.key)) });
    expect(resumed.outcome.cancelled).toBe(false);
    expect(resumed.runs).toHaveLength(full.runs.length - 1);
    expect(resumed.runs.map((r) => r.key)).not.toContain(first.runs[0].key);
    const byKey = new Map(full.runs.map((r) => [r.key, r.accuracy]));
    for (const r of [...first.runs, ...resumed.runs]) expect(r.accuracy).toBe(byKey.get(r.key));
    cache.clear();
  });

  it('runs KAR: keeping 90 % of the pixels scores better than keeping 10 %', async () => {
    const kar: SweepConfig = { ...tiny, seeds: 1, thresholds: [0.1, 0.9], noRetrain: true, mask: { ...tiny.mask, mode: 'kar' } };
    const { runs, noRetrain } = await collect(kar);
    expect(runs).toHaveLength(2 * 2);
    const at = (t: number) => noRetrain.filter((r) => r.method === 'gradient' && r.threshold === t)[0].accuracy;
    expect(at(0.9)).toBeGreaterThan(at(0.1));
  });

  it('over its rankings budget, ranks and retrains a method at a time (random first), drops each wave’s orders, and gives the same numbers', async () => {
    const cache = new SweepCache();
    const whole = await collect(tiny);
    const waves = await collect(tiny, { cache, rankingsBudget: 1 });
    const byKey = (rs: { key?: string; method: string; threshold: number; accuracy: number }[]) =>
      Object.fromEntries(rs.map((r) => [r.key ?? `${r.method}|${r.threshold}`, r.accuracy]));
    expect(byKey(waves.runs)).toEqual(byKey(whole.runs));
    expect(byKey(waves.noRetrain)).toEqual(byKey(whole.noRetrain));
    expect(waves.runs.map((r) => r.method).filter((m) => m !== UNMASKED)[0]).toBe('random');
    // Every random run lands before the first gradient run: the waves run one after the other.
    const lastRandom = waves.runs.map((r) => r.method).lastIndexOf('random');
    expect(waves.runs.findIndex((r) => r.method === 'gradient')).toBeGreaterThan(lastRandom);
    expect(cache.rankingKeys()).toEqual([]);
    cache.clear();
  });

  it('trains one base model per base seed, each with its own maps, its own runs and the mask-only twins', async () => {
    const config: SweepConfig = { ...tiny, seeds: 1, thresholds: [0, 0.9], baseSeeds: 2, maskOnly: true, base: { ...tiny.base, epochs: 1, trainSize: 1500 } };
    const cache = new SweepCache();
    const exec = new InProcessExecutor(mnist, 'wasm', cache);
    // The orders each base model's maps give the first test images, method by method, in the order ranked.
    const orders: Uint16Array[] = [];
    const rank = exec.rank.bind(exec);
    exec.rank = async (task, progress) => {
      const o = await rank(task, progress);
      if (task.split === 'test') orders.push(o.slice(0, 784 * 20));
      return o;
    };
    const bases: BaseResult[] = [];
    const { runs, noRetrain } = await collect(config, { cache, executor: exec, onBase: (b) => void bases.push(b) });
    expect(bases.map((b) => b.seed)).toEqual([1, 2]);
    expect(bases.every((b) => b.health !== null && b.health.lossCurve.length > 0)).toBe(true);
    // Each base model has maps of its own: gradient's from its weights, random's from its own map seed, so the
    // random baseline's runs on the second base model are new runs, not repeats of the first's.
    const [g1, r1, g2, r2] = orders;
    expect(g1).not.toEqual(g2);
    expect(r1).not.toEqual(r2);
    const random = runs.filter((r) => r.method === 'random');
    // (Tiny runs can tie on accuracy; their loss curves, trained on other images, cannot.)
    const curvesOn = (b: number) => random.filter((r) => r.baseSeed === b).map((r) => r.health?.lossCurve);
    expect(curvesOn(1)).not.toEqual(curvesOn(2));
    expect(runs.filter((r) => r.kind === 'retrain' && r.method !== UNMASKED).map((r) => r.baseSeed).sort()).toEqual([1, 1, 2, 2]);
    expect(runs.filter((r) => r.kind === 'maskOnly').map((r) => `${r.method}|${r.baseSeed}`).sort()).toEqual(['gradient|1', 'gradient|2', 'random|1', 'random|2']);
    expect(runs.filter((r) => r.method === UNMASKED).map((r) => r.baseSeed)).toEqual([null]);
    expect(runs.every((r) => r.health !== null && r.epochs === 1)).toBe(true);
    expect(noRetrain.map((r) => r.baseSeed).sort()).toEqual([1, 1, 1, 2, 2, 2]);
    // A random mask's shape carries no class: its mask-only model is no better than guessing.
    const maskOnlyRandom = runs.filter((r) => r.kind === 'maskOnly' && r.method === 'random');
    for (const r of maskOnlyRandom) expect(r.accuracy).toBeLessThan(0.25);
    cache.clear();
  });
});
