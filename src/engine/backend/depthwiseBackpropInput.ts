/**
 * The input gradient of a depthwise convolution as a depthwise convolution (XNNPACK on WASM) and a sum.
 *
 * Why: tfjs-backend-wasm 4.22 has no depthwise gradient kernels, and the batched trainer needs this one for
 * its second convolution (training/batchedTrain.ts).
 *
 * For stride 1, VALID, NHWC, a K×K filter [K,K,C,M] and dy [B,OH,OW,C·M]: dx[b,i,j,c] =
 * Σ_m full-correlation(dy[…,c·M+m], W rotated by 180°[…,c,m]). Treat dy's C·M channels as a depthwise input
 * with multiplier 1, pad by K−1 (numeric padding), convolve with the rotated filter, then sum each group of M.
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { isUnitStrideValid, overrideKernel, runKernel as run, view } from './kernelCall';

const KERNEL = 'DepthwiseConv2dNativeBackpropInput';

export function registerDepthwiseBackpropInput(backendName: 'wasm'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const [kh, kw, c, m] = filter.shape;
    if (!isUnitStrideValid(attrs) || kh !== kw) {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only stride 1, VALID padding, square filters and NHWC are supported.`);
    }
    const [b, h, w] = attrs.inputShape as number[];
    const flipped = run('Reverse', backendName, { x: filter }, { dims: [0, 1] }, backend);
    const spread = run(
      'DepthwiseConv2dNative',
      backendName,
      { x: dy, filter: view(flipped, [kh, kw, c * m, 1]) },
      { strides: [1, 1], pad: kh - 1, dilations: [1, 1], dimRoundingMode: null as unknown as string },
      backend,
    );
    const dx = run('Sum', backendName, { x: view(spread, [b * h * w * c, m]) }, { axis: [1], keepDims: false }, backend);
    for (const t of [flipped, spread]) backend.disposeData(t.dataId);
    return view(dx, [b, h, w, c]);
  });
}
