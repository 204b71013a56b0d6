/** Training throughput in Node, per backend, on real MNIST. */
import { head } from '../src/engine/data/mnist';
import { REFERENCE_TRAIN, type BackendName } from '../src/engine/defaults';
import { createCnn, disposeCnn } from '../src/engine/model/cnn';
import { train } from '../src/engine/training/train';
import { loadMnistNode } from '../src/node/loadMnist';
import { initNodeBackend } from '../src/node/nodeBackend';

export interface ThroughputRow {
  where: string;
  backend: string;
  samples: number;
  samplesPerSec: number[];
}

export async function nodeTraining(backend: BackendName, samples: number, repeats: number): Promise<ThroughputRow> {
  const info = await initNodeBackend(backend);
  if (info.name !== backend) throw new Error(`${backend} did not start: ${info.notice}`);
  const mnist = loadMnistNode();
  const rates: number[] = [];
  // One short warm-up run so that kernel set-up is not counted.
  for (let r = 0; r <= repeats; r++) {
    const n = r === 0 ? 256 : samples;
    const model = createCnn(r + 1);
    const out = await train(model, head(mnist.train, n), { ...REFERENCE_TRAIN, epochs: 1, trainSize: n, learningRate: 0.01 });
    disposeCnn(model);
    if (r > 0) rates.push(out.samplesPerSec);
  }
  return { where: 'Node', backend: info.details, samples, samplesPerSec: rates };
}
