/** Starts `n` worker threads serving sweep tasks and wraps them as one executor. */
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { DatasetId } from '../engine/data/datasets';
import type { BackendName } from '../engine/defaults';
import { PoolExecutor, type RemoteHost } from '../engine/parallel/poolExecutor';
import type { TaskHost } from '../engine/parallel/taskHost';
import type { NodeHostInit } from './sweepHost';

export interface NodePool {
  executor: PoolExecutor;
  details: string;
  close: () => Promise<void>;
}

export async function startNodePool(n: number, backend: BackendName | null, dataset: DatasetId = 'mnist'): Promise<NodePool> {
  // The host is TypeScript: each thread registers tsx's loader first, as the CLI itself runs under tsx.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./sweepHost.ts', import.meta.url).href)}); })`;
  const workers = Array.from({ length: n }, () => new Worker(boot, { eval: true }));
  const close = async () => void (await Promise.all(workers.map((w) => w.terminate())));
  try {
    const hosts = workers.map((w) => Comlink.wrap<TaskHost<NodeHostInit>>(nodeEndpoint(w)));
    // A thread that dies while starting (a loader error) never answers: its error event says why.
    const failed = workers.map((w) => new Promise<never>((_, reject) => w.once('error', reject)));
    const details = await Promise.all(hosts.map((h, i) => Promise.race([h.init(backend, dataset), failed[i]])));
    return { executor: new PoolExecutor(hosts as unknown as RemoteHost[]), details: `${n} worker threads × ${details[0]}`, close };
  } catch (e) {
    await close();
    throw e;
  }
}
