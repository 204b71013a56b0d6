/**
 * One model's input gradients on the fused kernels, behind the InputGradients interface (attribution/types.ts),
 * for every map built from them: a sweep's rankings (fusedExecutor.ts), the gallery on WebGPU and the bench.
 */
import { ROWS_PER_CALL } from '../attribution/chunk';
import type { InputGradients } from '../attribution/types';
import { FusedCnn } from './fusedCnn';

export interface FusedGradients {
  gradients: InputGradients;
  /** Frees the model's buffers on the device. */
  destroy(): void;
}

/**
 * `weights` (PARAM_SPECS order) on `device`, ROWS_PER_CALL rows per pass: computeMaps's chunks hold at most that
 * many rows (images × IG steps × noise samples), so each chunk is one pass and one read-back.
 */
export async function fusedGradients(device: GPUDevice, weights: readonly Float32Array[]): Promise<FusedGradients> {
  const model = await FusedCnn.create(device, 1, ROWS_PER_CALL);
  model.setWeights([weights]);
  return { gradients: (inputs, targets, score) => model.inputGradients(inputs, targets, score), destroy: () => model.destroy() };
}
