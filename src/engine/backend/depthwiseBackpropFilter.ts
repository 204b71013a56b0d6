/**
 * The filter gradient of a depthwise convolution, as one depthwise convolution (XNNPACK on WASM) and a sum.
 *
 * Why: the batched trainer (training/batchedTrain.ts) runs K copies of the CNN as depthwise convolutions, and
 * tfjs-backend-wasm 4.22 registers no depthwise gradient kernels at all (WebGL and WebGPU do).
 *
 * For stride 1, VALID, NHWC, with x [B,H,W,C], dy [B,OH,OW,C·M] and filter [KH,KW,C,M]:
 * dW[kh,kw,c,m] = Σ_b Σ_{i,j} x[b,i+kh,j+kw,c]·dy[b,i,j,c·M+m]. Read the batch as channels: x becomes one
 * image [1,H,W,C·B], dy a depthwise filter [OH,OW,C·B,M], their VALID depthwise convolution is
 * [1,KH,KW,C·B·M], and summing over b leaves dW. No product is wasted; for the first conv at K = 4 it took
 * 52 ms where building the patches from 25 slices (WASM's Slice and Concat run in JS) took 138 ms.
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { isUnitStrideValid, overrideKernel, runKernel as run, view } from './kernelCall';

const KERNEL = 'DepthwiseConv2dNativeBackpropFilter';

export function registerDepthwiseBackpropFilter(backendName: 'wasm'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const [kh, kw, c, m] = attrs.filterShape as number[];
    if (!isUnitStrideValid(attrs)) {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only stride 1, VALID padding and NHWC are supported (the lab's CNN uses exactly these).`);
    }
    const [b, h, w] = x.shape;
    const [, oh, ow] = dy.shape;
    const image = run('Transpose', backendName, { x }, { perm: [1, 2, 3, 0] }, backend);
    const filter = run('Transpose', backendName, { x: view(dy, [b, oh, ow, c, m]) }, { perm: [1, 2, 3, 0, 4] }, backend);
    const spread = run(
      'DepthwiseConv2dNative',
      backendName,
      { x: view(image, [1, h, w, c * b]), filter: view(filter, [oh, ow, c * b, m]) },
      { strides: [1, 1], pad: 'valid', dilations: [1, 1], dimRoundingMode: null as unknown as string },
      backend,
    );
    const dW = run('Sum', backendName, { x: view(spread, [kh * kw * c, b, m]) }, { axis: [1], keepDims: false }, backend);
    for (const t of [image, filter, spread]) backend.disposeData(t.dataId);
    return view(dW, [kh, kw, c, m]);
  });
}
