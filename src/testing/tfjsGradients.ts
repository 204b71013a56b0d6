/**
 * The tfjs engine's input gradients behind the InputGradients interface (attribution/types.ts), so that the
 * maps other engines build from input gradients can be checked against `compute` without a GPU.
 */
import { mapInChunks } from '../engine/attribution/chunk';
import { guidedRelu } from '../engine/attribution/guidedBackprop';
import { cnnForward, crossEntropy, scoreGradient, targetLogit } from '../engine/attribution/scoreGradient';
import type { InputGradients } from '../engine/attribution/types';
import type { Cnn } from '../engine/model/cnn';

export function tfjsGradients(model: Cnn): InputGradients {
  return (inputs, targets, score) =>
    mapInChunks(inputs, targets.length, Int32Array.from(targets), 1, (x, oneHot) =>
      scoreGradient(cnnForward(model, score.guided ? guidedRelu : undefined), x, oneHot, score.loss ? crossEntropy : targetLogit),
    );
}
