/**
 * FullGrad (Srinivas & Fleuret, "Full-Gradient Representation for Neural Network Visualization", NeurIPS
 * 2019; seed 003 eq. 2; science.md §2 `fullGrad`): ψ(x ⊙ ∇_x f_c) + Σ over conv layers Σ over channels of
 * ψ(∇_z f_c ⊙ b), where z is a conv layer's pre-activation output, b its bias, and ψ = absolute value,
 * per-image min-max rescaling over the layer, and bilinear upsampling to 28×28 (align_corners=True), as the
 * reference code idiap/fullgrad-saliency `saliency/fullgrad.py` does. Fully connected layers' bias terms
 * have no spatial layout and are left out of the map, as there.
 *
 * ∇_z f_c is read with "probes": the ReLU that cnn.ts applies after each biased hidden layer is replaced by
 * z ↦ relu(z + p) with p = 0, and ∂f_c/∂p = ∂f_c/∂z.
 */
import * as tf from '@tensorflow/tfjs';
import { logits, type Cnn } from '../model/cnn';
import { METHOD_INFO, type FullGradParams } from './catalog';
import { mapInChunks } from './chunk';
import { targetLogit } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';
import { upsampleTo28 } from './upsample';

/**
 * The full-gradient decomposition (seed 003 eq. 1). For a network of ReLUs and max-pools it is exact:
 * f_c(x) = Σ inputGradient ⊙ x + Σ_k Σ biasGradients[k] + outputBias.
 */
export interface FullGradients {
  inputGradient: tf.Tensor4D;
  /** ∇_z f_c ⊙ b for each biased hidden layer in forward order: conv1 [n,24,24,6], conv2 [n,8,8,16], fc1 [n,120], fc2 [n,84]. */
  biasGradients: tf.Tensor[];
  /** The output layer's bias of the target class, b_c [n]: its gradient is 1. */
  outputBias: tf.Tensor1D;
}

/** Call inside tf.tidy. */
export function fullGradients(model: Cnn, x: tf.Tensor4D, oneHot: tf.Tensor2D): FullGradients {
  const n = x.shape[0];
  // One forward pass on one image records the shape of every activation's input.
  const shapes: number[][] = [];
  logits(model, tf.slice(x, 0, 1), (z) => {
    shapes.push(z.shape.slice(1));
    return tf.relu(z);
  });
  const biases = model.vars.filter((v) => v.rank === 1);
  const hiddenBiases = biases.slice(0, -1);
  if (hiddenBiases.length !== shapes.length || hiddenBiases.some((b, k) => b.shape[0] !== shapes[k][shapes[k].length - 1])) {
    throw new Error('fullGrad expects the model to apply one activation after each biased hidden layer, in parameter order');
  }
  const probes = shapes.map((shape) => tf.zeros([n, ...shape]));
  const score = (...args: tf.Tensor[]): tf.Scalar => {
    const [input, ...ps] = args;
    let k = 0;
    return tf.sum(targetLogit(logits(model, input as tf.Tensor4D, (z) => tf.relu(tf.add(z, ps[k++]))), oneHot));
  };
  const [inputGradient, ...probeGradients] = tf.grads(score)([x, ...probes]);
  return {
    inputGradient: inputGradient as tf.Tensor4D,
    biasGradients: probeGradients.map((g, k) => tf.mul(g, hiddenBiases[k])),
    outputBias: tf.sum(tf.mul(oneHot, biases[biases.length - 1]), 1),
  };
}

/** ψ without the upsampling: |t| rescaled to [0, 1] per image over all its elements (eps 1e-6 as the reference). */
function absMinMax(t: tf.Tensor): tf.Tensor {
  const axes = t.shape.map((_, i) => i).slice(1);
  const a = tf.abs(t);
  const shifted = tf.sub(a, tf.min(a, axes, true));
  return tf.div(shifted, tf.add(tf.max(shifted, axes, true), 1e-6));
}

export const fullGrad: AttributionMethod<FullGradParams> = {
  ...METHOD_INFO.fullGrad,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => {
      const { inputGradient, biasGradients } = fullGradients(ctx.model, x, oneHot);
      // Summing channels before upsampling equals the reference's upsample-then-sum: both are linear.
      return biasGradients
        .filter((g) => g.rank === 4)
        .reduce((map, g) => tf.add(map, upsampleTo28(tf.sum(absMinMax(g), 3, true) as tf.Tensor4D, 'corners')), absMinMax(tf.mul(x, inputGradient)));
    });
  },
};
