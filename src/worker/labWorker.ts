/**
 * The lab's Web Worker: owns the data, the backend and the base model, and runs every long job off the
 * main thread. One job at a time; each reports progress and can be stopped.
 */
import { initBrowserBackend } from './browserBackends';
import { loadMnistBrowser } from './loadMnistBrowser';
import type { WorkerEvent, WorkerRequest } from './protocol';
import type { Mnist } from '../engine/data/mnist';
import { head } from '../engine/data/mnist';
import { createCnn, disposeCnn, type Cnn } from '../engine/model/cnn';
import { train } from '../engine/training/train';
import { evaluate } from '../engine/training/evaluate';
import type { BackendName, TrainConfig } from '../engine/defaults';

const post = (e: WorkerEvent): void => postMessage(e);

let mnist: Mnist | null = null;
let backendName: BackendName | null = null;
/** The base model: the last one trained, kept (even when stopped early) for attribution. */
let model: Cnn | null = null;
const jobs = new Map<number, AbortController>();

async function init(forced: BackendName | null, dataBaseUrl: string): Promise<void> {
  try {
    const info = await initBrowserBackend(forced);
    backendName = info.name;
    post({ type: 'backendReady', backend: info });
  } catch (e) {
    post({ type: 'initError', stage: 'backend', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  try {
    mnist = await loadMnistBrowser(dataBaseUrl);
    post({
      type: 'dataReady',
      data: { train: mnist.train.count, test: mnist.test.count, firstTrainLabels: Array.from(mnist.train.labels.subarray(0, 5)) },
    });
  } catch (e) {
    post({ type: 'initError', stage: 'data', message: e instanceof Error ? e.message : String(e) });
  }
}

async function runTraining(jobId: number, config: TrainConfig): Promise<void> {
  if (!mnist || !backendName) throw new Error('The data or the backend is not ready yet.');
  const controller = new AbortController();
  jobs.set(jobId, controller);
  const trainSet = head(mnist.train, config.trainSize);
  const testSet = head(mnist.test, config.testSize);
  const next = createCnn(config.seed);
  try {
    const outcome = await train(next, trainSet, config, {
      signal: controller.signal,
      onProgress: async (progress) => {
        post({ type: 'trainProgress', jobId, progress });
        // Yield to the event loop so a Stop message can arrive between reports.
        await new Promise((r) => setTimeout(r, 0));
      },
      onEpochEnd: async (epoch) => {
        const ev = await evaluate(next, testSet);
        post({ type: 'trainEpoch', jobId, epoch, testAccuracy: ev.accuracy, samplesSeen: (epoch + 1) * trainSet.count });
      },
    });
    const evaluation = await evaluate(next, testSet);
    if (model) disposeCnn(model);
    model = next;
    post({ type: 'trainDone', jobId, config, outcome, evaluation, backend: backendName });
  } catch (e) {
    disposeCnn(next);
    throw e;
  } finally {
    jobs.delete(jobId);
  }
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'init':
      void init(msg.backend, msg.dataBaseUrl);
      break;
    case 'train':
      runTraining(msg.jobId, msg.config).catch((e: unknown) =>
        post({ type: 'jobError', jobId: msg.jobId, message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    case 'stop':
      jobs.get(msg.jobId)?.abort();
      break;
  }
};
