/**
 * SGD with momentum as PyTorch defines it (v ← μv + g; θ ← θ − ηv), the optimiser of seed 000's reference
 * setting. Written out rather than using tf.train.momentum because that one's dispose() leaves its
 * learning-rate scalar behind (platform-notes §4 (b)), one tensor per trained model: a sweep trains
 * hundreds, and the lab keeps tf.memory() flat.
 */
import * as tf from '@tensorflow/tfjs';

export class SgdMomentum {
  private readonly velocity: tf.Variable[];
  private readonly lr: tf.Scalar;
  private readonly mu: tf.Scalar;

  constructor(
    private readonly vars: readonly tf.Variable[],
    learningRate: number,
    momentum: number,
  ) {
    // Inside tidy so the zeros the variables start from are freed (platform-notes §4 (c)).
    this.velocity = tf.tidy(() => vars.map((v) => tf.variable(tf.zerosLike(v), false)));
    this.lr = tf.scalar(learningRate);
    this.mu = tf.scalar(momentum);
  }

  /** One step on the gradient of `loss` (a function of the variables); returns the loss, which the caller owns. */
  step(loss: () => tf.Scalar): tf.Scalar {
    const { value, grads } = tf.variableGrads(loss, this.vars as tf.Variable[]);
    tf.tidy(() => {
      this.vars.forEach((v, i) => {
        const vel = this.velocity[i];
        vel.assign(tf.add(tf.mul(this.mu, vel), grads[v.name]));
        v.assign(tf.sub(v, tf.mul(this.lr, vel)));
      });
    });
    tf.dispose(grads);
    return value;
  }

  dispose(): void {
    tf.dispose([...this.velocity, this.lr, this.mu]);
  }
}
