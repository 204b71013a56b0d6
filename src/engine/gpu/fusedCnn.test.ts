/**
 * The fused WebGPU kernels against the tfjs engine (issue 13): the same seeds, data and masks give the same
 * weights after training (to 1e-4 of each tensor's scale) and the same predictions, for one model and for
 * several with different masks. In Node on Dawn; without a GPU, on Chromium's SwiftShader (platform-notes §7).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { head, type Mnist, type MnistSplit } from '../data/mnist';
import { computeMaps } from '../attribution/computeMaps';
import { getMethod, type MethodId } from '../attribution/registry';
import type { InputGradients } from '../attribution/types';
import { DEFAULT_MASK, PIXELS, REFERENCE_TRAIN, type MaskConfig, type TrainConfig } from '../defaults';
import { createCnn, cnnFromWeights, disposeCnn, readWeights, PARAM_SPECS } from '../model/cnn';
import { train } from '../training/train';
import { evaluateMasked, maskedFill } from '../sweep/retrainRun';
import { FusedCnn, uploadOrders, uploadSplit, type ModelMask } from './fusedCnn';
import { trainFused } from './fusedTrain';
import { FusedExecutor } from './fusedExecutor';
import { InProcessExecutor } from '../sweep/inProcessExecutor';
import { SweepCache } from '../sweep/sweepCache';
import type { RetrainTask } from '../sweep/executor';
import { loadMnistNode } from '../../node/loadMnist';
import { nodeGpuDevice } from '../../node/nodeWebgpu';
import { useWasmBackend } from '../../testing/wasmBackend';
import { randomOrder } from '../../testing/randomOrder';
import { maxRelativeGap } from '../../testing/relativeGap';

let device: GPUDevice;
let mnist: Mnist;
let trainSet: MnistSplit;
let testSet: MnistSplit;

beforeAll(async () => {
  await useWasmBackend();
  const d = await nodeGpuDevice();
  if ('error' in d) throw new Error(`These tests need a WebGPU adapter: ${d.error}.`);
  device = d.device;
  mnist = loadMnistNode();
  trainSet = head(mnist.train, 384);
  testSet = head(mnist.test, 300);
});

/** Each parameter tensor's largest difference, as a fraction of its largest value. */
function relativeGaps(a: Float32Array[], b: Float32Array[]): Record<string, number> {
  return Object.fromEntries(PARAM_SPECS.map((spec, i) => [spec.name, maxRelativeGap(a[i], b[i])]));
}

const ordersFor = (split: MnistSplit, seed: number): Uint16Array => {
  const all = new Uint16Array(split.count * PIXELS);
  for (let i = 0; i < split.count; i++) randomOrder(i, seed, all.subarray(i * PIXELS, (i + 1) * PIXELS));
  return all;
};

/** The tfjs engine's run, as retrainRun trains it. */
async function tfjsRun(cfg: TrainConfig, orders: Uint16Array | null, m: ModelMask): Promise<Float32Array[]> {
  const model = createCnn(cfg.seed);
  try {
    const kind = m.kind === 'plain' ? 'retrain' : m.kind;
    await train(model, trainSet, cfg, { fill: maskedFill(trainSet, m.kind === 'plain' ? null : orders, kind, m.threshold, m.mask, cfg.seed) });
    return await readWeights(model);
  } finally {
    disposeCnn(model);
  }
}

const cfgOf = (over: Partial<TrainConfig>): TrainConfig => ({ ...REFERENCE_TRAIN, learningRate: 0.01, batchSize: 32, epochs: 1, trainSize: 384, testSize: 300, ...over });

