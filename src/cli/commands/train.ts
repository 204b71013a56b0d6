/** `roar train`: trains the reference CNN in Node and prints test accuracy and throughput. */
import * as tf from '@tensorflow/tfjs';
import { REFERENCE_TRAIN, type BackendName, type TrainConfig } from '../../engine/defaults';
import { head } from '../../engine/data/mnist';
import { createCnn, disposeCnn } from '../../engine/model/cnn';
import { train } from '../../engine/training/train';
import { evaluate } from '../../engine/training/evaluate';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { parseFlags, type FlagSpec } from '../args';
import { applyTrainFlags, trainFlagSpecs, trainFlagsUsage } from '../trainFlags';

const FLAGS: Record<string, FlagSpec> = {
  ...trainFlagSpecs(),
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  json: { kind: 'boolean' },
};

export const trainUsage = `roar train ${trainFlagsUsage()} [--backend wasm|cpu] [--json]
  Defaults: the reference setting of seed 000 (lr ${REFERENCE_TRAIN.learningRate}, momentum ${REFERENCE_TRAIN.momentum}, batch ${REFERENCE_TRAIN.batchSize}, ${REFERENCE_TRAIN.epochs} epochs, all 60,000 training images).`;

export async function trainCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  const cfg: TrainConfig = applyTrainFlags(REFERENCE_TRAIN, f);
  const json = f.json === true;
  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  const log = (s: string): void => void process.stderr.write(s);
  if (backend.notice) log(`${backend.notice}\n`);
  const mnist = loadMnistNode();
  const model = createCnn(cfg.seed);
  const outcome = await train(model, head(mnist.train, cfg.trainSize), cfg, {
    reportEvery: 50,
    onProgress: (p) => {
      if (!json) log(`\repoch ${p.epoch + 1}/${cfg.epochs}  batch ${p.batch}/${p.batchesPerEpoch}  loss ${p.loss.toFixed(4)}  ${Math.round(p.samplesPerSec)} samples/s   `);
    },
    onEpochEnd: () => {
      if (!json) log('\n');
    },
  });
  const ev = await evaluate(model, head(mnist.test, cfg.testSize));
  disposeCnn(model);
  const result = {
    command: 'train',
    config: cfg,
    backend: backend.name,
    backendDetails: backend.details,
    testAccuracy: ev.accuracy,
    testCount: ev.count,
    precision: ev.precision,
    samplesPerSec: outcome.samplesPerSec,
    trainSeconds: outcome.elapsedMs / 1000,
    numTensors: tf.memory().numTensors,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `test accuracy ${(ev.accuracy * 100).toFixed(2)} % on ${ev.count} images; ${Math.round(outcome.samplesPerSec)} samples/s on ${backend.details}; ${(outcome.elapsedMs / 1000).toFixed(1)} s training\n`,
    );
  return 0;
}
