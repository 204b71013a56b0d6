/**
 * The gradient of a 2×2, stride-2 max-pool from the backend's own Transpose, ArgMax and OneHot kernels.
 *
 * Why: tfjs-backend-wasm's MaxPoolGrad is a plain loop and cost 4 of 21 ms per training step of the lab's
 * CNN. Grouping each window's four values on the last axis turns it into an argmax and a one-hot scatter.
 * Ties go to the first maximum of the window (top-left first), as the CPU backend does — the WASM kernel
 * took the last, which made attribution maps differ between backends (platform-notes §3).
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { overrideKernel, runKernel } from './kernelCall';

const KERNEL = 'MaxPoolGrad';

function isPlainPool2(attrs: Record<string, unknown>, x: TensorInfo): boolean {
  const pair = (v: unknown) => (typeof v === 'number' ? [v, v] : (v as number[]));
  const [fh, fw] = pair(attrs.filterSize);
  const [sh, sw] = pair(attrs.strides);
  const [, h, w] = x.shape;
  return fh === 2 && fw === 2 && sh === 2 && sw === 2 && (attrs.pad === 'valid' || attrs.pad === 0) && h % 2 === 0 && w % 2 === 0;
}

export function registerMaxPoolGrad(backendName: 'wasm' | 'cpu'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    if (!isPlainPool2(attrs, input)) {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only 2×2 pools with stride 2 are supported.`);
    }
    const [b, h, w, c] = input.shape;
    const cells = b * (h / 2) * (w / 2) * c;
    const temps: TensorInfo[] = [];
    const run = (name: string, ins: Record<string, TensorInfo>, at: Record<string, unknown>): TensorInfo => {
      const out = runKernel(name, backendName, ins, at as never, backend);
      temps.push(out);
      return out;
    };
    // [B,H,W,C] → [B,H/2,2,W/2,2,C] → [B,H/2,W/2,C,2,2] → [cells, 4]: one row per pooling window.
    const split = run('Reshape', { x: input }, { shape: [b, h / 2, 2, w / 2, 2, c] });
    const grouped = run('Transpose', { x: split }, { perm: [0, 1, 3, 5, 2, 4] });
    const rows = run('Reshape', { x: grouped }, { shape: [cells, 4] });
    const winner = run('ArgMax', { x: rows }, { axis: [1] });
    // WASM's OneHot writes int32 whatever dtype it is given, so ask for int32 and cast.
    const onehot = run('OneHot', { indices: winner }, { depth: 4, onValue: 1, offValue: 0, dtype: 'int32' });
    const mask = run('Cast', { x: onehot }, { dtype: 'float32' });
    const dyCol = run('Reshape', { x: dy }, { shape: [cells, 1] });
    const routed = run('Multiply', { a: mask, b: dyCol }, {});
    const back = run('Reshape', { x: routed }, { shape: [b, h / 2, w / 2, c, 2, 2] });
    const ungrouped = run('Transpose', { x: back }, { perm: [0, 1, 4, 2, 5, 3] });
    const dx = runKernel('Reshape', backendName, { x: ungrouped }, { shape: [b, h, w, c] }, backend);
    for (const t of temps) backend.disposeData(t.dataId);
    return dx;
  });
}