describe('the fused WebGPU kernels', () => {
  it('train one plain model to the tfjs engine’s weights (SGD with momentum, 12 steps)', async () => {
    const cfg = cfgOf({ seed: 5 });
    const plain: ModelMask = { kind: 'plain', threshold: 0, mask: DEFAULT_MASK };
    const expected = await tfjsRun(cfg, null, plain);
    const model = await FusedCnn.create(device, 1, cfg.batchSize);
    const split = uploadSplit(device, trainSet);
    try {
      const out = await trainFused(model, split, null, [{ cfg, mask: plain }]);
      const gaps = relativeGaps(out.weights[0], expected);
      for (const [name, gap] of Object.entries(gaps)) expect(gap, name).toBeLessThan(1e-4);
      // The run moved its weights: matching a model that did not train would prove nothing.
      expect(relativeGaps(out.weights[0], createCnnWeights(cfg.seed))['fc1/kernel']).toBeGreaterThan(1e-3);
      expect(out.lossCurves[0].length).toBeGreaterThan(0);
    } finally {
      model.destroy();
      split.destroy();
    }
  });

  it('train three models at once, each with its own seed and mask (ROAR mean, KAR image mean, mask only), to the tfjs engine’s weights, with Adam and a warm-up', async () => {
    const orders = ordersFor(trainSet, 3);
    const kar: MaskConfig = { ...DEFAULT_MASK, mode: 'kar', replacement: 'imageMean' };
    const runs = [
      { cfg: cfgOf({ seed: 11, optimizer: 'adam', learningRate: 0.002, warmupSteps: 5 }), mask: { kind: 'retrain', threshold: 0.5, mask: DEFAULT_MASK } },
      { cfg: cfgOf({ seed: 12, optimizer: 'adam', learningRate: 0.002, warmupSteps: 5 }), mask: { kind: 'retrain', threshold: 0.3, mask: kar } },
      { cfg: cfgOf({ seed: 13, optimizer: 'adam', learningRate: 0.002, warmupSteps: 5 }), mask: { kind: 'maskOnly', threshold: 0.9, mask: DEFAULT_MASK } },
    ] as const;
    const expected: Float32Array[][] = [];
    for (const r of runs) expected.push(await tfjsRun(r.cfg, orders, r.mask));
    const model = await FusedCnn.create(device, 3, 32);
    const split = uploadSplit(device, trainSet);
    const gpuOrders = uploadOrders(device, orders);
    try {
      const out = await trainFused(model, split, gpuOrders, runs);
      out.weights.forEach((w, m) => {
        for (const [name, gap] of Object.entries(relativeGaps(w, expected[m]))) expect(gap, `model ${m}: ${name}`).toBeLessThan(1e-4);
      });
    } finally {
      model.destroy();
      split.destroy();
      gpuOrders.destroy();
    }
  });

  it('predict what the tfjs engine predicts on masked test images', async () => {
    const orders = ordersFor(testSet, 4);
    const cfg = cfgOf({ seed: 21 });
    const weights = await tfjsRun(cfg, null, { kind: 'plain', threshold: 0, mask: DEFAULT_MASK });
    const masks: ModelMask[] = [
      { kind: 'plain', threshold: 0, mask: DEFAULT_MASK },
      { kind: 'retrain', threshold: 0.5, mask: { ...DEFAULT_MASK, replacement: 'black' } },
      { kind: 'maskOnly', threshold: 0.7, mask: { ...DEFAULT_MASK, mode: 'kar' } },
    ];
    const model = await FusedCnn.create(device, masks.length, 64);
    const split = uploadSplit(device, testSet);
    const gpuOrders = uploadOrders(device, orders);
    const tfModel = cnnFromWeights(weights);
    try {
      model.setWeights(masks.map(() => weights));
      model.setMasks(masks);
      const predicted = await model.predict(split, gpuOrders);
      for (const [m, mask] of masks.entries()) {
        const ev = await evaluateMasked(tfModel, testSet, mask.kind === 'plain' ? null : orders, mask.threshold, mask.mask, 0, mask.kind === 'plain' ? 'retrain' : mask.kind);
        let correct = 0;
        for (let i = 0; i < testSet.count; i++) if (predicted[m][i] === testSet.labels[i]) correct++;
        expect(correct / testSet.count, `model ${m}`).toBeCloseTo(ev.accuracy, 2);
      }
    } finally {
      disposeCnn(tfModel);
      model.destroy();
      split.destroy();
      gpuOrders.destroy();
    }
  });
});

describe('maps on the fused kernels', () => {
  // Every method built from input gradients, some with other parameters; steps and samples kept small for SwiftShader.
  const cases: [MethodId, Record<string, unknown>][] = [
    ['gradient', {}],
    ['guidedBackprop', {}],
    ['inputXGradient', {}],
    ['integratedGradients', { steps: 8 }],
    ['integratedGradients', { steps: 4, baseline: 'mean' }],
    ['smoothGrad', { samples: 4 }],
    ['smoothGradSquared', { samples: 3, base: 'guidedBackprop' }],
    ['varGrad', { samples: 2, base: 'integratedGradients', baseParams: { steps: 4 } }],
    ['lossGradient', {}],
    ['lossGradientAbs', {}],
    ['lossGradientXInput', {}],
  ];

  it('equal the tfjs methods’ maps to 1e-4: the gradient family, input × gradient, IG, the noise tunnels and the loss gradients', async () => {
    const cfg = cfgOf({ seed: 31 });
    const weights = await tfjsRun(cfg, null, { kind: 'plain', threshold: 0, mask: DEFAULT_MASK });
    const images = head(testSet, 12);
    // 16 rows per pass, so that every method's rows span several passes and a partial last one.
    const model = await FusedCnn.create(device, 1, 16);
    const tfModel = cnnFromWeights(weights);
    const onGpu = vi.spyOn(model, 'inputGradients');
    try {
      model.setWeights([weights]);
      const gradients: InputGradients = (inputs, targets, score) => model.inputGradients(inputs, targets, score);
      for (const [id, raw] of cases) {
        const method = getMethod(id);
        const v = method.validate(raw);
        if ('error' in v) throw new Error(v.error);
        const label = `${id} ${JSON.stringify(raw)}`;
        const want = await computeMaps(tfModel, images, images.count, method, v.params, 'predicted', 9);
        const calls = onGpu.mock.calls.length;
        const got = await computeMaps(tfModel, images, images.count, method, v.params, 'predicted', 9, { gradients });
        expect(onGpu.mock.calls.length, label).toBeGreaterThan(calls);
        expect(want.some((x) => x !== 0), label).toBe(true);
        expect(maxRelativeGap(got, want), label).toBeLessThan(1e-4);
      }
    } finally {
      onGpu.mockRestore();
      disposeCnn(tfModel);
      model.destroy();
    }
  });
});

