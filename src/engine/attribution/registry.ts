/**
 * Every attribution method the lab offers, in the order the UI lists them. Adding a method means adding
 * its file and one line here.
 */
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
} as const satisfies Record<string, AnyAttributionMethod>;

export type MethodId = keyof typeof ATTRIBUTION_METHODS;
export const METHOD_IDS = Object.keys(ATTRIBUTION_METHODS) as MethodId[];

export function isMethodId(s: string): s is MethodId {
  return Object.prototype.hasOwnProperty.call(ATTRIBUTION_METHODS, s);
}

/** The method with this id, typed for generic use (validate, then compute with the validated params). */
export function getMethod(id: MethodId): AnyAttributionMethod {
  return ATTRIBUTION_METHODS[id];
}
