/**
 * The base model a CLI command trains before it explains anything (the CLI keeps no saved model): quick
 * settings, progress on stderr, its test accuracy said. `roar attribute` and `roar sanity` share it.
 */
import { REFERENCE_TRAIN, type TrainConfig } from '../engine/defaults';
import { head, type Mnist } from '../engine/data/mnist';
import { createCnn, disposeCnn, type Cnn } from '../engine/model/cnn';
import { train } from '../engine/training/train';
import { evaluate } from '../engine/training/evaluate';
import { runHealth, type RunHealth } from '../engine/training/health';

/** The quick base model: lr 0.01 reaches ~97–98 % in one epoch, where the reference 1e-3 needs ten (platform-notes §2). */
export const QUICK_TRAIN = { learningRate: 0.01, momentum: 0.9, batchSize: 64 } as const;

/** The reference setting with the quick optimiser settings and the given epochs, training images and seed. */
export function quickTrainConfig(epochs: number, trainSize: number, seed: number): TrainConfig {
  return { ...REFERENCE_TRAIN, ...QUICK_TRAIN, epochs, trainSize, seed };
}

/**
 * Trains a model from `cfg.seed`'s initial weights, reporting on `log`, and judges whether it learnt
 * (training/health.ts); the caller disposes of the model.
 */
export async function trainQuickModel(mnist: Mnist, cfg: TrainConfig, on: string, log: (s: string) => void): Promise<{ model: Cnn; accuracy: number; health: RunHealth }> {
  log(
    `Training a base model first (the CLI keeps no saved model): ${cfg.epochs} epoch(s) on ${cfg.trainSize.toLocaleString('en')} training images, ` +
      `lr ${cfg.learningRate}, momentum ${cfg.momentum}, batch ${cfg.batchSize}, seed ${cfg.seed}, on ${on}.\n`,
  );
  const model = createCnn(cfg.seed);
  try {
    const outcome = await train(model, head(mnist.train, cfg.trainSize), cfg, {
      reportEvery: 50,
      onProgress: (p) => log(`\repoch ${p.epoch + 1}/${cfg.epochs}  batch ${p.batch}/${p.batchesPerEpoch}  loss ${p.loss.toFixed(4)}   `),
      onEpochEnd: () => log('\n'),
    });
    const evaluation = await evaluate(model, mnist.test);
    const health = runHealth(evaluation, outcome.lossCurves[0], { baseAccuracy: null, unmasked: false });
    log(`base model test accuracy ${(evaluation.accuracy * 100).toFixed(2)} %\n`);
    const warning = baseModelWarning(health);
    if (warning) log(`${warning}\n`);
    return { model, accuracy: evaluation.accuracy, health };
  } catch (e) {
    disposeCnn(model);
    throw e;
  }
}

/** What a command says before results that rest on a base model that did not learn, or is still learning; null if it learnt. */
export function baseModelWarning(health: RunHealth): string | null {
  const f = health.flags;
  if (f.includes('collapsed') || f.includes('chance')) {
    return `Warning: the base model did not learn (${f.join(', ')}), so what follows says nothing about the methods; train it longer (--epochs, --train-size).`;
  }
  if (f.includes('unconverged')) return 'Note: the base model was still learning when its training ended; more epochs would change what follows.';
  return null;
}
