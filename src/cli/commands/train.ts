/**
 * `roar train`: trains the reference CNN in Node and prints test accuracy and throughput. On WebGPU the fused
 * kernels (engine/gpu) train by default, `--engine tfjs` the tfjs graph; `--models K` trains K seeds at once
 * (seed, seed + 1, …) and reports their summed samples/s (issue 13).
 */
import * as tf from '@tensorflow/tfjs';
import { REFERENCE_TRAIN, type BackendName, type TrainConfig } from '../../engine/defaults';
import { DATASETS, DEFAULT_DATASET, type DatasetId } from '../../engine/data/datasets';
import { head, type MnistSplit } from '../../engine/data/mnist';
import { SWEEP_FIELDS } from '../../engine/sweep/sweepConfig';
import { webgpuDevice } from '../../engine/backend/webgpuDevice';
import { maxModels } from '../../engine/gpu/fusedCnn';
import { trainAndScoreFused } from '../../engine/gpu/fusedTrain';
import { cnnFromWeights, createCnn, disposeCnn, initialWeights, readWeights } from '../../engine/model/cnn';
import { ENGINE_VERSION } from '../../engine/sweep/results';
import { saveBase } from '../../node/savedBase';
import { batchedFromWeights, disposeBatched } from '../../engine/model/batchedCnn';
import { trainBatched } from '../../engine/training/batchedTrain';
import { train, type TrainHooks, type TrainOutcome } from '../../engine/training/train';
import { evaluate, type Evaluation } from '../../engine/training/evaluate';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { fieldFlag, parseFlags, UsageError, type FlagSpec } from '../args';
import { applyTrainFlags, trainFlagSpecs, trainFlagsUsage } from '../trainFlags';

const MAX_MODELS = 1024;

const FLAGS: Record<string, FlagSpec> = {
  dataset: fieldFlag(SWEEP_FIELDS.dataset),
  ...trainFlagSpecs(),
  backend: { kind: 'string', choices: ['wasm', 'cpu', 'webgpu'] },
  engine: { kind: 'string', choices: ['fused', 'tfjs'] },
  models: { kind: 'string' },
  json: { kind: 'boolean' },
  save: { kind: 'string' },
};

export const trainUsage = `roar train [--dataset mnist|fashion] ${trainFlagsUsage()} [--backend wasm|cpu|webgpu] [--engine fused|tfjs] [--models K] [--save DIR] [--json]
  --save DIR: keep the model (model.json with its settings and hash, weights.bin) for roar sweep --base DIR.
  Defaults: the reference setting of seed 000 (lr ${REFERENCE_TRAIN.learningRate}, momentum ${REFERENCE_TRAIN.momentum}, batch ${REFERENCE_TRAIN.batchSize}, ${REFERENCE_TRAIN.epochs} epochs, all 60,000 training images).
  --engine: on WebGPU, the fused kernels (the default) or the tfjs graph; elsewhere only tfjs.
  --models: K models trained at once, seeds seed … seed + K − 1 (1 to ${MAX_MODELS}); samples/s is summed over them.`;

type Engine = 'fused' | 'tfjs';

interface Trained {
  outcome: TrainOutcome;
  evaluations: Evaluation[];
  /** Per model, in PARAM_SPECS order. */
  weights: Float32Array[][];
}

/** K seeds on the tfjs engine: one model, or K as one batched graph. */
async function trainTfjs(trainSet: MnistSplit, testSet: MnistSplit, cfgs: TrainConfig[], hooks: Omit<TrainHooks, 'fill'>): Promise<Trained> {
  if (cfgs.length === 1) {
    const model = createCnn(cfgs[0].seed);
    try {
      const outcome = await train(model, trainSet, cfgs[0], hooks);
      return { outcome, evaluations: [await evaluate(model, testSet)], weights: [await readWeights(model)] };
    } finally {
      disposeCnn(model);
    }
  }
  const model = batchedFromWeights(cfgs.map((c) => initialWeights(c.seed)));
  let out;
  try {
    out = await trainBatched(model, trainSet, cfgs.map((cfg) => ({ cfg, fill: () => {} })), hooks);
  } finally {
    disposeBatched(model);
  }
  const evaluations: Evaluation[] = [];
  for (const w of out.weights) {
    const single = cnnFromWeights(w);
    evaluations.push(await evaluate(single, testSet));
    disposeCnn(single);
  }
  return { outcome: out, evaluations, weights: out.weights };
}

