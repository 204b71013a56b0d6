/**
 * The lab's Web Worker: owns the data, the backend, the base model and the sweep cache, and runs every long
 * job off the main thread. One job at a time: a job sent while another runs is refused with a jobError that
 * says so. Each job's settings are checked against their schemas first; each reports progress and can be
 * stopped (and sweeps paused). A sweep keeps its base models and orders as checkpoints, so that resuming it
 * after a reload starts where it was.
 */
import { initBrowserBackend } from './browserBackends';
import { loadMnistBrowser } from './loadMnistBrowser';
import type { GalleryRequest, WorkerEvent, WorkerRequest } from './protocol';
import { PauseGate } from './pauseGate';
import { resolveDigits } from './resolveDigits';
import { DATASETS, DEFAULT_DATASET, type DatasetId } from '../engine/data/datasets';
import type { Mnist } from '../engine/data/mnist';
import { head } from '../engine/data/mnist';
import { cnnFromWeights, createCnn, disposeCnn, readWeights, type Cnn } from '../engine/model/cnn';
import { webgpuAdapterName, webgpuDevice } from '../engine/backend/webgpuDevice';
import { FUSED_MAPS_NOTE, FusedExecutor } from '../engine/gpu/fusedExecutor';
import { fusedGradients } from '../engine/gpu/fusedGradients';
import { trainAndScoreFused } from '../engine/gpu/fusedTrain';
import { train } from '../engine/training/train';
import { evaluate } from '../engine/training/evaluate';
import { MODELS_PER_STEP, type BackendName, type TrainConfig } from '../engine/defaults';
import { galleryGrid } from '../engine/gallery/galleryGrid';
import { runSweep } from '../engine/sweep/runSweep';
import { InProcessExecutor } from '../engine/sweep/inProcessExecutor';
import type { SweepExecutor } from '../engine/sweep/executor';
import { poolSize, startBrowserPool, type BrowserPool } from './browserPool';
import { SweepCache } from '../engine/sweep/sweepCache';
import { SWEEP_FIELDS, sweepConfigErrors, sweepSchema, type SweepConfig } from '../engine/sweep/sweepConfig';
import { parseUntrusted } from '../engine/config/field';
import { trainSchema } from '../engine/config/trainConfig';
import { galleryRequestSchema } from '../engine/gallery/galleryRequest';
import { checkpointsFor, clearCheckpoints } from './checkpointStore';
import type { Shard } from '../engine/sweep/results';
import { shardSchema } from '../engine/sweep/resultsSchema';
import { evaluateMetrics } from '../engine/metrics/evaluateMetrics';
import { sanityJob } from '../engine/sanity/sanityJob';
import { sanityRequestSchema, type SanityRequest } from '../engine/sanity/sanityRequest';
import { metricsRequestSchema, type MetricsRequest } from '../engine/metrics/metricsRequest';

const post = (e: WorkerEvent): void => postMessage(e);
/** Lets queued messages (Stop, Pause) in between reports. */
const yieldToEvents = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Each dataset, loaded when a job first needs it (the default one at start) and kept. */
const datasets = new Map<DatasetId, Promise<Mnist>>();
let dataLoaded = false;
let backendName: BackendName | null = null;
/** The backend as recorded with results (WASM SIMD/threads, WebGPU adapter). */
let backendDetails = '';
/** The base model: the last one trained, kept (even when stopped early) for attribution, and its dataset. */
let model: Cnn | null = null;
let modelDataset: DatasetId = DEFAULT_DATASET;
const sweepCache = new SweepCache();
let dataBaseUrl = '';
/** Sweep workers, started at the first sweep and kept (with their caches and data) for the next on the same dataset. */
let pool: { dataset: DatasetId; started: Promise<BrowserPool | null> } | null = null;
/** On WebGPU, the fused kernels' executor, started at the first sweep and kept for the next on the same dataset. */
let fused: FusedExecutor | null = null;
const jobs = new Map<number, { controller: AbortController; gate: PauseGate; executor?: SweepExecutor }>();

