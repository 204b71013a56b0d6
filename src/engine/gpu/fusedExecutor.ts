/**
 * A sweep's tasks on the fused WebGPU kernels (issue 13): the base model and every retrain are trained by
 * fusedCnn.ts — K runs of one method's orders per dispatch — and every map built from input gradients comes
 * from its input gradients, on the GPUDevice tfjs-backend-webgpu made, so the other maps (tfjs kernels on the
 * same device) and the runs share one device. What the kernels do not cover (noisy linear imputation, Grad-CAM,
 * FullGrad, Sobel, random) runs on the tfjs engine, as InProcessExecutor runs it.
 */
import { head, type Mnist, type MnistSplit } from '../data/mnist';
import { DEFAULT_MASK, PIXELS, type BackendName, type TrainConfig } from '../defaults';
import { getMethod } from '../attribution/registry';
import { cnnFromWeights, readWeights } from '../model/cnn';
import { InProcessExecutor } from '../sweep/inProcessExecutor';
import { sweepCancelled, type RankTask, type RetrainTask, type TaskProgress, type TrainedBase } from '../sweep/executor';
import type { RetrainOutcome } from '../sweep/retrainRun';
import { SweepCache } from '../sweep/sweepCache';
import { summarise } from '../training/evaluate';
import { FusedCnn, fusedCanMask, maxModels, uploadOrders, uploadSplit, type GpuOrders, type GpuSplit, type ModelMask } from './fusedCnn';
import { fusedGradients } from './fusedGradients';
import { trainFused, type FusedRun } from './fusedTrain';

/** What a sweep's provenance adds about the fused executor's maps (the methods that need more run on tfjs). */
export const FUSED_MAPS_NOTE = 'maps built from input gradients on the fused kernels';

export class FusedExecutor extends InProcessExecutor {
  /** The splits on the GPU, by size: a sweep trains and tests on fixed sizes, so there are one or two of each. */
  private readonly splits = new Map<string, GpuSplit>();
  /** One method's orders at a time (the train set's alone can be 94 MB): the wave's current rankings. */
  private onGpu: { key: string; train: GpuOrders; test: GpuOrders } | null = null;

  constructor(
    mnist: Mnist,
    private readonly device: GPUDevice,
    backend: BackendName,
    cache = new SweepCache(),
    yieldToEvents: () => Promise<void> = async () => {},
    modelsPerStep = 16,
  ) {
    super(mnist, backend, cache, yieldToEvents, modelsPerStep);
  }

  private split(which: 'train' | 'test', count: number): { cpu: MnistSplit; gpu: GpuSplit } {
    const cpu = head(which === 'train' ? this.mnist.train : this.mnist.test, count);
    const key = `${which}:${cpu.count}`;
    let gpu = this.splits.get(key);
    if (!gpu) {
      gpu = uploadSplit(this.device, cpu);
      this.splits.set(key, gpu);
    }
    return { cpu, gpu };
  }

  private gpuOrders(key: string, trainCount: number, testCount: number): { train: GpuOrders; test: GpuOrders } {
    if (this.onGpu?.key === key) return this.onGpu;
    const r = this.cache.getRankings(key);
    if (!r) throw new Error(`Rankings ${key} are not loaded.`);
    this.dropGpuOrders();
    this.onGpu = { key, train: uploadOrders(this.device, r.train.subarray(0, trainCount * PIXELS)), test: uploadOrders(this.device, r.test.subarray(0, testCount * PIXELS)) };
    return this.onGpu;
  }

  private dropGpuOrders(): void {
    this.onGpu?.train.destroy();
    this.onGpu?.test.destroy();
    this.onGpu = null;
  }

  override async dropRankings(key: string): Promise<void> {
    if (this.onGpu?.key === key) this.dropGpuOrders();
    await super.dropRankings(key);
  }

  /**
   * The orders of every method whose maps are built from input gradients (gradient, ×-input, IG, guided
   * backprop, the noise tunnels, the loss gradients) from the fused kernels' input gradients, through the
   * same slicing, targets and ranking as the tfjs executor; the other methods' maps on tfjs.
   */
  override async rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array> {
    const base = this.cache.currentBase();
    if (!getMethod(task.method.id).fromGradients || !base) return super.rank(task, progress);
    const fused = await fusedGradients(this.device, await readWeights(base));
    try {
      return await this.rankWith(task, progress, fused.gradients);
    } finally {
      fused.destroy();
    }
  }

