/**
 * The worker side of a sweep pool: one in-process executor (its own tfjs, its own copy of the data, the
 * shared rankings) behind comlink. The request/response bookkeeping, progress callbacks and error passing
 * are comlink's; what stays here is what a host does with each call.
 */
import * as Comlink from 'comlink';
import type { SweepExecutor, TaskProgress } from '../sweep/executor';
import type { InProcessExecutor } from '../sweep/inProcessExecutor';

/** What a coordinator may ask of a host: an executor's tasks, after `init` with whatever the host needs to start. */
export type TaskHost<InitArgs extends unknown[]> = Pick<
  SweepExecutor,
  'trainBase' | 'setBase' | 'rank' | 'setRankings' | 'dropRankings' | 'evaluateBase' | 'retrain' | 'pause' | 'resume' | 'abort'
> & {
  /** Starts the host's backend and loads its data; resolves to a line describing the backend. */
  init(...args: InitArgs): Promise<string>;
};

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
