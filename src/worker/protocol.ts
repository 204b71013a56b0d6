/**
 * The typed messages between the page and the lab worker. Requests go in, events come out; every long job
 * carries a jobId so that progress, results and cancellation refer to one job.
 */
import type { BackendInfo } from '../engine/backend/backend';
import type { BackendName, TrainConfig } from '../engine/defaults';
import type { TrainOutcome, TrainProgress } from '../engine/training/train';
import type { Evaluation } from '../engine/training/evaluate';

export type WorkerRequest =
  | { type: 'init'; backend: BackendName | null; dataBaseUrl: string }
  | { type: 'train'; jobId: number; config: TrainConfig }
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
  | {
      type: 'trainDone';
      jobId: number;
      config: TrainConfig;
      outcome: TrainOutcome;
      evaluation: Evaluation;
      backend: BackendName;
    }
  | { type: 'jobError'; jobId: number; message: string };
