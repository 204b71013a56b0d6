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
import { getKernel, registerKernel, unregisterKernel, type KernelBackend, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { isUnitStrideValid, runKernel as run } from './kernelCall';

const KERNEL = 'Conv2DBackpropFilter';

/**
 * Registers the transposed-convolution filter gradient for `backendName`. Must run after the backend is
 * initialised (WASM sets up its kernels then). Returns false when it was already registered by us.
 */
export function registerConv2dBackpropFilter(backendName: 'wasm' | 'cpu'): boolean {
  const existing = getKernel(KERNEL, backendName);
  if (existing !== undefined && (existing as KernelConfig & { roarLab?: boolean }).roarLab) return false;
  const stock = existing;
  if (stock !== undefined) unregisterKernel(KERNEL, backendName);

  const config: KernelConfig & { roarLab: boolean } = {
    kernelName: KERNEL,
    backendName,
    roarLab: true,
    kernelFunc: ({ inputs, backend: anyBackend, attrs: maybeAttrs }) => {
      const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
      const backend = anyBackend as KernelBackend;
      const attrs = maybeAttrs ?? {};
      if (!isUnitStrideValid(attrs)) {
        if (stock !== undefined) return stock.kernelFunc({ inputs, backend, attrs });
        throw new Error(
          `${KERNEL} on ${backendName}: only stride 1, VALID padding and NHWC are supported (the lab's CNN uses exactly these).`,
        );
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
    },
  };
  registerKernel(config);
  return true;
}
