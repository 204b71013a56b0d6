/**
 * The gradient every gradient-based method starts from: ∂s_c/∂x for a per-image score s of the logits,
 * usually the target's pre-softmax logit f_c (science.md §2; Hooker's code differentiates
 * `logits[0][neuron_selector]`, field-notes §1.1), or the cross-entropy loss for the loss-gradient methods
 * of seed 004. The forward function is a parameter, so the same code serves the CNN, the CNN with guided
 * ReLUs, its classifier head (Grad-CAM) and the tiny linear models of the tests.
 */
import * as tf from '@tensorflow/tfjs';
import { logits, type Activation, type Cnn } from '../model/cnn';

/** Images [B, …] → logits [B, 10]. */
export type Forward = (x: tf.Tensor4D) => tf.Tensor2D;

/** One scalar per image from the logits [B, 10] and the one-hot targets [B, 10] (float32). */
export type Score = (z: tf.Tensor2D, oneHot: tf.Tensor2D) => tf.Tensor1D;

/** f_c(x), the pre-softmax logit of the target class. */
export const targetLogit: Score = (z, oneHot) => tf.sum(tf.mul(z, oneHot), 1) as tf.Tensor1D;

/** L(f(x), t) = −log softmax(f(x))_t, the cross-entropy of seed 004 eq. 1 (PyTorch's NLL of log-softmax). */
export const crossEntropy: Score = (z, oneHot) => tf.neg(tf.sum(tf.mul(tf.logSoftmax(z), oneHot), 1)) as tf.Tensor1D;

export function cnnForward(model: Cnn, act?: Activation): Forward {
  return (x) => logits(model, x, act);
}

/**
 * ∂score/∂x for every image at once. Images do not interact in the forward pass (no batch statistics), so
 * the gradient of the batch's summed score is each image's own gradient. Call inside tf.tidy.
 */
export function scoreGradient(forward: Forward, x: tf.Tensor4D, oneHot: tf.Tensor2D, score: Score = targetLogit): tf.Tensor4D {
  return tf.grad((input) => tf.sum(score(forward(input as tf.Tensor4D), oneHot)))(x) as tf.Tensor4D;
}
