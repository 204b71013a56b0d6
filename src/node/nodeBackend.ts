/** Backend set-up for Node (CLI, benchmarks): WASM first, the CPU backend as the fallback. */
import '@tensorflow/tfjs-backend-wasm';
import { initBackend, type BackendInfo } from '../engine/backend/backend';
import { NODE_BACKEND_ORDER, type BackendName } from '../engine/defaults';

export function initNodeBackend(forced?: BackendName | null): Promise<BackendInfo> {
  return initBackend(NODE_BACKEND_ORDER, forced ?? null);
}
