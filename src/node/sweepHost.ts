/** A Node worker thread serving sweep tasks (`roar sweep --workers N`): WASM backend, the sweep's dataset from disk. */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { DatasetId } from '../engine/data/datasets';
import type { BackendName } from '../engine/defaults';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import { serveTasks } from '../engine/parallel/taskHost';
import { loadMnistNode } from './loadMnist';
import { initNodeBackend } from './nodeBackend';

export type NodeHostInit = [backend: BackendName | null, dataset: DatasetId];

serveTasks<NodeHostInit>(nodeEndpoint(parentPort!), async (backend, dataset) => {
  const info = await initNodeBackend(backend);
  return { exec: new InProcessExecutor(loadMnistNode(dataset), info.name, undefined, () => new Promise((r) => setImmediate(r))), details: info.details };
});
