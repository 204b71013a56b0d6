/**
 * The GPUDevice tfjs-backend-webgpu made, for the fused kernels (gpu/fusedCnn.ts): one device for maps,
 * tensors and training, in the browser's worker and in Node alike. Null when the webgpu backend is not in use.
 */
import * as tf from '@tensorflow/tfjs';

interface WebGpuBackendLike {
  device: GPUDevice;
  adapterInfo?: { vendor?: string; architecture?: string; description?: string };
}

export function webgpuDevice(): GPUDevice | null {
  return tf.getBackend() === 'webgpu' ? (tf.backend() as unknown as WebGpuBackendLike).device : null;
}

/** "google swiftshader", "nvidia hopper"…: what the badge and provenance name. */
export function webgpuAdapterName(): string | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const info = (tf.backend() as unknown as WebGpuBackendLike).adapterInfo;
  return [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || null;
}
