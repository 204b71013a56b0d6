/** Calling a backend's own kernels from inside a kernel, and the stride-1 VALID NHWC check both conv kernels use. */
import { getKernel, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs';

export function runKernel(name: string, backendName: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap, backend: KernelBackend): TensorInfo {
  const k = getKernel(name, backendName);
  if (k === undefined) throw new Error(`kernel ${name} is missing on backend ${backendName}`);
  return k.kernelFunc({ inputs, attrs, backend }) as TensorInfo;
}

/** The lab's CNN only uses stride-1, VALID, NHWC convolutions; other cases go to the stock kernel. */
export function isUnitStrideValid(attrs: NamedAttrMap): boolean {
  const strides = attrs.strides as number | [number, number];
  const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
  const pad = attrs.pad;
  const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
  return sh === 1 && sw === 1 && (pad === 'valid' || pad === 0) && dataFormat === 'NHWC';
}
