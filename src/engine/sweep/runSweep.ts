/**
 * Runs a sweep (science.md §4): for each base model, train (or reuse) it, rank every train and test image by
 * each method, score the base model on the masked test sets (no-retrain), then retrain a fresh model per
 * method × threshold × seed, and with the mask-only control one on the removal pattern alone — all methods
 * at once, or a wave of methods at a time when their orders would exceed the memory budget (sweepWaves.ts).
 * Every finished model reports its health (training/health.ts). The work goes to an executor — this thread, one worker per core, or K runs
 * as one batched model — slice by slice and run by run; finished runs are reported one by one; runs already
 * done are skipped (resume); an abort stops between batches and keeps what finished.
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import { head, type Mnist } from '../data/mnist';
import { PIXELS, type BackendName, type TrainConfig } from '../defaults';
import { deriveSeed } from '../random';
import { evaluate } from '../training/evaluate';
import { cnnFromWeights, disposeCnn } from '../model/cnn';
import { InProcessExecutor } from './inProcessExecutor';
import { getMethod } from '../attribution/registry';
import type { SweepExecutor } from './executor';
import { jsonPrecision, type BaseResult, type NoRetrainResult, type RunResult, type Shard } from './results';
import { runHealth } from '../training/health';
import { SweepCache, type Rankings } from './sweepCache';
import { withRandomBaseline, type SweepConfig } from './sweepConfig';
import { methodKey, methodWords } from '../attribution/methodSpec';
import { baseSeedsOf, isUnmasked, mapSeedOf, planRuns, shardOfRuns, UNMASKED, type RunSpec } from './sweepPlan';
import { planWaves } from './sweepWaves';
import type { SweepCheckpoints } from './checkpoints';

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
  /** Tasks running at once (workers). */
  parallelism: number;
  /** Runs each task trains together as one batched model. */
  modelsPerStep: number;
}

export interface SweepHooks {
  signal?: AbortSignal;
  /** Awaited between tasks: resolves at once unless the sweep is paused. */
  waitIfPaused?: () => Promise<void>;
  onProgress?: (p: SweepProgress) => void;
  onBase?: (base: BaseResult) => void | Promise<void>;
  onNoRetrain?: (r: NoRetrainResult) => void | Promise<void>;
  onRun?: (r: RunResult) => void | Promise<void>;
  /** Keys of runs finished earlier (a resumed sweep): not run again. */
  completed?: ReadonlySet<string>;
  /** Run only this shard's block of the plan (sweepPlan.ts, shardOfRuns); its runs are the whole of this sweep's count. */
  shard?: Shard | null;
  /** Rankings already computed, kept across sweeps by the caller. */
  cache?: SweepCache;
  /** Where the work runs; by default in this thread. */
  executor?: SweepExecutor;
  /** The most bytes of orders held at once (default RANKINGS_BUDGET_BYTES); more methods go in waves. */
  rankingsBudget?: number;
  /** Where the sweep's base models and orders are kept for a later resume, and found again. */
  checkpoints?: SweepCheckpoints;
}

