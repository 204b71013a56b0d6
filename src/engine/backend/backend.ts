/**
 * Choosing and initialising a TensorFlow.js backend. Works the same in a worker, a page or Node: the caller
 * passes the preference order and an optional forced choice; an unavailable choice is reported, not fatal.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../defaults';
import { registerConv2dBackpropFilter } from './conv2dBackpropFilter';
import { registerConv2dBackpropInput } from './conv2dBackpropInput';
import { registerBatchMatMulTransposed } from './batchMatMulTransposed';
import { registerMaxPoolGrad } from './maxPoolGrad';
import { registerDepthwiseBackpropFilter } from './depthwiseBackpropFilter';
import { registerDepthwiseBackpropInput } from './depthwiseBackpropInput';

export interface BackendInfo {
  name: BackendName;
  /** Why the backend in use is not the first choice, if it is not. */
  notice: string | null;
  /** Extra facts recorded with results (WASM threads/SIMD, WebGPU adapter). */
  details: string;
}

/** tf.setBackend resolves false, rather than throwing, when a backend fails to start (platform-notes §4). */
async function tryBackend(name: BackendName): Promise<boolean> {
  if (tf.findBackendFactory(name) === null) return false;
  try {
    const ok = await tf.setBackend(name);
    if (!ok || tf.getBackend() !== name) return false;
    await tf.ready();
    // A one-op self test: some drivers initialise yet fail on first use.
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
    const value = (await probe.data())[0];
    probe.dispose();
    return value === 3;
  } catch {
    return false;
  }
}

function describe(name: BackendName): string {
  const env = tf.env();
  if (name === 'wasm') {
    const simd = env.getBool('WASM_HAS_SIMD_SUPPORT');
    const threads = env.getBool('WASM_HAS_MULTITHREAD_SUPPORT');
    return `WASM${simd ? ' SIMD' : ''}${threads ? ' threaded' : ' single-threaded'}`;
  }
  return name;
}

/**
 * Initialises the first working backend: `forced` if given and available, else the first of `order`.
 * Registers the lab's convolution gradients on wasm and cpu so that training works (and is fast) there.
 */
export async function initBackend(
  order: readonly BackendName[],
  forced?: BackendName | null,
  /** Says why a backend should be passed over when not forced (e.g. a software-emulated GPU), or null. */
  passOver: (name: BackendName) => Promise<string | null> = async () => null,
): Promise<BackendInfo> {
  let notice: string | null = null;
  const candidates = forced ? [forced, ...order.filter((b) => b !== forced)] : [...order];
  const failed: BackendName[] = [];
  const skipped: string[] = [];
  for (const name of candidates) {
    if (name !== forced) {
      const reason = await passOver(name);
      if (reason) {
        skipped.push(reason);
        continue;
      }
    }
    if (await tryBackend(name)) {
      if (name === 'wasm' || name === 'cpu') {
        registerConv2dBackpropFilter(name);
        registerConv2dBackpropInput(name);
        registerMaxPoolGrad(name);
      }
      if (name === 'wasm') {
        registerBatchMatMulTransposed(name);
        registerDepthwiseBackpropFilter(name);
        registerDepthwiseBackpropInput(name);
      }
      if (forced && name !== forced) {
        notice = `The ${forced} backend is not available here, so the lab uses ${name} instead.`;
      } else if (!forced && failed.length > 0) {
        notice = `${failed.join(', ')} ${failed.length > 1 ? 'are' : 'is'} not available here; using ${name}.`;
      }
      if (skipped.length > 0) notice = [notice, ...skipped].filter(Boolean).join(' ');
      return { name, notice, details: describe(name) };
    }
    failed.push(name);
  }
  throw new Error(`No TensorFlow.js backend could start (tried ${candidates.join(', ')}).`);
}
