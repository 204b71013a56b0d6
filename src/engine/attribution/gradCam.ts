/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based
 * Localization", ICCV 2017; seed 001 §3.4.2; science.md §2 `gradCam`): ReLU(Σ_k α_k A^k) with A the last
 * conv layer's post-ReLU activations [8, 8, 16] and α_k the spatial mean of ∂f_c/∂A^k. Non-negative by
 * construction. The 8×8 map is placed where each cell looks — cell i centred on input pixel 2i + 6.5
 * (upsample.ts) — and interpolated bilinearly between those centres, rather than stretched over pixels
 * 0…27 as Captum's LayerAttribution.interpolate and cv2.resize do, which moves the heat off the stroke
 * towards the borders (science.md §7).
 */
import * as tf from '@tensorflow/tfjs';
import { classifierHead, convFeatures, type Cnn } from '../model/cnn';
import { METHOD_INFO, type GradCamParams } from './catalog';
import { mapInChunks } from './chunk';
import { scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';
import { placeOnImage } from './upsample';

/** The 8×8 class activation maps [n, 8, 8, 1] before upsampling. Call inside tf.tidy. */
export function gradCamLayerMaps(model: Cnn, x: tf.Tensor4D, oneHot: tf.Tensor2D): tf.Tensor4D {
  const a = convFeatures(model, x);
  const dA = scoreGradient((features) => classifierHead(model, features), a, oneHot);
  const alpha = tf.mean(dA, [1, 2], true); // [n, 1, 1, 16]: one weight per channel
  return tf.relu(tf.sum(tf.mul(alpha, a), 3, true)) as tf.Tensor4D;
}

export const gradCam: AttributionMethod<GradCamParams> = {
  ...METHOD_INFO.gradCam,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => placeOnImage(gradCamLayerMaps(ctx.model, x, oneHot)));
  },
};
