/**
 * Replacing a backend's kernel with one of the lab's, and calling the backend's own kernels from inside it.
 * Every replacement keeps the stock kernel for the cases it does not handle.
 */
import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelBackend,
  type KernelConfig,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs';

export function runKernel(name: string, backendName: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap, backend: KernelBackend): TensorInfo {
  const k = getKernel(name, backendName);
  if (k === undefined) throw new Error(`kernel ${name} is missing on backend ${backendName}`);
  return k.kernelFunc({ inputs, attrs, backend }) as TensorInfo;
}

/** The same data read with another shape (no copy, no new reference: dispose the original once). */
export const view = (t: TensorInfo, shape: number[]): TensorInfo => ({ dataId: t.dataId, shape, dtype: t.dtype });

/** The lab's CNN only uses stride-1, VALID, NHWC convolutions; other cases go to the stock kernel. */
export function isUnitStrideValid(attrs: NamedAttrMap): boolean {
  const strides = attrs.strides as number | [number, number];
  const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
  const pad = attrs.pad;
  const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
  return sh === 1 && sw === 1 && (pad === 'valid' || pad === 0) && dataFormat === 'NHWC';
}

export interface KernelCall {
  inputs: Record<string, TensorInfo>;
  attrs: NamedAttrMap;
  backend: KernelBackend;
  /** The stock kernel (with this call's attrs unless others are given), or undefined where there is none. */
  stock: ((inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap) => TensorInfo) | undefined;
}

type Tagged = KernelConfig & { roarLab?: boolean };

/**
 * Registers `kernel` as `name` on `backendName` in place of the stock kernel. Must run after the backend is
 * initialised (WASM sets up its kernels then). Returns false when the lab's kernel is already there.
 */
export function overrideKernel(name: string, backendName: string, kernel: (call: KernelCall) => TensorInfo): boolean {
  const stockConfig = getKernel(name, backendName) as Tagged | undefined;
  if (stockConfig?.roarLab) return false;
  if (stockConfig !== undefined) unregisterKernel(name, backendName);
  const config: Tagged = {
    kernelName: name,
    backendName,
    roarLab: true,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const call: KernelCall = {
        inputs: inputs as Record<string, TensorInfo>,
        attrs: attrs ?? {},
        backend: backend as KernelBackend,
        stock: stockConfig && ((ins, at) => stockConfig.kernelFunc({ inputs: ins, backend, attrs: at ?? attrs }) as TensorInfo),
      };
      return kernel(call);
    },
  };
  registerKernel(config);
  return true;
}
