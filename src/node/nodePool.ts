/** Starts `n` worker threads serving sweep tasks and wraps them as one executor. */
import { Worker } from 'node:worker_threads';
import type { BackendName } from '../engine/defaults';
import { PoolExecutor } from '../engine/parallel/poolExecutor';
import type { Endpoint, HostEvent } from '../engine/parallel/poolProtocol';

export interface NodePool {
  executor: PoolExecutor;
  details: string;
  close: () => Promise<void>;
}

export async function startNodePool(n: number, backend: BackendName | null): Promise<NodePool> {
  // The host is TypeScript: each thread registers tsx's loader first, as the CLI itself runs under tsx.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./sweepHost.ts', import.meta.url).href)}); })`;
  const workers = Array.from({ length: n }, () => new Worker(boot, { eval: true, workerData: { backend } }));
  try {
    const ready = await Promise.all(
      workers.map(
        (w) =>
          new Promise<string>((resolve, reject) => {
            const onMessage = (m: HostEvent) => {
              if (m.type === 'ready') resolve(m.details);
              if (m.type === 'initError') reject(new Error(m.message));
              if (m.type === 'ready' || m.type === 'initError') w.off('message', onMessage);
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    );
    const endpoints: Endpoint[] = workers.map((w) => ({
      post: (m, transfer) => w.postMessage(m, (transfer ?? []) as never),
      onMessage: (fn) => w.on('message', fn),
    }));
    return { executor: new PoolExecutor(endpoints), details: `${n} worker threads × ${ready[0]}`, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}
