/**
 * The typed messages between the page and the lab worker. Requests go in, events come out; every long job
 * carries a jobId so that progress, results and cancellation refer to one job. The worker runs one job at a
 * time and answers a job sent meanwhile with a jobError saying so; it checks every job's settings against
 * their schemas before it starts.
 */
import type { BackendInfo } from '../engine/backend/backend';
import type { DatasetId } from '../engine/data/datasets';
import type { BackendName, TrainConfig } from '../engine/defaults';
import type { GalleryRequest } from '../engine/gallery/galleryRequest';
import type { TrainOutcome, TrainProgress } from '../engine/training/train';
import type { Evaluation } from '../engine/training/evaluate';
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import type { SweepConfig } from '../engine/sweep/sweepConfig';
import type { SweepProgress } from '../engine/sweep/runSweep';
import type { BaseResult, NoRetrainResult, RunResult, Shard } from '../engine/sweep/results';
import type { MetricsRequest } from '../engine/metrics/metricsRequest';
import type { MetricsResult } from '../engine/metrics/evaluateMetrics';
import type { SanityRequest } from '../engine/sanity/sanityRequest';
import type { SanityOutcome } from '../engine/sanity/sanityJob';

export type { DigitChoice, GalleryRequest } from '../engine/gallery/galleryRequest';

export type WorkerRequest =
  | { type: 'init'; backend: BackendName | null; dataBaseUrl: string }
  | { type: 'train'; jobId: number; config: TrainConfig; dataset: DatasetId }
  | { type: 'gallery'; jobId: number; request: GalleryRequest }
  /** The no-retrain metrics of the base model trained in step 1. */
  | { type: 'metrics'; jobId: number; request: MetricsRequest }
  /** Adebayo et al.'s sanity checks on the base model trained in step 1. */
  | { type: 'sanity'; jobId: number; request: SanityRequest }
  /** Runs the sweep `id` (its checkpoints are kept under that id), skipping the runs in `completed`. */
  | { type: 'sweep'; jobId: number; id: string; config: SweepConfig; completed: string[]; shard: Shard | null }
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
  | { type: 'trainDone'; jobId: number; config: TrainConfig; dataset: DatasetId; outcome: TrainOutcome; evaluation: Evaluation; backend: BackendName }
  | { type: 'galleryDone'; jobId: number; images: GalleryImage[]; seconds: number }
  | { type: 'metricsProgress'; jobId: number; done: number; total: number; message: string }
  | { type: 'metricsDone'; jobId: number; result: MetricsResult }
  | { type: 'sanityProgress'; jobId: number; fraction: number; message: string }
  | { type: 'sanityDone'; jobId: number; outcome: SanityOutcome }
  /** Where the sweep runs: `parallelism` workers, described for the record (null: in the lab worker). */
  | { type: 'sweepStarted'; jobId: number; parallelism: number; details: string | null }
  | { type: 'sweepProgress'; jobId: number; progress: SweepProgress }
  | { type: 'sweepBase'; jobId: number; base: BaseResult }
  | { type: 'sweepNoRetrain'; jobId: number; result: NoRetrainResult }
  | { type: 'sweepRun'; jobId: number; run: RunResult }
  | { type: 'sweepDone'; jobId: number; cancelled: boolean }
  | { type: 'jobError'; jobId: number; message: string };