async function trainOnFused(device: GPUDevice, trainSet: MnistSplit, testSet: MnistSplit, cfgs: TrainConfig[], hooks: Omit<TrainHooks, 'fill'>): Promise<Trained> {
  const limit = maxModels(device, cfgs[0].batchSize);
  if (cfgs.length > limit) throw new UsageError(`--models ${cfgs.length}: at batch ${cfgs[0].batchSize} this adapter holds at most ${limit} models at once (${Math.round(device.limits.maxStorageBufferBindingSize / 2 ** 20)} MiB per storage binding)`);
  const { onEpochEnd, ...rest } = hooks;
  const { outcome, evaluations } = await trainAndScoreFused(device, trainSet, testSet, cfgs, { ...rest, onEpochScore: onEpochEnd });
  return { outcome, evaluations, weights: outcome.weights };
}

export async function trainCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  const cfg: TrainConfig = applyTrainFlags(REFERENCE_TRAIN, f);
  const dataset = (f.dataset as DatasetId | undefined) ?? DEFAULT_DATASET;
  const json = f.json === true;
  const modelsText = f.models as string | undefined;
  const models = modelsText === undefined ? 1 : Number(modelsText);
  if (!Number.isInteger(models) || models < 1 || models > MAX_MODELS) throw new UsageError(`--models ${JSON.stringify(modelsText)}: models trained at once, a whole number from 1 to ${MAX_MODELS}`);
  const asked = f.engine as Engine | undefined;
  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  const log = (s: string): void => void process.stderr.write(s);
  if (backend.notice) log(`${backend.notice}\n`);
  const device = webgpuDevice();
  if (asked === 'fused' && !device) log(`The fused engine runs on WebGPU only; training on the tfjs engine (${backend.details}).\n`);
  const engine: Engine = device && asked !== 'tfjs' ? 'fused' : 'tfjs';
  const mnist = loadMnistNode(dataset);
  const trainSet = head(mnist.train, cfg.trainSize);
  const testSet = head(mnist.test, cfg.testSize);
  const cfgs = Array.from({ length: models }, (_, m) => ({ ...cfg, seed: cfg.seed + m }));
  const hooks: Omit<TrainHooks, 'fill'> = {
    reportEvery: 50,
    onProgress: (p) => {
      if (!json) log(`\repoch ${p.epoch + 1}/${cfg.epochs}  batch ${p.batch}/${p.batchesPerEpoch}  loss ${p.loss.toFixed(4)}  ${Math.round(p.samplesPerSec)} samples/s   `);
    },
    onEpochEnd: () => {
      if (!json) log('\n');
    },
  };
  const saveDir = typeof f.save === 'string' ? f.save : null;
  if (saveDir && models !== 1) throw new UsageError('--save keeps one base model: leave out --models');
  const { outcome, evaluations, weights } = engine === 'fused' ? await trainOnFused(device!, trainSet, testSet, cfgs, hooks) : await trainTfjs(trainSet, testSet, cfgs, hooks);
  const details = `${backend.details}, ${engine === 'fused' ? 'fused kernels' : 'tfjs engine'}`;
  const result = {
    command: 'train',
    dataset,
    config: cfg,
    backend: backend.name,
    backendDetails: details,
    engine,
    models,
    testAccuracy: evaluations[0].accuracy,
    testCount: evaluations[0].count,
    precision: evaluations[0].precision,
    perModel: evaluations.map((e, m) => ({ seed: cfgs[m].seed, testAccuracy: e.accuracy })),
    samplesPerSec: outcome.samplesPerSec,
    trainSeconds: outcome.elapsedMs / 1000,
    numTensors: tf.memory().numTensors,
  };
  if (saveDir) {
    const hash = saveBase(saveDir, { dataset, backend: backend.name, engineVersion: ENGINE_VERSION, config: cfg, testAccuracy: evaluations[0].accuracy, lossCurve: outcome.lossCurves[0] }, weights[0]);
    log(`saved the base model to ${saveDir} (sha256 ${hash.slice(0, 12)}…); roar sweep --base ${saveDir} uses it where its base settings are these\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const acc = models === 1 ? `${(evaluations[0].accuracy * 100).toFixed(2)} %` : `${evaluations.map((e) => (e.accuracy * 100).toFixed(1)).join(', ')} % (seeds ${cfg.seed}–${cfg.seed + models - 1})`;
    process.stdout.write(`test accuracy ${acc} on ${evaluations[0].count} ${DATASETS[dataset].label} test images; ${Math.round(outcome.samplesPerSec)} samples/s${models > 1 ? ' summed' : ''} on ${details}; ${(outcome.elapsedMs / 1000).toFixed(1)} s training\n`);
  }
  return 0;
}
