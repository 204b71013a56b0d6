/** Unit tests run the engine in Node on the WASM backend (DEVELOPERS.md): the CPU backend is ~100× slower. */
import '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../engine/backend/backend';

let ready: Promise<unknown> | null = null;

export function useWasmBackend(): Promise<unknown> {
  ready ??= initBackend(['wasm']).then((info) => {
    if (info.name !== 'wasm') throw new Error(`unit tests need the wasm backend, got ${info.name}`);
    return info;
  });
  return ready;
}
