/**
 * Runs a sweep's tasks in the calling thread: what each worker of a pool does, and the whole sweep where
 * one thread is all there is (a GPU backend, which parallel workers would only share).
 */
import type { DatasetId } from '../data/datasets';
import { head, type Mnist } from '../data/mnist';
import { MNIST_TRAIN_COUNT, type BackendName, type TrainConfig } from '../defaults';
import { cnnFromWeights, createCnn, readWeights } from '../model/cnn';
import { train } from '../training/train';
import { rankSplit } from './rankMethod';
import type { InputGradients } from '../attribution/types';
import { evaluateMasked, retrainRun } from './retrainRun';
import { retrainTogether } from './retrainTogether';
import { SweepCache } from './sweepCache';
import { sweepCancelled, type EvaluateTask, type RankTask, type RetrainTask, type SweepExecutor, type TaskProgress, type TrainedBase } from './executor';
import type { Evaluation } from '../training/evaluate';

export class InProcessExecutor implements SweepExecutor {
  readonly parallelism = 1;
  private controller = new AbortController();
  private paused: Promise<void> | null = null;
  private release: (() => void) | null = null;

  constructor(
    protected readonly mnist: Mnist,
    readonly backend: BackendName,
    protected readonly cache = new SweepCache(),
    /** Lets queued messages (pause, stop) in; awaited between batches. */
    private readonly yieldToEvents: () => Promise<void> = async () => {},
    /** Runs trained together as one batched model: worth it where kernel launches dominate (a GPU). */
    readonly modelsPerStep = 1,
  ) {
    if (!Number.isInteger(modelsPerStep) || modelsPerStep < 1) throw new RangeError(`modelsPerStep must be a whole number ≥ 1, not ${modelsPerStep}.`);
  }

  /** The dataset this executor trains and ranks on. */
  get dataset(): DatasetId {
    return this.mnist.dataset;
  }

  allocOrders(length: number): Uint16Array {
    return new Uint16Array(length);
  }

  /** Awaited between batches: honours pause and abort. */
  protected async checkpoint(): Promise<void> {
    await this.yieldToEvents();
    if (this.paused) await this.paused;
    this.controller.signal.throwIfAborted();
  }

  protected get signal(): AbortSignal {
    return this.controller.signal;
  }

  async trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase> {
    const cached = this.cache.baseModel(key);
    if (cached) return { weights: await readWeights(cached), lossCurve: this.cache.baseLossCurve() };
    const model = createCnn(cfg.seed);
    const out = await train(model, head(this.mnist.train, cfg.trainSize), cfg, {
      signal: this.signal,
      onProgress: async (p) => {
        await progress(p.samplesSeen, p.samplesPerSec);
        await this.checkpoint();
      },
    });
    if (out.stopped) {
      model.vars.forEach((v) => v.dispose());
      throw sweepCancelled();
    }
    this.cache.setBaseModel(key, model, out.lossCurves[0]);
    return { weights: await readWeights(model), lossCurve: out.lossCurves[0] };
  }

  async setBase(key: string, weights: Float32Array[]): Promise<void> {
    if (!this.cache.baseModel(key)) this.cache.setBaseModel(key, cnnFromWeights(weights));
  }

  private base() {
    const model = this.cache.currentBase();
    if (!model) throw new Error('No base model is loaded.');
    return model;
  }

  rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array> {
    return this.rankWith(task, progress);
  }

  /** The task's orders, the maps built from `gradients` where given (FusedExecutor's kernels). */
  protected async rankWith(task: RankTask, progress: TaskProgress, gradients?: InputGradients): Promise<Uint16Array> {
    const split = task.split === 'train' ? this.mnist.train : this.mnist.test;
    // Test images get dataset-wide indices after the training images, so their tie orders differ.
    const offset = task.split === 'train' ? 0 : MNIST_TRAIN_COUNT;
    return rankSplit(this.base(), split, { first: task.from, count: task.count }, task.method, task.target, task.mapSeed, task.mask, offset, {
      signal: this.signal,
      gradients,
      onProgress: async (p) => {
        await progress(p.done);
        await this.checkpoint();
      },
    });
  }

  async setRankings(key: string, rankings: import('./sweepCache').Rankings): Promise<void> {
    this.cache.setRankings(key, rankings);
  }

  async dropRankings(key: string): Promise<void> {
    this.cache.deleteRankings(key);
  }

  private orders(key: string | null) {
    if (key === null) return null;
    const r = this.cache.getRankings(key);
    if (!r) throw new Error(`Rankings ${key} are not loaded.`);
    return r;
  }

  async evaluateBase(task: EvaluateTask): Promise<Evaluation> {
    const test = head(this.mnist.test, task.testSize);
    const orders = this.orders(task.rankings);
    const ev = await evaluateMasked(this.base(), test, orders ? orders.test.subarray(0, test.count * 784) : null, task.threshold, task.mask, task.testNoiseSeed);
    await this.checkpoint();
    return ev;
  }

  /** The task's data and its orders cut to the sizes it trains and tests on. */
  private inputs(task: RetrainTask) {
    const trainSet = head(this.mnist.train, task.train.trainSize);
    const testSet = head(this.mnist.test, task.testSize);
    const r = this.orders(task.rankings);
    const orders = r ? { train: r.train.subarray(0, trainSet.count * 784), test: r.test.subarray(0, testSet.count * 784) } : null;
    return { trainSet, testSet, orders };
  }

  private hooks(progress: TaskProgress) {
    return {
      signal: this.signal,
      onProgress: async (p: { samplesSeen: number; samplesPerSec: number }) => {
        await progress(p.samplesSeen, p.samplesPerSec);
        await this.checkpoint();
      },
    };
  }

  async retrain(task: RetrainTask, progress: TaskProgress) {
    const { trainSet, testSet, orders } = this.inputs(task);
    return retrainRun(trainSet, testSet, orders, task.kind, task.threshold, task.mask, task.train, task.testNoiseSeed, this.hooks(progress));
  }

  async retrainTogether(tasks: RetrainTask[], progress: TaskProgress) {
    if (tasks.length > this.modelsPerStep) throw new RangeError(`${tasks.length} runs given; this executor trains at most ${this.modelsPerStep} together.`);
    if (tasks.length === 1) return [await this.retrain(tasks[0], progress)];
    const runs = tasks.map((task) => ({ ...task, orders: this.inputs(task).orders, cfg: task.train }));
    const { trainSet, testSet } = this.inputs(tasks[0]);
    return retrainTogether(trainSet, testSet, runs, this.hooks(progress));
  }

  pause(): void {
    this.paused ??= new Promise((r) => (this.release = r));
  }

  resume(): void {
    this.release?.();
    this.paused = null;
    this.release = null;
  }

  abort(): void {
    this.resume();
    this.controller.abort(sweepCancelled());
    // Later tasks (a resumed sweep) start with a fresh signal.
    this.controller = new AbortController();
  }
}
