/**
 * A sweep executor over several task hosts, one per core: tfjs's own WASM threads gained at most ~5 % on two
 * cores (platform-notes §3), while independent workers each training their own runs scale with the cores.
 * Tasks go to whichever host is free; the base model and the rankings are sent to every host once, the
 * rankings in shared memory where the platform allows it. The hosts are comlink proxies (taskHost.ts).
 */
import * as Comlink from 'comlink';
import type { TrainConfig } from '../defaults';
import type { EvaluateTask, RankTask, RetrainTask, SweepExecutor, TaskProgress, TrainedBase } from '../sweep/executor';
import type { RetrainOutcome } from '../sweep/retrainRun';
import type { Rankings } from '../sweep/sweepCache';
import type { Evaluation } from '../training/evaluate';
import type { TaskHost } from './taskHost';

/** A started host, as the coordinator holds it. */
export type RemoteHost = Comlink.Remote<TaskHost<unknown[]>>;

/** SharedArrayBuffer exists in Node and in cross-origin-isolated pages; elsewhere rankings are copied. */
const canShare = (): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && (typeof crossOriginIsolated === 'undefined' || crossOriginIsolated);

export class PoolExecutor implements SweepExecutor {
  readonly parallelism: number;
  private readonly free: number[];
  private readonly waiting: ((host: number) => void)[] = [];

  constructor(private readonly hosts: RemoteHost[]) {
    this.parallelism = hosts.length;
    this.free = hosts.map((_, i) => i);
  }

  private async acquire(): Promise<number> {
    const host = this.free.shift();
    if (host !== undefined) return host;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(host: number): void {
    const next = this.waiting.shift();
    if (next) next(host);
    else this.free.push(host);
  }

  /** Runs a task on the first free host. */
  private async onAny<T>(task: (host: RemoteHost) => Promise<T>): Promise<T> {
    const host = await this.acquire();
    try {
      return await task(this.hosts[host]);
    } finally {
      this.release(host);
    }
  }

  private async onAll(task: (host: RemoteHost) => Promise<void>): Promise<void> {
    await Promise.all(this.hosts.map(task));
  }

  allocOrders(length: number): Uint16Array {
    return canShare() ? new Uint16Array(new SharedArrayBuffer(length * 2)) : new Uint16Array(length);
  }

  trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase> {
    return this.onAny((h) => h.trainBase(key, cfg, Comlink.proxy(progress)));
  }

  setBase(key: string, weights: Float32Array[]): Promise<void> {
    return this.onAll((h) => h.setBase(key, weights));
  }

  rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array> {
    return this.onAny((h) => h.rank(task, Comlink.proxy(progress)));
  }

  setRankings(key: string, rankings: Rankings): Promise<void> {
    return this.onAll((h) => h.setRankings(key, rankings));
  }

  dropRankings(key: string): Promise<void> {
    return this.onAll((h) => h.dropRankings(key));
  }

  evaluateBase(task: EvaluateTask): Promise<Evaluation> {
    return this.onAny((h) => h.evaluateBase(task));
  }

  /** Each worker trains one run at a time: on a CPU, K models in one graph cost K runs' work (BENCHMARKS.md). */
  readonly modelsPerStep = 1;

  async retrainTogether(tasks: RetrainTask[], progress: TaskProgress): Promise<RetrainOutcome[]> {
    if (tasks.length !== 1) throw new RangeError(`${tasks.length} runs given; each worker trains one at a time.`);
    return [await this.retrain(tasks[0], progress)];
  }

  retrain(task: RetrainTask, progress: TaskProgress): Promise<RetrainOutcome> {
    return this.onAny((h) => h.retrain(task, Comlink.proxy(progress)));
  }

  pause(): void {
    this.hosts.forEach((h) => void h.pause());
  }

  resume(): void {
    this.hosts.forEach((h) => void h.resume());
  }

  abort(): void {
    this.hosts.forEach((h) => void h.abort());
  }
}
