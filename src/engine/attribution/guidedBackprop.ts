/**
 * Guided backpropagation (Springenberg et al., "Striving for Simplicity: The All Convolutional Net", 2015;
 * science.md §2 `guidedBackprop`): the gradient of f_c, except that every ReLU passes a gradient back only
 * where its input was positive (as a ReLU does) AND the gradient arriving from above is positive. The ReLU
 * is swapped through cnn.ts's `act` argument with a tf.customGrad ReLU (field-notes §2 "tfjs mapping").
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../model/cnn';
import { METHOD_INFO, type GuidedBackpropParams } from './catalog';
import { mapInChunks } from './chunk';
import { cnnForward, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

/** Forward: ReLU. Backward: dy · [x > 0] · [dy > 0]. */
const guidedReluOp = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([x]);
  return {
    value: tf.relu(x),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, tf.mul(tf.step(saved[0]), tf.step(dy))),
  };
});
export const guidedRelu: Activation = (x) => guidedReluOp(x);

export const guidedBackprop: AttributionMethod<GuidedBackpropParams> = {
  ...METHOD_INFO.guidedBackprop,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => scoreGradient(cnnForward(ctx.model, guidedRelu), x, oneHot));
  },
  fromGradients(ctx) {
    checkContext(ctx);
    return ctx.gradients(ctx.inputs, ctx.targets, { guided: true });
  },
};
