/** The "K models as one graph" bench in Node (WASM). */
import type { BackendName } from '../src/engine/defaults';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';
import { batchedThroughput, type BatchedRow } from './batchedThroughput';

export async function batchedNode(backend: BackendName, samples: number, ks: readonly number[]): Promise<{ backend: string; rows: BatchedRow[] }> {
  const info = await initNodeBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start: ${info.notice}`);
  const rows = await batchedThroughput(loadMnistNode().train, ks, () => samples, (l) => console.log(`Node ${info.details}: ${l}`));
  return { backend: info.details, rows };
}
