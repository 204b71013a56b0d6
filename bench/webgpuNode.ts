/**
 * The fused WebGPU kernels against tfjs-backend-webgpu, side by side in one process on one device (issue 13):
 * samples/s summed over K models trained at once, for each K, and what that makes of a Paper sweep's
 * training, then the Paper preset's maps on either engine. `npx tsx bench/webgpuNode.ts [K,K,…]` prints JSON;
 * `npm run bench -- webgpu` writes BENCHMARKS.md. On a software adapter (SwiftShader) the runs are short and tfjs
 * stops at K = 4: it trains at a few dozen samples/s there, and the figures are for the ratio, not for any GPU.
 */
import { head, type Mnist } from '../src/engine/data/mnist';
import { DEFAULT_MASK, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, REFERENCE_TRAIN, type TrainConfig } from '../src/engine/defaults';
import { computeMaps, type ComputeMapsHooks } from '../src/engine/attribution/computeMaps';
import { getMethod } from '../src/engine/attribution/registry';
import { createCnn, disposeCnn, readWeights } from '../src/engine/model/cnn';
import { train } from '../src/engine/training/train';
import { webgpuAdapterName, webgpuDevice } from '../src/engine/backend/webgpuDevice';
import { FusedCnn, maxModels, uploadSplit } from '../src/engine/gpu/fusedCnn';
import { fusedGradients } from '../src/engine/gpu/fusedGradients';
import { trainFused } from '../src/engine/gpu/fusedTrain';
import { planRuns } from '../src/engine/sweep/sweepPlan';
import { presetConfig, withRandomBaseline, type SweepConfig } from '../src/engine/sweep/sweepConfig';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';
import { batchedThroughput } from './batchedThroughput';

export interface WebgpuRow {
  models: number;
  samplesPerModel: number;
  /** Summed samples/s; null where not measured. */
  fused: number;
  tfjs: number | null;
  /** Models per dispatch, when K is more than one set of buffers holds. */
  groups: number;
}

/** Maps of one method, fused kernels against tfjs's, in rows (one forward and backward to the input) per second. */
export interface MapsRow {
  method: string;
  images: number;
  rowsPerImage: number;
  fusedRowsPerSec: number;
  tfjsRowsPerSec: number;
}

export interface WebgpuBench {
  adapter: string;
  software: boolean;
  bindingMiB: number;
  workgroupKiB: number;
  rows: WebgpuRow[];
  /** Training samples of a Paper sweep (base models and every retrain). */
  paperSamples: number;
  maps: MapsRow[];
  /** Rows a Paper sweep's maps take on the fused kernels (its methods built from input gradients). */
  paperMapRows: number;
}

/** The Paper preset's methods that the fused kernels map (the rest, sobel and random, cost no model passes). */
const paperGradientMethods = (paper: SweepConfig) => paper.methods.filter((m) => getMethod(m.id).fromGradients);

/**
 * Each such method's maps of `images(rows per image)` test images with a briefly trained model, once through
 * the fused kernels' input gradients and once through tfjs-backend-webgpu, after a warm-up of each.
 */
async function mapsBench(device: GPUDevice, mnist: Mnist, paper: SweepConfig, images: (rowsPerImage: number) => number): Promise<MapsRow[]> {
  const cfg: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 256 };
  const tfModel = createCnn(1);
  await train(tfModel, head(mnist.train, cfg.trainSize), cfg);
  const { gradients, destroy } = await fusedGradients(device, await readWeights(tfModel));
  const out: MapsRow[] = [];
  try {
    for (const spec of paperGradientMethods(paper)) {
      const method = getMethod(spec.id);
      const v = method.validate(spec.params);
      if ('error' in v) throw new Error(v.error);
      const rowsPerImage = method.rowsPerImage(v.params);
      const n = images(rowsPerImage);
      const time = async (hooks: ComputeMapsHooks): Promise<number> => {
        await computeMaps(tfModel, mnist.test, 1, method, v.params, 'label', 1, hooks);
        const t0 = performance.now();
        await computeMaps(tfModel, mnist.test, n, method, v.params, 'label', 1, hooks);
        return (n * rowsPerImage) / ((performance.now() - t0) / 1000);
      };
      out.push({ method: spec.id, images: n, rowsPerImage, fusedRowsPerSec: await time({ gradients }), tfjsRowsPerSec: await time({}) });
    }
  } finally {
    destroy();
    disposeCnn(tfModel);
  }
  return out;
}

