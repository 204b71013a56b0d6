/** Logits of many images, computed in chunks and read back to JS (for targets and the IG completeness check). */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS } from '../defaults';
import { logits, toInput, type Cnn } from '../model/cnn';
import { ROWS_PER_CALL } from './chunk';

/** batch·10 pre-softmax logits, row-major. */
export async function forwardLogits(model: Cnn, inputs: Float32Array, batch: number): Promise<Float32Array> {
  if (inputs.length !== batch * PIXELS) throw new Error(`expected ${batch}·${PIXELS} input values, got ${inputs.length}`);
  const out = new Float32Array(batch * NUM_CLASSES);
  for (let start = 0; start < batch; start += ROWS_PER_CALL) {
    const n = Math.min(ROWS_PER_CALL, batch - start);
    const z = tf.tidy(() => logits(model, toInput(inputs.subarray(start * PIXELS, (start + n) * PIXELS), n)));
    try {
      out.set(await z.data(), start * NUM_CLASSES);
    } finally {
      z.dispose();
    }
  }
  return out;
}
