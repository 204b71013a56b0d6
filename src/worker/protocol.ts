/**
 * The typed messages between the page and the lab worker. Requests go in, events come out; every long job
 * carries a jobId so that progress, results and cancellation refer to one job.
 */
import type { BackendInfo } from '../engine/backend/backend';
import type { BackendName, MaskConfig, TrainConfig } from '../engine/defaults';
import type { TrainOutcome, TrainProgress } from '../engine/training/train';
import type { Evaluation } from '../engine/training/evaluate';
import type { TargetMode } from '../engine/attribution/targets';
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import type { MethodSpec, SweepConfig } from '../engine/sweep/sweepConfig';
import type { SweepProgress } from '../engine/sweep/runSweep';
import type { BaseResult, NoRetrainResult, RunResult } from '../engine/sweep/results';

/** Which digits the gallery shows. */
export type DigitChoice =
  | { kind: 'test'; index: number }
  | { kind: 'class'; digit: number; count: number }
  | { kind: 'misclassified'; count: number }
  | { kind: 'drawn'; pixels: number[] };

export interface GalleryRequest {
  digits: DigitChoice[];
  methods: MethodSpec[];
  thresholds: number[];
  mask: MaskConfig;
  target: TargetMode;
  mapSeed: number;
}

export type WorkerRequest =
  | { type: 'init'; backend: BackendName | null; dataBaseUrl: string }
  | { type: 'train'; jobId: number; config: TrainConfig }
  | { type: 'gallery'; jobId: number; request: GalleryRequest }
  | { type: 'sweep'; jobId: number; config: SweepConfig; completed: string[] }
  | { type: 'pause'; jobId: number }
  | { type: 'resume'; jobId: number }
  /** Stops any job: training keeps the partly trained model, a sweep keeps its finished runs. */
  | { type: 'stop'; jobId: number };

export interface DataSummary {
  train: number;
  test: number;
  firstTrainLabels: number[];
}

export type WorkerEvent =
  | { type: 'backendReady'; backend: BackendInfo }
  | { type: 'dataReady'; data: DataSummary }
  | { type: 'initError'; stage: 'backend' | 'data'; message: string }
  | { type: 'trainProgress'; jobId: number; progress: TrainProgress }
  | { type: 'trainEpoch'; jobId: number; epoch: number; testAccuracy: number; samplesSeen: number }
  | { type: 'trainDone'; jobId: number; config: TrainConfig; outcome: TrainOutcome; evaluation: Evaluation; backend: BackendName }
  | { type: 'galleryDone'; jobId: number; images: GalleryImage[]; seconds: number }
  /** Where the sweep runs: `parallelism` workers, described for the record (null: in the lab worker). */
  | { type: 'sweepStarted'; jobId: number; parallelism: number; details: string | null }
  | { type: 'sweepProgress'; jobId: number; progress: SweepProgress }
  | { type: 'sweepBase'; jobId: number; base: BaseResult }
  | { type: 'sweepNoRetrain'; jobId: number; result: NoRetrainResult }
  | { type: 'sweepRun'; jobId: number; run: RunResult }
  | { type: 'sweepDone'; jobId: number; cancelled: boolean }
  | { type: 'jobError'; jobId: number; message: string };
