/**
 * Every attribution method with its computation, in catalog.ts's order; worker and CLI only, as the method
 * files import TensorFlow.js (the page reads catalog.ts instead). Adding a method means adding its info to
 * catalog.ts, its file, and one line here.
 */
import type { MethodId } from './catalog';
import { fullGrad } from './fullGrad';
import { gradCam } from './gradCam';
import { gradient } from './gradient';
import { guidedBackprop } from './guidedBackprop';
import { inputXGradient } from './inputXGradient';
import { integratedGradients } from './integratedGradients';
import { lossGradient } from './lossGradient';
import { lossGradientAbs } from './lossGradientAbs';
import { lossGradientXInput } from './lossGradientXInput';
import { random } from './random';
import { smoothGrad } from './smoothGrad';
import { smoothGradSquared } from './smoothGradSquared';
import { sobel } from './sobel';
import type { AnyAttributionMethod } from './types';
import { varGrad } from './varGrad';

export const ATTRIBUTION_METHODS = {
  gradient,
  inputXGradient,
  integratedGradients,
  guidedBackprop,
  gradCam,
  fullGrad,
  smoothGrad,
  smoothGradSquared,
  varGrad,
  lossGradient,
  lossGradientAbs,
  lossGradientXInput,
  sobel,
  random,
} as const satisfies Record<MethodId, AnyAttributionMethod>;

/** Re-exported so that compute-side callers need one import. */
export { METHOD_IDS, isMethodId, type MethodId } from './catalog';

/** The method with this id, typed for generic use (validate, then compute with the validated params). */
export function getMethod(id: MethodId): AnyAttributionMethod {
  return ATTRIBUTION_METHODS[id];
}
