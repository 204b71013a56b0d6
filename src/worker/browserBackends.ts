/**
 * Registers every backend the browser build can use and points the WASM backend at its binaries. Bundlers
 * do not emit the .wasm files by themselves, and without setWasmPaths `setBackend('wasm')` silently
 * resolves false (platform-notes §4); Vite's `?url` imports emit them and give their hashed URLs.
 */
import '@tensorflow/tfjs-backend-webgpu';
import { env } from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initBackend, type BackendInfo } from '../engine/backend/backend';
import { BROWSER_BACKEND_ORDER, type BackendName } from '../engine/defaults';
import { softwareGpuReason } from './softwareGpu';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

// The threaded WASM build re-creates its factory from `Function.toString()` inside Blob workers, which
// breaks once the factory is bundled and minified ("e is not defined" in the pthread worker). On two cores
// its threads gained at most ~5 % (platform-notes §3), so the lab uses the single-threaded SIMD build and
// gets its parallelism from several workers instead.
env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

export function initBrowserBackend(forced: BackendName | null): Promise<BackendInfo> {
  return initBackend(BROWSER_BACKEND_ORDER, forced, softwareGpuReason);
}
