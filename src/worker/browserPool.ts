/**
 * One sweep worker per core (at most 4, each holds its own copy of MNIST and its own WASM heap) for the
 * CPU backends. GPU backends keep the sweep in the lab worker: several workers would only queue on the one GPU.
 */
import type { BackendName } from '../engine/defaults';
import { PoolExecutor } from '../engine/parallel/poolExecutor';
import type { Endpoint, HostEvent } from '../engine/parallel/poolProtocol';
import type { HostInit } from './sweepHostWorker';

export const MAX_SWEEP_WORKERS = 4;

export interface BrowserPool {
  executor: PoolExecutor;
  details: string;
}

export function poolSize(backend: BackendName): number {
  if (backend !== 'wasm' && backend !== 'cpu') return 1;
  return Math.max(1, Math.min(MAX_SWEEP_WORKERS, navigator.hardwareConcurrency || 1));
}

export async function startBrowserPool(n: number, backend: BackendName, dataBaseUrl: string): Promise<BrowserPool> {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./sweepHostWorker.ts', import.meta.url), { type: 'module', name: 'roar-sweep' }));
  try {
    const details = await Promise.all(
      workers.map(
        (w) =>
          new Promise<string>((resolve, reject) => {
            w.onmessage = (ev: MessageEvent<HostEvent>) => {
              if (ev.data.type === 'ready') resolve(ev.data.details);
              else if (ev.data.type === 'initError') reject(new Error(ev.data.message));
            };
            w.onerror = (ev) => reject(new Error(ev.message || 'a sweep worker failed to start'));
            w.postMessage({ type: 'init', backend, dataBaseUrl } satisfies HostInit);
          }),
      ),
    );
    const endpoints: Endpoint[] = workers.map((w) => {
      w.onmessage = null;
      return {
        post: (m, transfer) => w.postMessage(m, { transfer: transfer ?? [] }),
        onMessage: (fn) => w.addEventListener('message', (ev: MessageEvent) => fn(ev.data)),
      };
    });
    return { executor: new PoolExecutor(endpoints), details: `${n} workers × ${details[0]}` };
  } catch (e) {
    workers.forEach((w) => w.terminate());
    throw e;
  }
}
