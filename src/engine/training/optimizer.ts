/**
 * The optimisers a run can train with, each written out rather than taken from tf.train, whose optimisers
 * leave tensors behind on dispose (platform-notes §4 (a), (b)) — a sweep trains hundreds of models and the
 * lab keeps tf.memory() flat. Both follow PyTorch's definitions, so settings mean what they mean there:
 *
 * - SGD with momentum (seed 000's reference optimiser): v ← μv + g; θ ← θ − η_t·v.
 * - Adam (Kingma & Ba 2015, PyTorch's form): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 *   θ ← θ − (η_t / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε), with β₁ the config's momentum, β₂ 0.999, ε 1e-8.
 *
 * η_t is the learning rate, raised linearly over the first `warmupSteps` steps when a warm-up is set
 * (Goyal et al. 2017): one way off the loss plateau that heavily masked retrains sit on (science.md §7).
 * Both act elementwise, so K models stacked into one graph (batchedTrain.ts) each follow their own path.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../defaults';

export interface Optimizer {
  /** One step on the gradient of `loss` (a function of the variables); returns the loss, which the caller owns. */
  step(loss: () => tf.Scalar): tf.Scalar;
  dispose(): void;
}

export type OptimizerConfig = Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum' | 'warmupSteps'>;

const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

/** The learning rate of step `t` (0-based): linear warm-up to `learningRate` over `warmupSteps` steps. */
export function learningRateAt(cfg: Pick<TrainConfig, 'learningRate' | 'warmupSteps'>, t: number): number {
  return cfg.warmupSteps > 0 ? cfg.learningRate * Math.min(1, (t + 1) / cfg.warmupSteps) : cfg.learningRate;
}

/** Zero state shaped like each variable, created inside tidy so the zeros are freed (platform-notes §4 (c)). */
const zerosLike = (vars: readonly tf.Variable[]): tf.Variable[] => tf.tidy(() => vars.map((v) => tf.variable(tf.zerosLike(v), false)));

export function createOptimizer(vars: readonly tf.Variable[], cfg: OptimizerConfig): Optimizer {
  const mu = tf.scalar(cfg.momentum);
  const first = zerosLike(vars);
  const second = cfg.optimizer === 'adam' ? zerosLike(vars) : [];
  // A constant rate is uploaded once; a warm-up uploads one scalar per step while it lasts.
  const constantRate = tf.scalar(cfg.learningRate);
  const adam = cfg.optimizer === 'adam' ? { oneMinusMu: tf.scalar(1 - cfg.momentum), beta2: tf.scalar(ADAM_BETA2), oneMinusBeta2: tf.scalar(1 - ADAM_BETA2) } : null;
  let t = 0;
  return {
    step(loss) {
      const { value, grads } = tf.variableGrads(loss, vars as tf.Variable[]);
      const rate = learningRateAt(cfg, t);
      t++;
      tf.tidy(() => {
        vars.forEach((v, i) => {
          const g = grads[v.name];
          const m = first[i];
          if (!adam) {
            m.assign(tf.add(tf.mul(mu, m), g));
            v.assign(tf.sub(v, tf.mul(rate === cfg.learningRate ? constantRate : tf.scalar(rate), m)));
            return;
          }
          const s = second[i];
          m.assign(tf.add(tf.mul(mu, m), tf.mul(adam.oneMinusMu, g)));
          s.assign(tf.add(tf.mul(adam.beta2, s), tf.mul(adam.oneMinusBeta2, tf.square(g))));
          const stepSize = rate / (1 - cfg.momentum ** t);
          const denom = tf.add(tf.div(tf.sqrt(s), Math.sqrt(1 - ADAM_BETA2 ** t)), ADAM_EPSILON);
          v.assign(tf.sub(v, tf.mul(tf.scalar(stepSize), tf.div(m, denom))));
        });
      });
      tf.dispose(grads);
      return value;
    },
    dispose() {
      tf.dispose([...first, ...second, mu, constantRate, ...(adam ? Object.values(adam) : [])]);
    },
  };
}