export interface SweepOutcome {
  cancelled: boolean;
  runsDone: number;
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** Runs `work` over `items` with at most `limit` in flight, in order of issue. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** Splits n images into `parts` contiguous slices. */
function slices(n: number, parts: number): { from: number; count: number }[] {
  const size = Math.ceil(n / parts);
  const out = [];
  for (let from = 0; from < n; from += size) out.push({ from, count: Math.min(size, n - from) });
  return out;
}

/** Which trained base model a sweep may reuse: the same backend, dataset and training settings give the same weights. */
export function baseKeyOf(backend: BackendName, dataset: DatasetId, cfg: TrainConfig): string {
  return `${backend}:${dataset}:${JSON.stringify(cfg)}`;
}

export async function runSweep(mnist: Mnist, raw: SweepConfig, backend: BackendName, hooks: SweepHooks = {}): Promise<SweepOutcome> {
  const config = withRandomBaseline(raw);
  if (mnist.dataset !== config.dataset) throw new Error(`The sweep runs on ${DATASETS[config.dataset].label}, but ${DATASETS[mnist.dataset].label} was loaded.`);
  const cache = hooks.cache ?? new SweepCache();
  const exec = hooks.executor ?? new InProcessExecutor(mnist, backend, cache);
  const { signal } = hooks;
  const onAbort = (): void => exec.abort();
  signal?.addEventListener('abort', onAbort);
  const trainCount = config.retrain.trainSize;
  const testCount = config.retrain.testSize;
  const plan = hooks.shard ? shardOfRuns(planRuns(config), hooks.shard.index, hooks.shard.count) : planRuns(config);
  const todo = plan.filter((r) => !hooks.completed?.has(r.key));
  // A base model whose runs are all done (a resumed sweep) is not trained again, nor are its maps made.
  const bases = baseSeedsOf(config).filter((seed, b) => todo.some((r) => r.baseSeed === seed || (b === 0 && r.baseSeed === null)));
  // Plateau stopping may end runs sooner: progress counts the configured epochs, the most a run can take.
  const runSamples = trainCount * config.retrain.epochs;
  // Work is counted in forward-backward rows: a training sample is one, a map costs its method's rows
  // (32 for IG with 32 steps), so the progress bar and the ETA move evenly across the stages.
  const mapRows = config.methods.map((m) => {
    const method = getMethod(m.id);
    const v = method.validate(m.params);
    return 'error' in v ? 1 : method.rowsPerImage(v.params);
  });
  const mapImagesPerBase = mapRows.reduce((a, b) => a + b, 0) * (trainCount + testCount);
  const mapImages = mapImagesPerBase * bases.length;
  const baseWork = config.base.trainSize * config.base.epochs;
  const totalWork = baseWork * bases.length + mapImages + todo.length * runSamples;
  let basesDone = 0;
  let workDone = 0;
  let runsDone = plan.length - todo.length;
  const startedAt = Date.now();
  let runSamplesDone = 0;
  // Finished map rows and run samples, and the time each kind of work took, for rates and the ETA.
  let mapRowsDone = 0;
  let mapMs = 0;
  let runMs = 0;
  let runStageStart = 0;
  const runSeconds = (): number => (runMs + (Date.now() - runStageStart)) / 1000;
  const finished = (): number => basesDone * baseWork + mapRowsDone + runSamplesDone;

  const report = (stage: SweepStage, message: string, samplesPerSec: number | null = null): void => {
    let etaSeconds: number | null = null;
    if (stage === 'runs' && runSamplesDone > 0) {
      const mapsLeft = mapRowsDone > 0 ? (mapImages - mapRowsDone) / (mapRowsDone / (mapMs / 1000)) : 0;
      etaSeconds = (todo.length * runSamples - runSamplesDone) / (runSamplesDone / runSeconds()) + mapsLeft;
    } else if (workDone > 0) {
      etaSeconds = ((Date.now() - startedAt) / 1000 / workDone) * (totalWork - workDone);
    }
    hooks.onProgress?.({ stage, message, fraction: Math.min(1, workDone / totalWork), runsDone, runsTotal: plan.length, samplesPerSec, etaSeconds, parallelism: exec.parallelism, modelsPerStep: exec.modelsPerStep });
  };
  const gate = async (): Promise<void> => {
    await hooks.waitIfPaused?.();
    signal?.throwIfAborted();
  };
  const noiseSeed = (method: string, t: number): number => deriveSeed(config.mask.tieSeed, `test:${method}:${t}`);
  const together = Math.max(1, exec.modelsPerStep);
  const of = (b: number): string => (bases.length > 1 || config.baseSeeds > 1 ? ` (base model ${b})` : '');
  const words = new Map(config.methods.map((spec) => [methodKey(spec), methodWords(spec)]));
  const describe = (run: RunSpec): string =>
    `${run.kind === 'maskOnly' ? 'the mask pattern of ' : ''}${run.method === UNMASKED ? 'unmasked images' : words.get(run.method) ?? run.method} at ${Math.round(run.threshold * 100)} %, seed ${run.seed}${run.baseSeed === null ? '' : of(run.baseSeed)}`;
  /** Orders a checkpoint kept, in memory the executor can share with its workers. */
  const restored = async (rkey: string): Promise<Rankings | undefined> => {
    const kept = await hooks.checkpoints?.loadRankings(rkey);
    if (!kept) return undefined;
    const r: Rankings = { train: exec.allocOrders(kept.train.length), test: exec.allocOrders(kept.test.length) };
    r.train.set(kept.train);
    r.test.set(kept.test);
    cache.setRankings(rkey, r);
    return r;
  };
  // The first base model's accuracy, to check the unmasked retrains against (they use no maps, so no other).
  let firstBaseAccuracy: number | null = null;

  try {
    for (const baseSeed of bases) {
      // 1. The base model, cached per dataset and training configuration (deterministic for a backend).
      const baseCfg = { ...config.base, seed: baseSeed };
      const baseKey = baseKeyOf(backend, config.dataset, baseCfg);
      let trained = await hooks.checkpoints?.loadBase(baseKey);
      if (!trained) {
        trained = await exec.trainBase(baseKey, baseCfg, (seen, rate) => {
          workDone = finished() + seen;
          report('base', `Training base model ${baseSeed}: ${seen.toLocaleString('en')} / ${baseWork.toLocaleString('en')} images`, rate ?? null);
        });
        await hooks.checkpoints?.saveBase(baseKey, trained);
      }
      await exec.setBase(baseKey, trained.weights);
      basesDone++;
      workDone = finished();
      const scorer = cnnFromWeights(trained.weights);
      try {
        const ev = await evaluate(scorer, head(mnist.test, testCount));
        if (baseSeed === config.base.seed) firstBaseAccuracy = ev.accuracy;
        await hooks.onBase?.({ seed: baseSeed, accuracy: ev.accuracy, health: runHealth(ev, trained.lossCurve, { baseAccuracy: null, unmasked: false }) });
      } finally {
        disposeCnn(scorer);
      }

      // Methods are ranked and retrained a wave at a time, so that at most RANKINGS_BUDGET_BYTES of orders
      // are held (sweepWaves.ts); usually all methods form one wave.
      const specs = new Map(config.methods.map((spec, i) => [methodKey(spec), { spec, rows: mapRows[i] }]));
      const waves = planWaves([...specs.keys()], trainCount + testCount, hooks.rankingsBudget);
      const first = baseSeed === config.base.seed;
      const mapSeed = mapSeedOf(config, baseSeed);
      for (const [w, wave] of waves.entries()) {
        // 2. Rankings of every train and test image, per method, sliced over the executor's workers.
        const rankingKeys = new Map<string, string>();
        for (const key of wave) {
          const { spec, rows } = specs.get(key)!;
          const rkey = `${baseKey}|${key}|${config.target}|${mapSeed}|${JSON.stringify(config.mask)}|${trainCount}|${testCount}`;
          rankingKeys.set(key, rkey);
          const started = Date.now();
          let r = cache.getRankings(rkey) ?? (await restored(rkey));
          if (!r) {
            const full: Rankings = { train: exec.allocOrders(trainCount * PIXELS), test: exec.allocOrders(testCount * PIXELS) };
            const tasks = (['train', 'test'] as const).flatMap((split) =>
              slices(split === 'train' ? trainCount : testCount, exec.parallelism).map((sl) => ({ split, ...sl, done: 0 })),
            );
            await Promise.all(
              tasks.map(async (t) => {
                const orders = await exec.rank({ method: spec, split: t.split, from: t.from, count: t.count, target: config.target, mapSeed, mask: config.mask }, (done) => {
                  t.done = done;
                  const all = tasks.reduce((a, x) => a + x.done, 0);
                  workDone = finished() + all * rows;
                  const rate = all / ((Date.now() - started) / 1000);
                  report('maps', `Attribution maps${of(baseSeed)}: ${words.get(key) ?? key}, ${all.toLocaleString('en')} / ${(trainCount + testCount).toLocaleString('en')} images (${Math.round(rate)} maps/s)`);
                });
                full[t.split].set(orders, t.from * PIXELS);
              }),
            );
            r = full;
            cache.setRankings(rkey, r);
            await hooks.checkpoints?.saveRankings(rkey, r);
          }
          await exec.setRankings(rkey, r);
          mapRowsDone += rows * (trainCount + testCount);
          mapMs += Date.now() - started;
          workDone = finished();
          await gate();
        }

        // 3. No-retrain control: the base model on the masked test sets (science.md §4).
        if (config.noRetrain) {
          report('noRetrain', `Scoring base model ${baseSeed} on the masked test images (no retraining)`);
          const cells = config.thresholds.flatMap((t) => (isUnmasked(config, t) ? (w === 0 ? [UNMASKED] : []) : wave).map((method) => ({ method, t })));
          const results = new Array<NoRetrainResult>(cells.length);
          await eachLimited(cells.map((c, i) => ({ ...c, i })), exec.parallelism, async ({ method, t, i }) => {
            const ev = await exec.evaluateBase({ rankings: method === UNMASKED ? null : rankingKeys.get(method)!, threshold: t, mask: config.mask, testSize: testCount, testNoiseSeed: noiseSeed(method, t) });
            results[i] = { method, threshold: t, baseSeed, accuracy: ev.accuracy, precision: jsonPrecision(ev.precision) };
          });
          for (const r of results) await hooks.onNoRetrain?.(r);
        }

        // 4. Remove and retrain, one run per free worker, or `modelsPerStep` runs as one batched model.
        const waveRuns = todo.filter((r) => (r.baseSeed === null ? first && w === 0 : r.baseSeed === baseSeed && rankingKeys.has(r.method)));
        const groups = Array.from({ length: Math.ceil(waveRuns.length / together) }, (_, g) => waveRuns.slice(g * together, (g + 1) * together));
        const inFlight = new Map<string, number>();
        // What every worker is retraining now, in the order they started: the line reads the same whichever reports.
        const running = new Map<RunSpec[], string>();
        const runningText = (): string => `Retraining on ${[...running.values()].join('; ')}`;
        runStageStart = Date.now();
        await eachLimited(groups, exec.parallelism, async (group: RunSpec[]) => {
          await gate();
          running.set(group, group.length === 1 ? describe(group[0]) : `${group.map(describe).join(', ')} (${group.length} runs together)`);
          const tasks = group.map((run) => ({
            rankings: run.method === UNMASKED ? null : rankingKeys.get(run.method)!,
            kind: run.kind,
            threshold: run.threshold,
            mask: config.mask,
            train: { ...config.retrain, seed: run.seed },
            testSize: testCount,
            testNoiseSeed: noiseSeed(run.method, run.threshold),
          }));
          const progress = (seen: number): void => {
            for (const run of group) inFlight.set(run.key, seen);
            const current = [...inFlight.values()].reduce((a, b) => a + b, 0);
            workDone = finished() + current;
            report('runs', runningText(), (runSamplesDone + current) / runSeconds());
          };
          const outs = await exec.retrainTogether(tasks, progress).finally(() => running.delete(group));
          for (const [i, run] of group.entries()) {
            const out = outs[i];
            inFlight.delete(run.key);
            runSamplesDone += runSamples;
            runsDone++;
            await hooks.onRun?.({
              key: run.key,
              kind: run.kind,
              method: run.method,
              threshold: run.threshold,
              seed: run.seed,
              baseSeed: run.baseSeed,
              accuracy: out.evaluation.accuracy,
              precision: jsonPrecision(out.evaluation.precision),
              samplesPerSec: out.samplesPerSec,
              seconds: out.seconds,
              epochs: out.epochsTrained,
              health: runHealth(out.evaluation, out.lossCurve, { baseAccuracy: firstBaseAccuracy, unmasked: run.method === UNMASKED }),
            });
          }
        });
        runMs += Date.now() - runStageStart;

        // Over the budget, or another base model to come: this wave's orders go before the next are made.
        if (waves.length > 1 || bases.length > 1) {
          for (const rkey of rankingKeys.values()) {
            cache.deleteRankings(rkey);
            await exec.dropRankings(rkey);
            await hooks.checkpoints?.dropRankings(rkey);
          }
        }
      }
    }
    workDone = totalWork;
    report('runs', 'Finished');
    return { cancelled: false, runsDone };
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return { cancelled: true, runsDone };
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
