/**
 * Runs a sweep (science.md §4): train (or reuse) the base model, rank every train and test image by each
 * method, score the base model on the masked test sets (no-retrain), then retrain a fresh model per method ×
 * threshold × seed. Finished runs are reported one by one; runs already done are skipped (resume); an abort
 * stops between batches and keeps what finished.
 */
import { type BackendName } from '../defaults';
import { head, type Mnist } from '../data/mnist';
import { createCnn, type Cnn } from '../model/cnn';
import { deriveSeed } from '../random';
import { train } from '../training/train';
import { evaluate } from '../training/evaluate';
import { MNIST_TRAIN_COUNT } from '../defaults';
import { rankSplit } from './rankMethod';
import { evaluateMasked, retrainRun } from './retrainRun';
import { jsonPrecision, type NoRetrainResult, type RunResult } from './results';
import { SweepCache, type Rankings } from './sweepCache';
import { methodKey, withRandomBaseline, type SweepConfig } from './sweepConfig';
import { isUnmasked, planRuns, UNMASKED } from './sweepPlan';

export type SweepStage = 'base' | 'maps' | 'noRetrain' | 'runs';

export interface SweepProgress {
  stage: SweepStage;
  /** What is being done now, in words. */
  message: string;
  /** 0…1 within the whole sweep, weighted by estimated work. */
  fraction: number;
  runsDone: number;
  runsTotal: number;
  samplesPerSec: number | null;
  etaSeconds: number | null;
}

export interface SweepHooks {
  signal?: AbortSignal;
  /** Awaited between batches: resolves at once unless the sweep is paused. */
  waitIfPaused?: () => Promise<void>;
  onProgress?: (p: SweepProgress) => void;
  onBase?: (accuracy: number) => void | Promise<void>;
  onNoRetrain?: (r: NoRetrainResult) => void | Promise<void>;
  onRun?: (r: RunResult) => void | Promise<void>;
  /** Keys of runs finished earlier (a resumed sweep): not run again. */
  completed?: ReadonlySet<string>;
  cache?: SweepCache;
}

