/**
 * The worker side of a sweep pool: one in-process executor (its own tfjs, its own copy of the data, the
 * shared rankings) behind comlink. The request/response bookkeeping, progress callbacks and error passing
 * are comlink's; what stays here is what a host does with each call.
 */
import * as Comlink from 'comlink';
import type { TrainConfig } from '../defaults';
import type { EvaluateTask, RankTask, RetrainTask, TaskProgress, TrainedBase } from '../sweep/executor';
import type { InProcessExecutor } from '../sweep/inProcessExecutor';
import type { RetrainOutcome } from '../sweep/retrainRun';
import type { Rankings } from '../sweep/sweepCache';
import type { Evaluation } from '../training/evaluate';

/** What a coordinator may ask of a host; `init` first, with whatever the host needs to start (its backend, its data). */
export interface TaskHost<InitArgs extends unknown[]> {
  /** Starts the host's backend and loads its data; resolves to a line describing the backend. */
  init(...args: InitArgs): Promise<string>;
  trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase>;
  setBase(key: string, weights: Float32Array[]): Promise<void>;
  rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array>;
  setRankings(key: string, rankings: Rankings): Promise<void>;
  dropRankings(key: string): Promise<void>;
  evaluateBase(task: EvaluateTask): Promise<Evaluation>;
  retrain(task: RetrainTask, progress: TaskProgress): Promise<RetrainOutcome>;
  pause(): void;
  resume(): void;
  abort(): void;
}

/** The sweep's own errors keep their name across the channel (an AbortError must stay one). */
async function passing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const err = e instanceof Error || e instanceof DOMException ? e : new Error(String(e));
    throw Object.assign(new Error(err.message), { name: err.name });
  }
}

/** A progress callback from the coordinator, let go once its task is done so its channel can close. */
async function withProgress<T>(progress: TaskProgress, work: (p: TaskProgress) => Promise<T>): Promise<T> {
  try {
    return await passing(() => work(progress));
  } finally {
    (progress as Partial<Comlink.Remote<TaskProgress>>)[Comlink.releaseProxy]?.();
  }
}

/** Serves sweep tasks on `endpoint` once `start` has made the executor. */
export function serveTasks<InitArgs extends unknown[]>(
  endpoint: Comlink.Endpoint,
  start: (...args: InitArgs) => Promise<{ exec: InProcessExecutor; details: string }>,
): void {
  let started: InProcessExecutor | null = null;
  const exec = (): InProcessExecutor => {
    if (!started) throw new Error('The sweep host was asked for work before it started.');
    return started;
  };
  const host: TaskHost<InitArgs> = {
    init: (...args) =>
      passing(async () => {
        const { exec, details } = await start(...args);
        started = exec;
        return details;
      }),
    trainBase: (key, cfg, progress) => withProgress(progress, (p) => exec().trainBase(key, cfg, p)),
    setBase: (key, weights) => passing(() => exec().setBase(key, weights)),
    rank: (task, progress) =>
      withProgress(progress, async (p) => {
        const orders = await exec().rank(task, p);
        return Comlink.transfer(orders, [orders.buffer]);
      }),
    setRankings: (key, rankings) => passing(() => exec().setRankings(key, rankings)),
    dropRankings: (key) => passing(() => exec().dropRankings(key)),
    evaluateBase: (task) => passing(() => exec().evaluateBase(task)),
    retrain: (task, progress) => withProgress(progress, (p) => exec().retrain(task, p)),
    pause: () => exec().pause(),
    resume: () => exec().resume(),
    abort: () => exec().abort(),
  };
  Comlink.expose(host, endpoint);
}