describe('the fused executor', () => {
  it('ranks pixels by the methods built from input gradients as the tfjs executor does', async () => {
    const weights = await tfjsRun(cfgOf({ seed: 41 }), null, { kind: 'plain', threshold: 0, mask: DEFAULT_MASK });
    const fused = new FusedExecutor(mnist, device, 'wasm');
    const tfjs = new InProcessExecutor(mnist, 'wasm');
    await fused.setBase('b', weights);
    await tfjs.setBase('b', weights);
    const half = 392;
    // The maps must come from the fused kernels, not from a fallback to tfjs that would match trivially.
    const onGpu = vi.spyOn(FusedCnn.prototype, 'inputGradients');
    const methods = [
      ['gradient', {}, 'abs', 'label'],
      ['guidedBackprop', {}, 'abs', 'label'],
      ['lossGradient', {}, 'signed', 'label'],
      ['integratedGradients', { steps: 8 }, 'abs', 'predicted'],
      ['smoothGradSquared', { samples: 3 }, 'signed', 'label'],
    ] as const;
    for (const [id, params, rankTransform, target] of methods) {
      const task = { method: { id, params }, split: 'test' as const, from: 5, count: 30, target, mapSeed: 0, mask: { ...DEFAULT_MASK, rankTransform } };
      const got = await fused.rank(task, () => {});
      const want = await tfjs.rank(task, () => {});
      // Maps agree to 1e-4, so only near-equal values may swap: the top halves (the pixels a 50 % ROAR removes) agree.
      let same = 0;
      for (let i = 0; i < task.count; i++) {
        const top = new Set(want.subarray(i * PIXELS, i * PIXELS + half));
        for (const p of got.subarray(i * PIXELS, i * PIXELS + half)) if (top.has(p)) same++;
      }
      expect(same / (task.count * half), id).toBeGreaterThan(0.995);
    }
    expect(onGpu).toHaveBeenCalledTimes(methods.length);
    onGpu.mockRestore();
    fused.freeGpu();
  });

  it('retrains a mixed group as the tfjs executor does: runs sharing orders fused, unmasked runs fused, noisy linear imputation on tfjs', async () => {
    const full = { train: ordersFor(head(mnist.train, 384), 7), test: ordersFor(head(mnist.test, 300), 8) };
    const cfg = cfgOf({});
    const task = (over: Partial<RetrainTask>): RetrainTask => ({ rankings: 'm', kind: 'retrain', threshold: 0.5, mask: DEFAULT_MASK, train: cfg, testSize: 300, testNoiseSeed: 3, ...over });
    const tasks = [
      task({ train: { ...cfg, seed: 1 } }),
      task({ rankings: null, threshold: 0, train: { ...cfg, seed: 2 } }),
      task({ threshold: 0.9, train: { ...cfg, seed: 3 } }),
      task({ threshold: 0.3, mask: { ...DEFAULT_MASK, replacement: 'noisyLinear' }, train: { ...cfg, seed: 4 } }),
    ];
    const withOrders = () => {
      const cache = new SweepCache();
      cache.setRankings('m', full);
      return cache;
    };
    const fusedCache = withOrders();
    const fused = new FusedExecutor(mnist, device, 'wasm', fusedCache, async () => {}, 4);
    const seen: number[] = [];
    const got = await fused.retrainTogether(tasks, (done) => void seen.push(done));
    fused.freeGpu();
    const tfjs = new InProcessExecutor(mnist, 'wasm', withOrders());
    for (const [i, t] of tasks.entries()) {
      const want = await tfjs.retrain(t, () => {});
      expect(got[i].evaluation.accuracy, `run ${i}`).toBeCloseTo(want.evaluation.accuracy, 2);
      expect(got[i].lossCurve.length, `run ${i}`).toBe(want.lossCurve.length);
      got[i].lossCurve.forEach((l, j) => expect(Math.abs(l - want.lossCurve[j]) / want.lossCurve[j], `run ${i}, point ${j}`).toBeLessThan(1e-3));
    }
    // Progress counts samples per run, only upwards, and never past one run's samples.
    expect(seen.length).toBeGreaterThan(0);
    seen.forEach((v, j) => expect(v).toBeGreaterThanOrEqual(seen[j - 1] ?? 0));
    expect(Math.max(...seen)).toBeLessThanOrEqual(cfg.trainSize * cfg.epochs);
  });
});

function createCnnWeights(seed: number): Float32Array[] {
  const m = createCnn(seed);
  const w = m.vars.map((v) => new Float32Array(v.dataSync()));
  disposeCnn(m);
  return w;
}
