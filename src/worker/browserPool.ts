/**
 * One sweep worker per core (at most 4, each holds its own copy of the dataset and its own WASM heap) for the
 * CPU backends. GPU backends keep the sweep in the lab worker: several workers would only queue on the one GPU.
 */
import * as Comlink from 'comlink';
import type { DatasetId } from '../engine/data/datasets';
import type { BackendName } from '../engine/defaults';
import { PoolExecutor, type RemoteHost } from '../engine/parallel/poolExecutor';
import type { TaskHost } from '../engine/parallel/taskHost';
import type { BrowserHostInit } from './sweepHostWorker';

export const MAX_SWEEP_WORKERS = 4;

export interface BrowserPool {
  executor: PoolExecutor;
  details: string;
  /** Stops the workers. */
  close(): void;
}

export function poolSize(backend: BackendName): number {
  if (backend !== 'wasm' && backend !== 'cpu') return 1;
  return Math.max(1, Math.min(MAX_SWEEP_WORKERS, navigator.hardwareConcurrency || 1));
}

export async function startBrowserPool(n: number, backend: BackendName, dataBaseUrl: string, dataset: DatasetId): Promise<BrowserPool> {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./sweepHostWorker.ts', import.meta.url), { type: 'module', name: 'roar-sweep' }));
  try {
    const hosts = workers.map((w) => Comlink.wrap<TaskHost<BrowserHostInit>>(w));
    // A worker whose script fails to load never answers: its error event says so.
    const failed = workers.map((w) => new Promise<never>((_, reject) => w.addEventListener('error', (ev) => reject(new Error(ev.message || 'a sweep worker failed to start')), { once: true })));
    const details = await Promise.all(hosts.map((h, i) => Promise.race([h.init(backend, dataBaseUrl, dataset), failed[i]])));
    return { executor: new PoolExecutor(hosts as unknown as RemoteHost[]), details: `${n} workers × ${details[0]}`, close: () => workers.forEach((w) => w.terminate()) };
  } catch (e) {
    workers.forEach((w) => w.terminate());
    throw e;
  }
}
