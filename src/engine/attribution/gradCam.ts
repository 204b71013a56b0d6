/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based
 * Localization", ICCV 2017; seed 001 §3.4.2; science.md §2 `gradCam`): ReLU(Σ_k α_k A^k) with A the last
 * conv layer's post-ReLU activations [8, 8, 16] and α_k the spatial mean of ∂f_c/∂A^k, upsampled
 * bilinearly from 8×8 to 28×28. Non-negative by construction.
 */
import * as tf from '@tensorflow/tfjs';
import { classifierHead, convFeatures, type Cnn } from '../model/cnn';
import { mapInChunks } from './chunk';
import { validateFields } from './params';
import { scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';
import { upsampleTo28 } from './upsample';

export type GradCamParams = Record<string, never>;

/** The 8×8 class activation maps [n, 8, 8, 1] before upsampling. Call inside tf.tidy. */
export function gradCamLayerMaps(model: Cnn, x: tf.Tensor4D, oneHot: tf.Tensor2D): tf.Tensor4D {
  const a = convFeatures(model, x);
  const dA = scoreGradient((features) => classifierHead(model, features), a, oneHot);
  const alpha = tf.mean(dA, [1, 2], true); // [n, 1, 1, 16]: one weight per channel
  return tf.relu(tf.sum(tf.mul(alpha, a), 3, true)) as tf.Tensor4D;
}

export const gradCam: AttributionMethod<GradCamParams> = {
  id: 'gradCam',
  label: 'Grad-CAM',
  description:
    'Weights each channel of the last convolutional layer by how much the class score depends on it on average, adds the weighted ' +
    'channels and keeps the positive part: a coarse 8×8 map of where the evidence for the class sits, stretched to 28×28. ' +
    'Selvaraju et al., "Grad-CAM" (2017).',
  signed: false,
  defaults: {},
  validate: (raw) => validateFields('gradCam', raw, {}, {}),
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => upsampleTo28(gradCamLayerMaps(ctx.model, x, oneHot), 'halfPixel'));
  },
};