export interface SweepOutcome {
  cancelled: boolean;
  runsDone: number;
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

export async function runSweep(mnist: Mnist, raw: SweepConfig, backend: BackendName, hooks: SweepHooks = {}): Promise<SweepOutcome> {
  const config = withRandomBaseline(raw);
  const cache = hooks.cache ?? new SweepCache();
  const { signal } = hooks;
  const trainSet = head(mnist.train, config.retrain.trainSize);
  const testSet = head(mnist.test, config.retrain.testSize);
  const plan = planRuns(config);
  const todo = plan.filter((r) => !hooks.completed?.has(r.key));
  const runSamples = config.retrain.trainSize * config.retrain.epochs;
  // Rough work weights so that the progress bar moves evenly: one training sample ≈ 3 forward passes.
  const mapImages = config.methods.length * (trainSet.count + testSet.count);
  const baseWork = config.base.trainSize * config.base.epochs;
  const totalWork = baseWork + mapImages + todo.length * runSamples;
  let workDone = 0;
  let runsDone = plan.length - todo.length;
  const startedAt = Date.now();
  let runPhaseStart = 0;
  let runSamplesDone = 0;

  const report = (stage: SweepStage, message: string, samplesPerSec: number | null = null): void => {
    let etaSeconds: number | null = null;
    if (stage === 'runs' && runSamplesDone > 0) {
      const rate = runSamplesDone / ((Date.now() - runPhaseStart) / 1000);
      etaSeconds = (todo.length * runSamples - runSamplesDone) / rate;
    } else if (workDone > 0) {
      etaSeconds = ((Date.now() - startedAt) / 1000 / workDone) * (totalWork - workDone);
    }
    hooks.onProgress?.({ stage, message, fraction: Math.min(1, workDone / totalWork), runsDone, runsTotal: plan.length, samplesPerSec, etaSeconds });
  };
  const pause = async (): Promise<void> => {
    await hooks.waitIfPaused?.();
    signal?.throwIfAborted();
  };

  try {
    // 1. The base model, cached per training configuration (deterministic for a backend).
    const baseKey = `${backend}:${JSON.stringify(config.base)}`;
    let base: Cnn | null = cache.baseModel(baseKey);
    if (!base) {
      const model = createCnn(config.base.seed);
      const out = await train(model, head(mnist.train, config.base.trainSize), config.base, {
        signal,
        onProgress: async (p) => {
          workDone = p.samplesSeen;
          report('base', `Training the base model: ${p.samplesSeen.toLocaleString('en')} / ${p.totalSamples.toLocaleString('en')} images`, p.samplesPerSec);
          await pause();
        },
      });
      if (out.stopped) throw new DOMException('The sweep was cancelled.', 'AbortError');
      cache.setBaseModel(baseKey, model);
      base = model;
    }
    workDone = baseWork;
    await hooks.onBase?.((await evaluate(base, testSet)).accuracy);

    // 2. Rankings of every train and test image, per method.
    const rankings = new Map<string, Rankings>();
    const mapsBefore = workDone;
    for (const [i, spec] of config.methods.entries()) {
      const key = methodKey(spec);
      const cacheKey = `${key}|${config.target}|${config.mapSeed}|${JSON.stringify(config.mask)}|${trainSet.count}|${testSet.count}`;
      let r = cache.getRankings(cacheKey);
      if (!r) {
        const rank = async (split: typeof trainSet, first: number, offset: number, what: string) =>
          rankSplit(base, split, spec, config.target, config.mapSeed, config.mask, first, {
            signal,
            onProgress: async (p) => {
              workDone = mapsBefore + i * (trainSet.count + testSet.count) + offset + p.done;
              report('maps', `Attribution maps: ${key}, ${what} ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${Math.round(p.mapsPerSec)} maps/s)`);
              await pause();
            },
          });
        r = { train: await rank(trainSet, 0, 0, 'training images'), test: await rank(testSet, MNIST_TRAIN_COUNT, trainSet.count, 'test images') };
        cache.setRankings(cacheKey, r);
      }
      rankings.set(key, r);
    }
    workDone = mapsBefore + mapImages;

    // 3. No-retrain control: the base model on the masked test sets (science.md §4).
    if (config.noRetrain) {
      report('noRetrain', 'Scoring the base model on the masked test images (no retraining)');
      for (const t of config.thresholds) {
        for (const method of isUnmasked(config, t) ? [UNMASKED] : [...rankings.keys()]) {
          const orders = method === UNMASKED ? null : rankings.get(method)!.test;
          const ev = await evaluateMasked(base, testSet, orders, t, config.mask, deriveSeed(config.mask.tieSeed, `test:${method}:${t}`));
          await hooks.onNoRetrain?.({ method, threshold: t, accuracy: ev.accuracy, precision: jsonPrecision(ev.precision) });
          await pause();
        }
      }
    }

    // 4. Remove and retrain.
    runPhaseStart = Date.now();
    for (const run of todo) {
      const orders = run.method === UNMASKED ? null : rankings.get(run.method)!;
      const label = `${run.method === UNMASKED ? 'unmasked' : run.method} at ${Math.round(run.threshold * 100)} %, seed ${run.seed}`;
      const before = runSamplesDone;
      const out = await retrainRun(trainSet, testSet, orders, run.threshold, config.mask, { ...config.retrain, seed: run.seed }, deriveSeed(config.mask.tieSeed, `test:${run.method}:${run.threshold}`), {
        signal,
        onProgress: async (p) => {
          runSamplesDone = before + p.samplesSeen;
          workDone = baseWork + mapImages + runSamplesDone;
          report('runs', `Run ${runsDone + 1} of ${plan.length}: retraining on ${label}`, p.samplesPerSec);
          await pause();
        },
      });
      runSamplesDone = before + runSamples;
      runsDone++;
      await hooks.onRun?.({
        key: run.key,
        method: run.method,
        threshold: run.threshold,
        seed: run.seed,
        accuracy: out.evaluation.accuracy,
        precision: jsonPrecision(out.evaluation.precision),
        samplesPerSec: out.samplesPerSec,
        seconds: out.seconds,
      });
    }
    workDone = totalWork;
    report('runs', 'Finished');
    return { cancelled: false, runsDone };
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return { cancelled: true, runsDone };
    throw e;
  }
}
