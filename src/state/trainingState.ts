/**
 * The training part of the lab's state: the backend and data the worker reported, the training form as
 * typed, the job in flight, its progress, and the finished model. Plain data; the Lab (Lab.ts) changes it.
 */
import type { BackendInfo } from '../engine/backend/backend';
import type { DatasetId } from '../engine/data/datasets';
import { REFERENCE_TRAIN, type BackendName, type TrainConfig } from '../engine/defaults';
import { checkTrainValue, TRAIN_FIELD_NAMES, TRAIN_FIELDS, trainValueFromText, type TrainField } from '../engine/config/trainConfig';
import type { Evaluation } from '../engine/training/evaluate';
import type { TrainOutcome } from '../engine/training/train';
import type { DataSummary, WorkerEvent } from '../worker/protocol';

export interface ProgressPoint {
  samples: number;
  epoch: number;
  loss: number;
  accuracy: number;
  testAccuracy?: number;
}

export interface TrainedModel {
  config: TrainConfig;
  /** What it learnt to tell apart: the gallery names its classes. */
  dataset: DatasetId;
  outcome: TrainOutcome;
  evaluation: Evaluation;
  backend: BackendName;
  finishedAt: string;
}

export type TrainStatus = 'idle' | 'training' | 'stopping';

/** The "quick" setting: a first-time visitor sees a model learn in well under a minute. */
export const QUICK_TRAIN: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 10000 };

export interface TrainingState {
  backend: BackendInfo | null;
  backendError: string | null;
  data: DataSummary | null;
  dataError: string | null;
  /** What the person typed, field by field, and what is wrong with it. */
  form: Record<TrainField, string>;
  formErrors: Partial<Record<TrainField, string>>;
  status: TrainStatus;
  jobId: number;
  progress: ProgressPoint[];
  samplesPerSec: number | null;
  totalSamples: number | null;
  samplesSeen: number;
  jobError: string | null;
  model: TrainedModel | null;
}

export const trainingForm = (c: TrainConfig): Record<TrainField, string> =>
  Object.fromEntries(TRAIN_FIELD_NAMES.map((f) => [f, (TRAIN_FIELDS[f].toText as (v: unknown) => string)(c[f])])) as Record<TrainField, string>;

export function initialTraining(): TrainingState {
  return {
    backend: null,
    backendError: null,
    data: null,
    dataError: null,
    form: trainingForm(QUICK_TRAIN),
    formErrors: {},
    status: 'idle',
    jobId: 0,
    progress: [],
    samplesPerSec: null,
    totalSamples: null,
    samplesSeen: 0,
    jobError: null,
    model: null,
  };
}

/** The form's configuration, or null with each field's problem. */
export function trainingConfig(form: Record<TrainField, string>): { config: TrainConfig | null; errors: Partial<Record<TrainField, string>> } {
  const errors: Partial<Record<TrainField, string>> = {};
  const config: Record<string, unknown> = { ...REFERENCE_TRAIN };
  for (const f of TRAIN_FIELD_NAMES) {
    const value = trainValueFromText(f, form[f]);
    const msg = checkTrainValue(f, value);
    if (msg) errors[f] = msg;
    else config[f] = value;
  }
  return { config: Object.keys(errors).length ? null : (config as unknown as TrainConfig), errors };
}

/** What a worker event changes in the training state (nothing for other jobs' events). */
export function trainingOnEvent(s: TrainingState, e: WorkerEvent): Partial<TrainingState> | null {
  switch (e.type) {
    case 'backendReady':
      return { backend: e.backend };
    case 'dataReady':
      return { data: e.data, dataError: null };
    case 'initError':
      return e.stage === 'data' ? { dataError: e.message } : { backendError: e.message };
    case 'trainProgress':
      if (e.jobId !== s.jobId) return null;
      return {
        progress: [...s.progress, { samples: e.progress.samplesSeen, epoch: e.progress.epoch, loss: e.progress.loss, accuracy: e.progress.accuracy }],
        samplesPerSec: e.progress.samplesPerSec,
        samplesSeen: e.progress.samplesSeen,
      };
    case 'trainEpoch': {
      if (e.jobId !== s.jobId) return null;
      const progress = s.progress.slice();
      const last = progress[progress.length - 1];
      if (last) progress[progress.length - 1] = { ...last, testAccuracy: e.testAccuracy };
      return { progress };
    }
    case 'trainDone':
      if (e.jobId !== s.jobId) return null;
      return {
        status: 'idle',
        samplesPerSec: e.outcome.samplesPerSec,
        model: { config: e.config, dataset: e.dataset, outcome: e.outcome, evaluation: e.evaluation, backend: e.backend, finishedAt: new Date().toISOString() },
      };
    case 'jobError':
      return e.jobId === s.jobId && s.status !== 'idle' ? { status: 'idle', jobError: e.message } : null;
    default:
      return null;
  }
}
