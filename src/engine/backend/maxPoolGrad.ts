/**
 * The gradient of a 2×2, stride-2 max-pool as one pass over the backend's memory.
 *
 * Why: tfjs-backend-wasm's MaxPoolGrad is a general loop over windows and offsets and cost 4 of 21 ms per
 * training step of the lab's CNN; a composition of the backend's Transpose, ArgMax and OneHot kernels still
 * cost 3.6 ms of 17.7 (six kernels and two layout transposes). For the one pool shape the CNN uses, each
 * window's winner is found and given the window's output gradient in one loop over the input, on the
 * backend's own arrays (the WASM heap; the CPU backend's values). Ties go to the first maximum of the window
 * (top-left first), as the CPU backend does — the WASM kernel took the last, which made attribution maps
 * differ between backends (platform-notes §3).
 */
import type { KernelBackend, TensorInfo, TypedArray } from '@tensorflow/tfjs';
import { overrideKernel } from './kernelCall';

const KERNEL = 'MaxPoolGrad';

function isPlainPool2(attrs: Record<string, unknown>, x: TensorInfo): boolean {
  const pair = (v: unknown) => (typeof v === 'number' ? [v, v] : (v as number[]));
  const [fh, fw] = pair(attrs.filterSize);
  const [sh, sw] = pair(attrs.strides);
  const [, h, w] = x.shape;
  return fh === 2 && fw === 2 && sh === 2 && sw === 2 && (attrs.pad === 'valid' || attrs.pad === 0) && h % 2 === 0 && w % 2 === 0;
}

/** dx for input x [B,H,W,C] and output gradient dy [B,H/2,W/2,C]: dy goes to each window's first maximum. */
export function maxPool2Grad(x: TypedArray, dy: TypedArray, shape: readonly number[], dx: TypedArray): void {
  const [b, h, w, c] = shape;
  const oh = h / 2;
  const ow = w / 2;
  const row = w * c;
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < b; n++) {
    for (let y = 0; y < oh; y++) {
      for (let xw = 0; xw < ow; xw++) {
        const i00 = ((n * h + 2 * y) * w + 2 * xw) * c;
        for (let ch = 0; ch < c; ch++, o++) {
          const a = i00 + ch;
          let best = a;
          let v = x[a];
          if (x[a + c] > v) {
            best = a + c;
            v = x[best];
          }
          if (x[a + row] > v) {
            best = a + row;
            v = x[best];
          }
          if (x[a + row + c] > v) best = a + row + c;
          dx[best] = dy[o];
        }
      }
    }
  }
}

/** The backend's own array for a tensor, and a fresh output of `shape`, for the two CPU-side backends. */
interface Memory {
  read(t: TensorInfo): TypedArray;
  output(shape: number[]): { info: TensorInfo; values: TypedArray; finish: () => TensorInfo };
}

function memoryOf(backendName: 'wasm' | 'cpu', backend: KernelBackend): Memory {
  if (backendName === 'wasm') {
    const wasm = backend as unknown as { typedArrayFromHeap(t: TensorInfo): TypedArray; makeOutput(shape: number[], dtype: 'float32'): TensorInfo };
    return {
      read: (t) => wasm.typedArrayFromHeap(t),
      output: (shape) => {
        const info = wasm.makeOutput(shape, 'float32');
        return { info, values: wasm.typedArrayFromHeap(info), finish: () => info };
      },
    };
  }
  const cpu = backend as unknown as { data: { get(id: object): { values: TypedArray } }; makeTensorInfo(shape: number[], dtype: 'float32', values: TypedArray): TensorInfo };
  return {
    read: (t) => cpu.data.get(t.dataId).values,
    output: (shape) => {
      const values = new Float32Array(shape.reduce((a, s) => a * s, 1));
      return { info: null as unknown as TensorInfo, values, finish: () => cpu.makeTensorInfo(shape, 'float32', values) };
    },
  };
}

export function registerMaxPoolGrad(backendName: 'wasm' | 'cpu'): boolean {
  return overrideKernel(KERNEL, backendName, ({ inputs, attrs, backend, stock }) => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    if (!isPlainPool2(attrs, input) || input.dtype !== 'float32' || dy.dtype !== 'float32') {
      if (stock) return stock(inputs);
      throw new Error(`${KERNEL} on ${backendName}: only 2×2 float32 pools with stride 2 are supported.`);
    }
    const mem = memoryOf(backendName, backend);
    const out = mem.output([...input.shape]);
    maxPool2Grad(mem.read(input), mem.read(dy), input.shape, out.values);
    return out.finish();
  });
}