function dataOf(dataset: DatasetId): Promise<Mnist> {
  let data = datasets.get(dataset);
  if (!data) {
    data = loadMnistBrowser(dataBaseUrl, dataset);
    // A failed download is tried again by the next job that needs the dataset.
    data.catch(() => datasets.delete(dataset));
    datasets.set(dataset, data);
  }
  return data;
}

async function init(forced: BackendName | null, baseUrl: string): Promise<void> {
  dataBaseUrl = baseUrl;
  try {
    const found = await initBrowserBackend(forced);
    // On WebGPU the fused kernels train (engine/gpu): the badge and every result's provenance say so.
    const info = found.name === 'webgpu' ? { ...found, details: `WebGPU on ${webgpuAdapterName() ?? 'an unknown adapter'}, fused kernels` } : found;
    backendName = info.name;
    backendDetails = info.details;
    post({ type: 'backendReady', backend: info });
  } catch (e) {
    post({ type: 'initError', stage: 'backend', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  try {
    const mnist = await dataOf(DEFAULT_DATASET);
    dataLoaded = true;
    post({
      type: 'dataReady',
      data: { train: mnist.train.count, test: mnist.test.count, firstTrainLabels: Array.from(mnist.train.labels.subarray(0, 5)) },
    });
  } catch (e) {
    post({ type: 'initError', stage: 'data', message: e instanceof Error ? e.message : String(e) });
  }
}

async function ready(dataset: DatasetId): Promise<{ mnist: Mnist; backend: BackendName }> {
  if (!dataLoaded || !backendName) throw new Error('The data or the backend is not ready yet.');
  return { mnist: await dataOf(dataset), backend: backendName };
}

async function runTraining(jobId: number, config: TrainConfig, dataset: DatasetId, signal: AbortSignal): Promise<void> {
  const { mnist, backend } = await ready(dataset);
  const trainSet = head(mnist.train, config.trainSize);
  const testSet = head(mnist.test, config.testSize);
  const device = webgpuDevice();
  if (device) {
    const { outcome, evaluations } = await trainAndScoreFused(device, trainSet, testSet, [config], {
      signal,
      onProgress: async (progress) => {
        post({ type: 'trainProgress', jobId, progress });
        await yieldToEvents();
      },
      onEpochScore: (epoch, [testAccuracy]) => post({ type: 'trainEpoch', jobId, epoch, testAccuracy, samplesSeen: (epoch + 1) * trainSet.count }),
    });
    const { weights, ...rest } = outcome;
    // Maps and the gallery run on tfjs's kernels, on the same device.
    if (model) disposeCnn(model);
    model = cnnFromWeights(weights[0]);
    modelDataset = dataset;
    post({ type: 'trainDone', jobId, config, dataset, outcome: rest, evaluation: evaluations[0], backend });
    return;
  }
  const next = createCnn(config.seed);
  try {
    const outcome = await train(next, trainSet, config, {
      signal,
      onProgress: async (progress) => {
        post({ type: 'trainProgress', jobId, progress });
        await yieldToEvents();
      },
      onEpochEnd: async (epoch) => {
        const ev = await evaluate(next, testSet);
        post({ type: 'trainEpoch', jobId, epoch, testAccuracy: ev.accuracy, samplesSeen: (epoch + 1) * trainSet.count });
      },
    });
    const evaluation = await evaluate(next, testSet);
    if (model) disposeCnn(model);
    model = next;
    modelDataset = dataset;
    post({ type: 'trainDone', jobId, config, dataset, outcome, evaluation, backend });
  } catch (e) {
    disposeCnn(next);
    throw e;
  }
}

async function runGallery(jobId: number, request: GalleryRequest): Promise<void> {
  if (!model) throw new Error('Train a base model first (step 1): the maps explain its decisions.');
  const { mnist } = await ready(modelDataset);
  const start = performance.now();
  const inputs = await resolveDigits(request.digits, mnist.test, model);
  // On WebGPU the maps built from input gradients come from the fused kernels, as a sweep's do.
  const device = webgpuDevice();
  const fused = device ? await fusedGradients(device, await readWeights(model)) : null;
  try {
    const images = await galleryGrid(model, inputs, request.methods, request.thresholds, request.mask, request.target, request.mapSeed, DATASETS[modelDataset], fused?.gradients);
    post({ type: 'galleryDone', jobId, images, seconds: (performance.now() - start) / 1000 });
  } finally {
    fused?.destroy();
  }
}

async function runMetrics(jobId: number, request: MetricsRequest, signal: AbortSignal): Promise<void> {
  if (!model) throw new Error('Train a base model first (step 1): the metrics score its decisions.');
  const { mnist } = await ready(modelDataset);
  let lastPost = 0;
  const result = await evaluateMetrics(model, mnist.test, request, {
    signal,
    onProgress: async (done, total, message) => {
      const now = performance.now();
      if (now - lastPost >= 200 || done === total) {
        lastPost = now;
        post({ type: 'metricsProgress', jobId, done, total, message });
      }
      await yieldToEvents();
    },
  });
  post({ type: 'metricsDone', jobId, result });
}

async function runSanity(jobId: number, request: SanityRequest, signal: AbortSignal): Promise<void> {
  if (!model) throw new Error('Train a base model first (step 1): the checks randomise its layers.');
  const { mnist } = await ready(modelDataset);
  let lastPost = 0;
  const outcome = await sanityJob(model, mnist, request, {
    signal,
    onProgress: async (message, fraction) => {
      const now = performance.now();
      if (now - lastPost >= 200) {
        lastPost = now;
        post({ type: 'sanityProgress', jobId, fraction, message });
      }
      await yieldToEvents();
    },
  });
  post({ type: 'sanityDone', jobId, outcome });
}

/**
 * One worker per core on the CPU backends; on WebGPU the fused kernels here, MODELS_PER_STEP runs per
 * dispatch; on WebGL MODELS_PER_STEP runs batched into one model; if the workers cannot start, the sweep
 * runs here one run at a time.
 */
async function sweepExecutor(mnist: Mnist, backend: BackendName): Promise<{ executor: SweepExecutor; details: string | null }> {
  const n = poolSize(backend);
  if (n > 1) {
    if (pool?.dataset !== mnist.dataset) {
      // One pool at a time: each of its workers holds a copy of its dataset.
      void pool?.started.then((p) => p?.close());
      pool = { dataset: mnist.dataset, started: startBrowserPool(n, backend, dataBaseUrl, mnist.dataset).catch(() => null) };
    }
    const p = await pool.started;
    if (p) return { executor: p.executor, details: p.details };
  }
  const k = MODELS_PER_STEP[backend];
  const device = webgpuDevice();
  if (device) {
    // Kept for the next sweep with the data it put on the GPU, as the pool keeps its workers.
    if (fused?.dataset !== mnist.dataset) {
      fused?.freeGpu();
      fused = new FusedExecutor(mnist, device, backend, sweepCache, yieldToEvents, k);
    }
    return { executor: fused, details: `${backendDetails} · ${k} runs per dispatch · ${FUSED_MAPS_NOTE}` };
  }
  return {
    executor: new InProcessExecutor(mnist, backend, sweepCache, yieldToEvents, k),
    details: k > 1 ? `${backendDetails} · ${k} runs trained together per step` : null,
  };
}

async function runSweepJob(jobId: number, id: string, raw: SweepConfig, completed: string[], shard: Shard | null, signal: AbortSignal, gate: PauseGate): Promise<void> {
  const errors = sweepConfigErrors(raw);
  if (errors.length) throw new Error(errors.join(' '));
  // Read through the schema, so that a configuration from before the dataset setting runs on MNIST.
  const config = checked(sweepSchema, raw, 'The sweep settings');
  const { mnist, backend } = await ready(config.dataset);
  if (!Array.isArray(completed) || completed.some((k) => typeof k !== 'string')) throw new Error('The finished runs of a sweep must be a list of run keys.');
  const part = shard === null ? null : checked(shardSchema, shard, 'The shard');
  const { executor, details } = await sweepExecutor(mnist, backend);
  const job = jobs.get(jobId);
  if (job) job.executor = executor;
  post({ type: 'sweepStarted', jobId, parallelism: executor.parallelism, details });
  let lastPost = 0;
  const outcome = await runSweep(mnist, config, backend, {
    signal,
    cache: sweepCache,
    executor,
    completed: new Set(completed),
    shard: part,
    waitIfPaused: async () => {
      await yieldToEvents();
      await gate.wait();
    },
    onProgress: (progress) => {
      // At most ~5 progress messages a second: the page only needs to look alive.
      const now = performance.now();
      if (now - lastPost < 200 && progress.fraction < 1) return;
      lastPost = now;
      post({ type: 'sweepProgress', jobId, progress });
    },
    onBase: (base) => post({ type: 'sweepBase', jobId, base }),
    onNoRetrain: (result) => post({ type: 'sweepNoRetrain', jobId, result }),
    onRun: (run) => post({ type: 'sweepRun', jobId, run }),
    checkpoints: checkpointsFor(id),
  });
  if (!outcome.cancelled) await clearCheckpoints(id);
  post({ type: 'sweepDone', jobId, cancelled: outcome.cancelled });
}

/** What a job's settings must look like, checked before it starts: the page is not the only one who can post here. */
function checked<T>(schema: Parameters<typeof parseUntrusted<T>>[0], value: unknown, what: string): T {
  const r = parseUntrusted(schema, value, what);
  if ('error' in r) throw new Error(r.error);
  return r.value;
}

function startJob(jobId: number, work: (signal: AbortSignal, gate: PauseGate) => Promise<void>): void {
  const running = [...jobs.keys()];
  if (running.length) {
    post({ type: 'jobError', jobId, message: `The lab is still busy with another job (${running.length === 1 ? 'it' : 'they'} must finish or be stopped first).` });
    return;
  }
  const job = { controller: new AbortController(), gate: new PauseGate() };
  jobs.set(jobId, job);
  // Inside an async function, so that settings refused before the work starts become a jobError too.
  (async () => work(job.controller.signal, job.gate))()
    .catch((e: unknown) => post({ type: 'jobError', jobId, message: e instanceof Error ? e.message : String(e) }))
    .finally(() => jobs.delete(jobId));
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'init':
      void init(msg.backend, msg.dataBaseUrl);
      break;
    case 'train':
      startJob(msg.jobId, (signal) =>
        runTraining(msg.jobId, checked(trainSchema, msg.config, 'The training settings'), checked(SWEEP_FIELDS.dataset.schema, msg.dataset, 'The dataset'), signal),
      );
      break;
    case 'gallery':
      startJob(msg.jobId, () => runGallery(msg.jobId, checked(galleryRequestSchema, msg.request, 'The gallery request')));
      break;
    case 'metrics':
      startJob(msg.jobId, (signal) => runMetrics(msg.jobId, checked(metricsRequestSchema, msg.request, 'The metrics request'), signal));
      break;
    case 'sanity':
      startJob(msg.jobId, (signal) => runSanity(msg.jobId, checked(sanityRequestSchema, msg.request, 'The sanity-check request'), signal));
      break;
    case 'sweep':
      startJob(msg.jobId, (signal, gate) => runSweepJob(msg.jobId, msg.id, msg.config, msg.completed, msg.shard ?? null, signal, gate));
      break;
    case 'pause':
      jobs.get(msg.jobId)?.gate.pause();
      jobs.get(msg.jobId)?.executor?.pause();
      break;
    case 'resume':
      jobs.get(msg.jobId)?.gate.resume();
      jobs.get(msg.jobId)?.executor?.resume();
      break;
    case 'stop': {
      const job = jobs.get(msg.jobId);
      job?.gate.resume();
      job?.controller.abort();
      break;
    }
  }
};
