/**
 * Backend set-up for Node (CLI, benchmarks): WASM first, the CPU backend as the fallback; WebGPU through Dawn
 * (nodeWebgpu.ts) when asked for, falling back to those with the reason said.
 */
import '@tensorflow/tfjs-backend-wasm';
import { initBackend, type BackendInfo } from '../engine/backend/backend';
import { NODE_BACKEND_ORDER, type BackendName } from '../engine/defaults';
import { webgpuAdapterName } from '../engine/backend/webgpuDevice';
import { nodeGpu, nodeGpuProblem } from './nodeWebgpu';

export async function initNodeBackend(forced?: BackendName | null): Promise<BackendInfo> {
  if (forced !== 'webgpu') return initBackend(NODE_BACKEND_ORDER, forced ?? null);
  const problem = await nodeGpuProblem();
  // Imported only once navigator.gpu exists: the backend registers itself only then.
  if (!problem && (await nodeGpu())) await import('@tensorflow/tfjs-backend-webgpu');
  const info = await initBackend(['webgpu', ...NODE_BACKEND_ORDER], 'webgpu');
  if (info.name === 'webgpu') return { ...info, details: `WebGPU (Dawn in Node) on ${webgpuAdapterName() ?? 'an unknown adapter'}` };
  return { ...info, notice: `WebGPU is not available here (${problem ?? 'its backend did not start'}), so the lab uses ${info.name} instead.` };
}

