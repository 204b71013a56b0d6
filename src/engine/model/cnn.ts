/**
 * The reference MNIST CNN of seed 000 §III (science.md §1), as plain functions over tf.Variables:
 * conv 5×5×6 → ReLU → max-pool 2 → conv 5×5×16 → ReLU → max-pool 2 → dense 120 → ReLU → dense 84 → ReLU →
 * dense 10 (logits). A functional model instead of tf.layers: it is ~15–20 % faster to train on WASM
 * (platform-notes §2), and attribution methods can swap the ReLU (guided backprop) or tap the last conv
 * layer (Grad-CAM) without patching a layers model.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from '../defaults';
import { deriveSeed, makeRng, type Rng } from '../random';

/** Name, shape and fan-in of every parameter, in a fixed order (the order of serialised weights). */
export const PARAM_SPECS = [
  { name: 'conv1/kernel', shape: [5, 5, 1, 6], fanIn: 25 },
  { name: 'conv1/bias', shape: [6], fanIn: 25 },
  { name: 'conv2/kernel', shape: [5, 5, 6, 16], fanIn: 150 },
  { name: 'conv2/bias', shape: [16], fanIn: 150 },
  { name: 'fc1/kernel', shape: [256, 120], fanIn: 256 },
  { name: 'fc1/bias', shape: [120], fanIn: 256 },
  { name: 'fc2/kernel', shape: [120, 84], fanIn: 120 },
  { name: 'fc2/bias', shape: [84], fanIn: 120 },
  { name: 'fc3/kernel', shape: [84, NUM_CLASSES], fanIn: 84 },
  { name: 'fc3/bias', shape: [NUM_CLASSES], fanIn: 84 },
] as const;

export const PARAM_COUNT = PARAM_SPECS.reduce((n, s) => n + s.shape.reduce((a: number, b: number) => a * b, 1), 0);

export interface Cnn {
  /** One variable per PARAM_SPECS entry, in that order. */
  vars: tf.Variable[];
}

export type Activation = (x: tf.Tensor) => tf.Tensor;
const relu: Activation = (x) => tf.relu(x);

/**
 * Seeded initial weights as plain arrays: PyTorch's default for Conv2d/Linear, U(−1/√fan_in, 1/√fan_in) for
 * weights and biases, because the reference numbers (seed 000) come from a PyTorch model trained from it.
 * Drawn in JS so that every backend starts from identical numbers.
 */
export function initialWeights(seed: number): Float32Array[] {
  const rng = makeRng(deriveSeed(seed, 'init'));
  return PARAM_SPECS.map((spec) => initialParam(spec, rng));
}

/** One parameter drawn as initialWeights draws it; the sanity checks re-initialise layers with it (engine/sanity). */
export function initialParam(spec: (typeof PARAM_SPECS)[number], rng: Rng): Float32Array {
  const size = spec.shape.reduce((a: number, b: number) => a * b, 1);
  const bound = 1 / Math.sqrt(spec.fanIn);
  const w = new Float32Array(size);
  for (let i = 0; i < size; i++) w[i] = (rng() * 2 - 1) * bound;
  return w;
}

export function cnnFromWeights(weights: readonly Float32Array[]): Cnn {
  if (weights.length !== PARAM_SPECS.length) {
    throw new Error(`expected ${PARAM_SPECS.length} weight arrays, got ${weights.length}`);
  }
  const vars = PARAM_SPECS.map((spec, i) => {
    const size = spec.shape.reduce((a: number, b: number) => a * b, 1);
    if (weights[i].length !== size) throw new Error(`${spec.name}: expected ${size} values, got ${weights[i].length}`);
    // Created inside tidy so the initialiser tensor is freed (platform-notes §4 (c)).
    return tf.tidy(() => tf.variable(tf.tensor(weights[i], [...spec.shape]), true, undefined));
  });
  return { vars };
}

export function createCnn(seed: number): Cnn {
  return cnnFromWeights(initialWeights(seed));
}

export async function readWeights(model: Cnn): Promise<Float32Array[]> {
  return Promise.all(model.vars.map(async (v) => new Float32Array(await v.data())));
}

export function disposeCnn(model: Cnn): void {
  for (const v of model.vars) v.dispose();
}

/** Input images → output of the last conv layer after its ReLU, [B, 8, 8, 16] (Grad-CAM's A^k). */
export function convFeatures(model: Cnn, x: tf.Tensor4D, act: Activation = relu): tf.Tensor4D {
  const [w1, b1, w2, b2] = model.vars;
  const h1 = act(tf.add(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D;
  const p1 = tf.maxPool(h1, 2, 2, 'valid');
  return act(tf.add(tf.conv2d(p1, w2 as tf.Tensor4D, 1, 'valid'), b2)) as tf.Tensor4D;
}

/** Last conv activations → logits [B, 10]. */
export function classifierHead(model: Cnn, a: tf.Tensor4D, act: Activation = relu): tf.Tensor2D {
  const [, , , , w3, b3, w4, b4, w5, b5] = model.vars;
  const p2 = tf.maxPool(a, 2, 2, 'valid');
  const flat = tf.reshape(p2, [p2.shape[0], 256]);
  const f1 = act(tf.add(tf.matMul(flat, w3 as tf.Tensor2D), b3));
  const f2 = act(tf.add(tf.matMul(f1 as tf.Tensor2D, w4 as tf.Tensor2D), b4));
  return tf.add(tf.matMul(f2 as tf.Tensor2D, w5 as tf.Tensor2D), b5) as tf.Tensor2D;
}

/** Pre-softmax logits for normalised images [B, 28, 28, 1]. */
export function logits(model: Cnn, x: tf.Tensor4D, act: Activation = relu): tf.Tensor2D {
  return classifierHead(model, convFeatures(model, x, act), act);
}

/** Normalised pixels (B·784 floats) → an input tensor. */
export function toInput(pixels: Float32Array, batch: number): tf.Tensor4D {
  return tf.tensor4d(pixels, [batch, IMAGE_SIZE, IMAGE_SIZE, 1]);
}
