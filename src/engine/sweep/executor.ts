/**
 * Where a sweep's pieces of work run. The sweep (runSweep.ts) only decides what to do and in which order;
 * an executor does it — in this thread (InProcessExecutor) or spread over workers, one per core
 * (parallel/poolExecutor.ts). Every task is deterministic given its inputs, so the numbers do not depend on
 * which worker ran what.
 */
import type { MaskConfig, TrainConfig } from '../defaults';
import type { MethodSpec } from '../attribution/methodSpec';
import type { TargetMode } from '../attribution/targets';
import type { Evaluation } from '../training/evaluate';
import type { RetrainOutcome } from './retrainRun';
import type { Rankings } from './sweepCache';
import type { RunKind } from './sweepPlan';

/** A trained base model: its weights and its training-loss curve (for its health). */
export interface TrainedBase {
  weights: Float32Array[];
  lossCurve: number[];
}

/** Reported by a task as it goes: images ranked, or training samples seen. */
export type TaskProgress = (done: number, samplesPerSec?: number) => void | Promise<void>;

export interface RankTask {
  method: MethodSpec;
  split: 'train' | 'test';
  /** First image of the slice within the split, and how many. */
  from: number;
  count: number;
  target: TargetMode;
  mapSeed: number;
  mask: MaskConfig;
}

export interface RetrainTask {
  /** Rankings key, or null for unmasked images. */
  rankings: string | null;
  /** Train on the masked images, or on the removal pattern alone (the mask-only control). */
  kind: RunKind;
  threshold: number;
  mask: MaskConfig;
  train: TrainConfig;
  testSize: number;
  testNoiseSeed: number;
}

export interface EvaluateTask {
  rankings: string | null;
  threshold: number;
  mask: MaskConfig;
  testSize: number;
  testNoiseSeed: number;
}

export interface SweepExecutor {
  /** How many tasks can usefully run at once. */
  readonly parallelism: number;
  /** How many retraining runs one task trains together as one batched model (1: one at a time). */
  readonly modelsPerStep: number;
  /** Room for a method's orders; shared memory where workers can read it without a copy. */
  allocOrders(length: number): Uint16Array;
  /** Trains the base model (or finds it cached under `key`) and returns its weights and loss curve. */
  trainBase(key: string, cfg: TrainConfig, progress: TaskProgress): Promise<TrainedBase>;
  /** Makes `weights` the base model everywhere (a no-op where `key` is already loaded). */
  setBase(key: string, weights: Float32Array[]): Promise<void>;
  /** The uint16 pixel orders of a slice of images, ranked by the base model's maps. */
  rank(task: RankTask, progress: TaskProgress): Promise<Uint16Array>;
  /** Makes full rankings available to every retraining task under `key`. */
  setRankings(key: string, rankings: Rankings): Promise<void>;
  /** Forgets the rankings under `key` everywhere, so their memory can go. */
  dropRankings(key: string): Promise<void>;
  /** The base model on masked test images (the no-retrain control). */
  evaluateBase(task: EvaluateTask): Promise<Evaluation>;
  /** One remove-and-retrain run. */
  retrain(task: RetrainTask, progress: TaskProgress): Promise<RetrainOutcome>;
  /** Up to `modelsPerStep` runs that differ only in seed, rankings and threshold, as one batched model (one run: as `retrain`). */
  retrainTogether(tasks: RetrainTask[], progress: TaskProgress): Promise<RetrainOutcome[]>;
  pause(): void;
  resume(): void;
  /** Stops every running task; they reject with an AbortError. */
  abort(): void;
}

/** What a cancelled sweep's tasks throw: an AbortError, as AbortSignal.throwIfAborted gives. */
export const sweepCancelled = (): DOMException => new DOMException('The sweep was cancelled.', 'AbortError');