  /** Trains `runs` together on the fused kernels; the models' weights as they finished. */
  private async trainRuns(runs: FusedRun[], trainSet: GpuSplit, orders: GpuOrders | null, progress: TaskProgress) {
    const model = await FusedCnn.create(this.device, runs.length, runs[0].cfg.batchSize);
    try {
      const out = await trainFused(model, trainSet, orders, runs, {
        signal: this.signal,
        onProgress: async (p) => {
          await progress(p.samplesSeen, p.samplesPerSec);
          await this.checkpoint();
        },
      });
      if (out.stopped) throw sweepCancelled();
      return { out, model };
    } catch (e) {
      model.destroy();
      throw e;
    }
  }

  override async trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase> {
    const cached = this.cache.baseModel(key);
    if (cached) return { weights: await readWeights(cached), lossCurve: this.cache.baseLossCurve() };
    const { gpu } = this.split('train', cfg.trainSize);
    const { out, model } = await this.trainRuns([{ cfg, mask: { kind: 'plain', threshold: 0, mask: DEFAULT_MASK } }], gpu, null, progress);
    model.destroy();
    const weights = out.weights[0];
    // The maps run on tfjs's kernels, on the same device.
    this.cache.setBaseModel(key, cnnFromWeights(weights), out.lossCurves[0]);
    return { weights, lossCurve: out.lossCurves[0] };
  }

  override async retrain(task: RetrainTask, progress: TaskProgress): Promise<RetrainOutcome> {
    return (await this.retrainTogether([task], progress))[0];
  }

  override async retrainTogether(tasks: RetrainTask[], progress: TaskProgress): Promise<RetrainOutcome[]> {
    if (tasks.length > this.modelsPerStep) throw new RangeError(`${tasks.length} runs given; this executor trains at most ${this.modelsPerStep} together.`);
    const outcomes = new Array<RetrainOutcome>(tasks.length);
    const rest: number[] = [];
    // Runs that share a method's orders go through the kernels together (one orders binding per dispatch).
    const byOrders = new Map<string, number[]>();
    tasks.forEach((t, i) => {
      if (!fusedCanMask(maskOf(t))) rest.push(i);
      else byOrders.set(t.rankings ?? '', [...(byOrders.get(t.rankings ?? '') ?? []), i]);
    });
    const limit = maxModels(this.device, tasks[0].train.batchSize);
    const chunks: number[][] = [];
    for (const all of byOrders.values()) for (let from = 0; from < all.length; from += limit) chunks.push(all.slice(from, from + limit));
    // Progress as the runSweep loop counts it, samples per run: each chunk (and each run left to tfjs) is an equal share.
    const perRun = tasks[0].train.trainSize * tasks[0].train.epochs;
    const shares = chunks.length + rest.length;
    let done = 0;
    const share: TaskProgress = (seen, rate) => progress((done * perRun + seen) / shares, rate);
    for (const idx of chunks) {
      const first = tasks[idx[0]];
      const trainSet = this.split('train', first.train.trainSize);
      const testSet = this.split('test', first.testSize);
      const orders = first.rankings === null ? null : this.gpuOrders(first.rankings, trainSet.cpu.count, testSet.cpu.count);
      const runs = idx.map((i) => ({ cfg: tasks[i].train, mask: maskOf(tasks[i]) }));
      const { out, model } = await this.trainRuns(runs, trainSet.gpu, orders?.train ?? null, share);
      try {
        const predicted = await model.predict(testSet.gpu, orders?.test ?? null);
        idx.forEach((i, m) => {
          outcomes[i] = {
            evaluation: summarise(testSet.cpu.labels, predicted[m]),
            samplesPerSec: out.samplesPerSec / idx.length,
            seconds: out.elapsedMs / 1000,
            lossCurve: out.lossCurves[m],
            epochsTrained: out.epochsTrained[m],
          };
        });
      } finally {
        model.destroy();
      }
      done++;
    }
    for (const i of rest) {
      outcomes[i] = await super.retrain(tasks[i], share);
      done++;
    }
    return outcomes;
  }

  /** The GPU's copies of the data and orders (the tfjs engine's tensors are freed by their owners). */
  freeGpu(): void {
    this.dropGpuOrders();
    for (const s of this.splits.values()) s.destroy();
    this.splits.clear();
  }
}

const maskOf = (t: RetrainTask): ModelMask => ({ kind: t.rankings === null ? 'plain' : t.kind, threshold: t.threshold, mask: t.mask });
