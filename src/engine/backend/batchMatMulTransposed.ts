/**
 * Transposed matrix products on WASM through an explicit transpose and the plain product.
 *
 * Why: tfjs-backend-wasm's BatchMatMul is ~6× slower when asked to transpose an operand than when not
 * (1.7–2.0 ms against 0.3 ms for the dense layers' [64,256]·[256,120] at batch 64), and backpropagation
 * through every dense layer asks for exactly that (dX = dY·Wᵀ, dW = Xᵀ·dY). Transposing first with the
 * backend's Transpose kernel costs a few microseconds for these sizes.
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { overrideKernel, runKernel as run } from './kernelCall';

const KERNEL = 'BatchMatMul';

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return perm;
}

export function registerBatchMatMulTransposed(backendName: 'wasm'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    if (!stock) throw new Error(`${KERNEL} is missing on ${backendName}`);
    if (!attrs.transposeA && !attrs.transposeB) return stock(inputs);
    const temps: TensorInfo[] = [];
    const plain = (t: TensorInfo, transpose: unknown): TensorInfo => {
      if (!transpose) return t;
      const out = run('Transpose', backendName, { x: t }, { perm: swapLastTwo(t.shape.length) }, backend);
      temps.push(out);
      return out;
    };
    const out = stock({ a: plain(a, attrs.transposeA), b: plain(b, attrs.transposeB) }, { ...attrs, transposeA: false, transposeB: false });
    for (const t of temps) backend.disposeData(t.dataId);
    return out;
  });
}
