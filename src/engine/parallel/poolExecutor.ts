/**
 * A sweep executor over several task hosts, one per core: tfjs's own WASM threads gained at most ~5 % on two
 * cores (platform-notes §3), while independent workers each training their own runs scale with the cores.
 * Tasks go to whichever host is free; the base model and the rankings are sent to every host once, the
 * rankings in shared memory where the platform allows it.
 */
import type { TrainConfig } from '../defaults';
import type { EvaluateTask, RankTask, RetrainTask, SweepExecutor, TaskProgress, TrainedBase } from '../sweep/executor';
import type { RetrainOutcome } from '../sweep/retrainRun';
import type { Rankings } from '../sweep/sweepCache';
import type { Evaluation } from '../training/evaluate';
import type { Endpoint, HostEvent, HostTask } from './poolProtocol';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: TaskProgress;
}

/** SharedArrayBuffer exists in Node and in cross-origin-isolated pages; elsewhere rankings are copied. */
const canShare = (): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && (typeof crossOriginIsolated === 'undefined' || crossOriginIsolated);

export class PoolExecutor implements SweepExecutor {
  readonly parallelism: number;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly free: number[];
  private readonly waiting: ((host: number) => void)[] = [];

  constructor(private readonly hosts: Endpoint[]) {
    this.parallelism = hosts.length;
    this.free = hosts.map((_, i) => i);
    hosts.forEach((h) =>
      h.onMessage((raw) => {
        const msg = raw as HostEvent;
        if (msg.type !== 'progress' && msg.type !== 'result' && msg.type !== 'error') return;
        const p = this.pending.get(msg.id);
        if (!p) return;
        if (msg.type === 'progress') void p.progress?.(msg.done, msg.samplesPerSec);
        else {
          this.pending.delete(msg.id);
          if (msg.type === 'result') p.resolve(msg.value);
          else p.reject(Object.assign(new Error(msg.message), { name: msg.name }));
        }
      }),
    );
  }

  private send<T>(host: number, task: HostTask, progress?: TaskProgress, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.hosts[host].post({ type: 'task', id, task }, transfer);
    });
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
  private async onAny<T>(task: HostTask, progress?: TaskProgress): Promise<T> {
    const host = await this.acquire();
    try {
      return await this.send<T>(host, task, progress);
    } finally {
      this.release(host);
    }
  }

  private async onAll(task: HostTask): Promise<void> {
    await Promise.all(this.hosts.map((_, i) => this.send(i, task)));
  }

  allocOrders(length: number): Uint16Array {
    return canShare() ? new Uint16Array(new SharedArrayBuffer(length * 2)) : new Uint16Array(length);
  }

  trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase> {
    return this.onAny({ op: 'trainBase', key, cfg }, progress);
  }

  setBase(key: string, weights: Float32Array[]): Promise<void> {
    return this.onAll({ op: 'setBase', key, weights });
  }

  rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array> {
    return this.onAny({ op: 'rank', task }, progress);
  }

  setRankings(key: string, rankings: Rankings): Promise<void> {
    return this.onAll({ op: 'setRankings', key, rankings });
  }

  dropRankings(key: string): Promise<void> {
    return this.onAll({ op: 'dropRankings', key });
  }

  evaluateBase(task: EvaluateTask): Promise<Evaluation> {
    return this.onAny({ op: 'evaluateBase', task });
  }

  /** Each worker trains one run at a time: on a CPU, K models in one graph cost K runs' work (BENCHMARKS.md). */
  readonly modelsPerStep = 1;

  async retrainTogether(tasks: RetrainTask[], progress: TaskProgress): Promise<RetrainOutcome[]> {
    if (tasks.length !== 1) throw new RangeError(`${tasks.length} runs given; each worker trains one at a time.`);
    return [await this.retrain(tasks[0], progress)];
  }

  retrain(task: RetrainTask, progress: TaskProgress): Promise<RetrainOutcome> {
    return this.onAny({ op: 'retrain', task }, progress);
  }

  pause(): void {
    this.hosts.forEach((h) => h.post({ type: 'pause' }));
  }

  resume(): void {
    this.hosts.forEach((h) => h.post({ type: 'resume' }));
  }

  abort(): void {
    this.hosts.forEach((h) => h.post({ type: 'abort' }));
  }
}
