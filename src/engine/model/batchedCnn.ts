/**
 * K copies of the reference CNN (cnn.ts) as one graph, so that K remove-and-retrain runs advance with one
 * set of kernel launches per step instead of K (issue 6: on a GPU a step of this small net is dispatch-bound).
 *
 * The K networks never mix. Each model's image is one channel of the input [B,28,28,K]; the first conv is a
 * depthwise convolution with channel multiplier 6 (model k's 6 maps are channels 6k…6k+5); the second is a
 * grouped convolution written as a depthwise one with multiplier 16 whose products are summed over each
 * model's 6 input channels; the dense layers are batched matrix products [K,B,·]·[K,·,·]. Every backend has
 * these ops (the lab adds the WASM depthwise gradients, backend/depthwiseBackprop*.ts); on CPU backends the
 * convolutions run per model instead (`BatchedConvs`).
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../defaults';
import { PARAM_SPECS } from './cnn';

export interface BatchedCnn {
  /** How many networks. */
  k: number;
  /**
   * PARAM_SPECS order, the K models' copies side by side along `stackAxis`: conv kernels [5,5,K·Cin,Cout],
   * conv biases [K·C], dense kernels [K,in,out] and dense biases [K,1,out].
   */
  vars: tf.Variable[];
}

/** The axis along which the K models' copies of PARAM_SPECS[i] sit side by side. */
const stackAxis = (i: number): number => (i === 0 || i === 2 ? 2 : 0);

/** One model's piece of PARAM_SPECS[i] in the stacked layout: dense layers gain a leading model axis. */
function pieceShape(i: number): number[] {
  const shape = [...PARAM_SPECS[i].shape] as number[];
  if (i < 4) return shape;
  return shape.length === 2 ? [1, ...shape] : [1, 1, shape[0]];
}

/** One graph from K models' weights (each as cnn.ts's `initialWeights` returns them). */
export function batchedFromWeights(models: readonly (readonly Float32Array[])[]): BatchedCnn {
  const k = models.length;
  if (k < 1) throw new Error('a batched model needs at least one network');
  const vars = PARAM_SPECS.map((_, i) =>
    // Inside tidy so the per-model pieces are freed (platform-notes §4 (c)).
    tf.tidy(() => tf.variable(tf.concat(models.map((w) => tf.tensor(w[i], pieceShape(i))), stackAxis(i)), true, undefined)),
  );
  return { k, vars };
}

/** Each model's weights back, in cnn.ts's layout. */
export async function splitWeights(model: BatchedCnn): Promise<Float32Array[][]> {
  const { k } = model;
  const perModel: Float32Array[][] = Array.from({ length: k }, () => []);
  for (const [i, v] of model.vars.entries()) {
    const parts = tf.split(v, k, stackAxis(i));
    const data = await Promise.all(parts.map((p) => p.data() as Promise<Float32Array>));
    tf.dispose(parts);
    data.forEach((d, m) => perModel[m].push(new Float32Array(d)));
  }
  return perModel;
}

export function disposeBatched(model: BatchedCnn): void {
  for (const v of model.vars) v.dispose();
}

/** K models' normalised pixels [K,B·784] → the input [K,B,28,28] (model k's own batch first). */
export function toBatchedInput(pixels: Float32Array, k: number, batch: number): tf.Tensor4D {
  return tf.tensor4d(pixels, [k, batch, IMAGE_SIZE, IMAGE_SIZE]);
}

/**
 * How the K models' convolutions run. `grouped`: one depthwise convolution per layer (the second summed over
 * each model's input channels) — one kernel launch per layer for all K, what a GPU wants. `split`: the input's
 * channels split per model and K ordinary convolutions — the same arithmetic as K single runs on the CPU
 * backends' fast convolution kernels, where WASM's depthwise gradients are slow (BENCHMARKS.md). Both give
 * the same numbers up to float rounding (batchedTrain.test.ts).
 */
export type BatchedConvs = 'grouped' | 'split';

export const convsFor = (backend: string): BatchedConvs => (backend === 'wasm' || backend === 'cpu' ? 'split' : 'grouped');

/** Conv layers with one depthwise convolution each for all K models: [K,B,28,28] → features [K,B,256]. */
function groupedFeatures(model: BatchedCnn, x: tf.Tensor4D): tf.Tensor3D {
  const { k } = model;
  const [w1, b1, w2, b2] = model.vars;
  const batch = x.shape[1];
  const c1 = PARAM_SPECS[0].shape[3];
  const c2 = PARAM_SPECS[2].shape[3];
  // Model k's images become channel k.
  const channels = tf.transpose(x, [1, 2, 3, 0]);
  const h1 = tf.relu(tf.add(tf.depthwiseConv2d(channels, w1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D;
  const p1 = tf.maxPool(h1, 2, 2, 'valid');
  const spread = tf.depthwiseConv2d(p1, w2 as tf.Tensor4D, 1, 'valid');
  const [, oh, ow] = spread.shape;
  const grouped = tf.reshape(tf.sum(tf.reshape(spread, [batch, oh, ow, k, c1, c2]), 4), [batch, oh, ow, k * c2]);
  const h2 = tf.relu(tf.add(grouped, b2)) as tf.Tensor4D;
  const p2 = tf.maxPool(h2, 2, 2, 'valid');
  const [, ph, pw] = p2.shape;
  return tf.reshape(tf.transpose(tf.reshape(p2, [batch, ph, pw, k, c2]), [3, 0, 1, 2, 4]), [k, batch, ph * pw * c2]);
}

/** Conv layers run model by model on each model's slice of the weights: [K,B,28,28] → features [K,B,256]. */
function splitFeatures(model: BatchedCnn, x: tf.Tensor4D): tf.Tensor3D {
  const { k } = model;
  const [w1, b1, w2, b2] = model.vars;
  const [, batch, h, w] = x.shape;
  const images = tf.split(tf.reshape(x, [k * batch, h, w, 1]), k, 0) as tf.Tensor4D[];
  const [w1s, w2s] = [tf.split(w1, k, 2), tf.split(w2, k, 2)] as tf.Tensor4D[][];
  const [b1s, b2s] = [tf.split(b1, k, 0), tf.split(b2, k, 0)];
  const features = images.map((xi, i) => {
    const h1 = tf.relu(tf.add(tf.conv2d(xi, w1s[i], 1, 'valid'), b1s[i])) as tf.Tensor4D;
    const h2 = tf.relu(tf.add(tf.conv2d(tf.maxPool(h1, 2, 2, 'valid'), w2s[i], 1, 'valid'), b2s[i])) as tf.Tensor4D;
    const p2 = tf.maxPool(h2, 2, 2, 'valid');
    return tf.reshape(p2, [batch, p2.size / batch]);
  });
  return tf.stack(features) as tf.Tensor3D;
}

/** Logits [K,B,10] of every model for its own images x [K,B,28,28]. */
export function batchedLogits(model: BatchedCnn, x: tf.Tensor4D, convs: BatchedConvs = convsFor(tf.getBackend())): tf.Tensor3D {
  const [, , , , w3, b3, w4, b4, w5, b5] = model.vars;
  const flat = convs === 'split' ? splitFeatures(model, x) : groupedFeatures(model, x);
  const f1 = tf.relu(tf.add(tf.matMul(flat, w3), b3));
  const f2 = tf.relu(tf.add(tf.matMul(f1, w4), b4));
  return tf.add(tf.matMul(f2, w5), b5) as tf.Tensor3D;
}
