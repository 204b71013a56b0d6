/**
 * The input gradient of a convolution as a convolution on the backend's fast Conv2D (XNNPACK on WASM).
 *
 * Why: tfjs-backend-wasm's own Conv2DBackpropInput is a plain loop; it took a third of every training step
 * of the lab's CNN (8.8 of 26 ms at batch 64, BENCHMARKS.md), and every input-gradient attribution map goes
 * through it too.
 *
 * For a stride-1 VALID convolution with a K×K filter, dx is the "full" correlation of dy with the filter
 * rotated by 180° and its in/out channels swapped: pad dy by K−1 on every side (Conv2D's numeric padding)
 * and convolve with W′[kh,kw,co,ci] = W[K−1−kh, K−1−kw, ci, co].
 *
 * When dx has one channel (the first convolution: every input-gradient attribution map ends there) that
 * convolution has one output channel, which XNNPACK runs poorly; it is then a depthwise convolution of the
 * padded dy with the rotated filter, summed over the channels — 18 % faster there (BENCHMARKS.md).
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { isUnitStrideValid, overrideKernel, runKernel as run, view } from './kernelCall';

const KERNEL = 'Conv2DBackpropInput';

export function registerConv2dBackpropInput(backendName: 'wasm' | 'cpu'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const [kh, kw] = filter.shape;
    if (!isUnitStrideValid(attrs) || kh !== kw) {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only stride 1, VALID padding, square filters and NHWC are supported.`);
    }
    const flipped = run('Reverse', backendName, { x: filter }, { dims: [0, 1] }, backend);
    const [, , ci, co] = filter.shape;
    if (ci === 1) {
      const padded = run('PadV2', backendName, { x: dy }, { paddings: [[0, 0], [kh - 1, kh - 1], [kw - 1, kw - 1], [0, 0]], constantValue: 0 }, backend);
      const spread = run(
        'DepthwiseConv2dNative',
        backendName,
        { x: padded, filter: view(flipped, [kh, kw, co, 1]) },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: null as unknown as string },
        backend,
      );
      const dx = run('Sum', backendName, { x: spread }, { axis: [3], keepDims: true }, backend);
      for (const t of [flipped, padded, spread]) backend.disposeData(t.dataId);
      return dx;
    }
    const swapped = run('Transpose', backendName, { x: flipped }, { perm: [0, 1, 3, 2] }, backend);
    const dx = run(
      'Conv2D',
      backendName,
      { x: dy, filter: swapped },
      { strides: [1, 1], pad: kh - 1, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: null as unknown as string },
      backend,
    );
    for (const t of [flipped, swapped]) backend.disposeData(t.dataId);
    return dx;
  });
}