const BATCH = REFERENCE_TRAIN.batchSize;

/** K models on the fused kernels, in as few groups as the device's binding limit allows; summed samples/s. */
async function fused(device: GPUDevice, mnist: Mnist, k: number, n: number): Promise<{ rate: number; groups: number }> {
  const per = Math.min(k, maxModels(device, BATCH));
  const split = uploadSplit(device, head(mnist.train, n));
  let seconds = 0;
  let groups = 0;
  try {
    for (let from = 0; from < k; from += per) {
      const size = Math.min(per, k - from);
      const model = await FusedCnn.create(device, size, BATCH);
      const runs = (count: number) => Array.from({ length: size }, (_, m) => ({ cfg: { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: count, seed: from + m + 1 } as TrainConfig, mask: { kind: 'plain' as const, threshold: 0, mask: DEFAULT_MASK } }));
      await trainFused(model, split, null, runs(BATCH));
      const out = await trainFused(model, split, null, runs(n));
      seconds += out.elapsedMs / 1000;
      groups++;
      model.destroy();
    }
  } finally {
    split.destroy();
  }
  return { rate: (k * n) / seconds, groups };
}

export async function webgpuBench(ks: readonly number[], log: (line: string) => void = () => {}): Promise<WebgpuBench> {
  const backend = await initNodeBackend('webgpu');
  if (backend.name !== 'webgpu') throw new Error(backend.notice ?? 'WebGPU did not start.');
  const device = webgpuDevice()!;
  const adapter = webgpuAdapterName() ?? 'unknown adapter';
  const software = /swiftshader|llvmpipe|lavapipe/i.test(adapter);
  log(`WebGPU (Dawn in Node) on ${adapter}${software ? ' — a software adapter' : ''}`);
  const mnist = loadMnistNode();
  const rows: WebgpuRow[] = [];
  for (const k of ks) {
    const n = software ? (k <= 4 ? 2 * BATCH : BATCH) : 6400;
    const f = await fused(device, mnist, k, n);
    // tfjs's graph of K models gains nothing past 16 on an H100 (BENCHMARKS.md, issue 6) and would take minutes.
    const tfjs = k > (software ? 4 : 16) ? null : (await batchedThroughput(mnist.train, [k], () => n))[0].aggregate;
    rows.push({ models: k, samplesPerModel: n, fused: f.rate, tfjs, groups: f.groups });
    log(`K = ${k}: fused ${Math.round(f.rate)} samples/s${f.groups > 1 ? ` (${f.groups} groups)` : ''}, tfjs ${tfjs === null ? '—' : Math.round(tfjs)}`);
  }
  const paper = withRandomBaseline(presetConfig('paper'));
  const paperSamples = planRuns(paper).length * paper.retrain.trainSize * paper.retrain.epochs + paper.baseSeeds * paper.base.trainSize * paper.base.epochs;
  // On SwiftShader a few hundred rows per method; on a GPU enough to fill it for a second or more.
  const maps = await mapsBench(device, mnist, paper, (rowsPerImage) => Math.max(1, Math.round((software ? 256 : 16384) / rowsPerImage)));
  for (const m of maps) log(`maps ${m.method}: fused ${Math.round(m.fusedRowsPerSec)} rows/s, tfjs ${Math.round(m.tfjsRowsPerSec)} rows/s`);
  const rowsPerImage = paperGradientMethods(paper).reduce((sum, m) => sum + getMethod(m.id).rowsPerImage((getMethod(m.id).validate(m.params) as { params: unknown }).params), 0);
  const paperMapRows = rowsPerImage * (MNIST_TRAIN_COUNT + MNIST_TEST_COUNT) * paper.baseSeeds;
  return {
    adapter,
    software,
    bindingMiB: device.limits.maxStorageBufferBindingSize / 2 ** 20,
    workgroupKiB: device.limits.maxComputeWorkgroupStorageSize / 1024,
    rows,
    paperSamples,
    maps,
    paperMapRows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ks = (process.argv[2] ?? '1,4,16,64,256').split(',').map(Number);
  webgpuBench(ks, (l) => console.error(l))
    .then((r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
