/**
 * The filter gradient of a convolution, built from the backend's own Conv2D and Transpose kernels.
 *
 * Why: tfjs-backend-wasm 4.22 registers no `Conv2DBackpropFilter` (tensorflow/tfjs#8474), so no conv net can
 * train on WASM as shipped, and the CPU backend's stock kernel is a naive loop that takes ~2 s per batch for
 * this net's second conv (../shared/platform-notes.md §2, §6).
 *
 * For a stride-1, VALID, NHWC convolution, dW[kh,kw,ci,co] = Σ_{b,oh,ow} x[b,oh+kh,ow+kw,ci]·dy[b,oh,ow,co].
 * That is itself a VALID convolution: the input transposed to [Ci,H,W,B] (batch ↔ channels) convolved with
 * dy transposed to a filter [OH,OW,B,Co] gives [Ci,KH,KW,Co], which transposes back to [KH,KW,Ci,Co].
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { isUnitStrideValid, overrideKernel, runKernel as run } from './kernelCall';

const KERNEL = 'Conv2DBackpropFilter';

export function registerConv2dBackpropFilter(backendName: 'wasm' | 'cpu'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    if (!isUnitStrideValid(attrs)) {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only stride 1, VALID padding and NHWC are supported (the lab's CNN uses exactly these).`);
    }
    const xT = run('Transpose', backendName, { x }, { perm: [3, 1, 2, 0] }, backend);
    const dyT = run('Transpose', backendName, { x: dy }, { perm: [1, 2, 0, 3] }, backend);
    const conv = run(
      'Conv2D',
      backendName,
      { x: xT, filter: dyT },
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: null as unknown as string },
      backend,
    );
    const dW = run('Transpose', backendName, { x: conv }, { perm: [1, 2, 0, 3] }, backend);
    for (const t of [xT, dyT, conv]) backend.disposeData(t.dataId);
    return dW;
  });
}
