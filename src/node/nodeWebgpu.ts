/**
 * WebGPU in Node through Dawn (the `webgpu` package), for the CLI, benchmarks and tests. On a machine without
 * a GPU, Chromium's SwiftShader Vulkan driver gives Dawn an adapter (platform-notes §7): its manifest is used
 * when VK_ICD_FILENAMES is not set and Debian's chromium package is installed. DAWN_FLAGS passes Dawn's own
 * options (`enable-dawn-features=…`, `adapter=…`, space-separated) through, for experiments on a GPU machine.
 */
import { existsSync } from 'node:fs';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let gpu: GPU | null | undefined;

/** navigator.gpu for Node, set up once; null when the webgpu package or an adapter is missing. */
export async function nodeGpu(): Promise<GPU | null> {
  if (gpu !== undefined) return gpu;
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  try {
    // A variable, so that bundlers and TypeScript do not resolve the Node-only package.
    const name = 'webgpu';
    const dawn = (await import(name)) as { create: (flags: string[]) => GPU; globals: object };
    Object.assign(globalThis, dawn.globals);
    gpu = dawn.create(process.env.DAWN_FLAGS ? process.env.DAWN_FLAGS.split(' ') : []);
    if (typeof navigator === 'undefined' || !('gpu' in navigator)) Object.defineProperty(globalThis, 'navigator', { value: { ...(globalThis.navigator ?? {}), gpu }, configurable: true });
  } catch {
    gpu = null;
  }
  return gpu;
}

/** Why WebGPU cannot run here (no Dawn, no adapter), or null when an adapter exists. */
export async function nodeGpuProblem(): Promise<string | null> {
  const g = await nodeGpu();
  if (!g) return 'the webgpu package (Dawn for Node) did not load';
  if (await g.requestAdapter()) return null;
  return `WebGPU found no adapter${existsSync(SWIFTSHADER_ICD) ? '' : '; on a machine without a GPU, install Debian’s chromium and libvulkan1 for SwiftShader'}`;
}

/** A device of its own (the tests' and benchmarks' way; the app uses tfjs-backend-webgpu's), or why there is none. */
export async function nodeGpuDevice(): Promise<{ device: GPUDevice; adapter: string } | { error: string }> {
  const problem = await nodeGpuProblem();
  const adapter = problem ? null : await (await nodeGpu())!.requestAdapter();
  if (!adapter) return { error: problem ?? 'WebGPU found no adapter' };
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize, maxBufferSize: limits.maxBufferSize, maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize },
  });
  const info = (adapter as GPUAdapter & { info?: { vendor?: string; architecture?: string; device?: string; description?: string } }).info;
  return { device, adapter: [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' ') || 'unknown adapter' };
}
