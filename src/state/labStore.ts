/**
 * The page's state (zustand). Components read it and call its actions; the actions talk to the worker
 * through the client. Nothing here computes: numbers arrive from the worker.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../engine/backend/backend';
import { REFERENCE_TRAIN, type BackendName, type TrainConfig } from '../engine/defaults';
import { checkTrainValue, TRAIN_FIELD_NAMES, trainValueFromText, type TrainField } from '../engine/config/trainConfig';
import type { Evaluation } from '../engine/training/evaluate';
import type { TrainOutcome } from '../engine/training/train';
import type { DataSummary, WorkerEvent } from '../worker/protocol';
import type { LabClient } from '../worker/labClient';

/** What a store needs of the worker connection. */
export type WorkerPort = Pick<LabClient, 'send' | 'nextJobId'>;

export interface ProgressPoint {
  samples: number;
  epoch: number;
  loss: number;
  accuracy: number;
  testAccuracy?: number;
}

export interface TrainedModel {
  config: TrainConfig;
  outcome: TrainOutcome;
  evaluation: Evaluation;
  backend: BackendName;
  finishedAt: string;
}

export type TrainStatus = 'idle' | 'training' | 'stopping';

/** The "quick" setting: a first-time visitor sees a model learn in well under a minute. */
export const QUICK_TRAIN: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 10000 };

export interface LabState {
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
  setField: (field: TrainField, value: string) => void;
  setForm: (config: TrainConfig) => void;
  startTraining: () => void;
  stopTraining: () => void;
  handleEvent: (e: WorkerEvent) => void;
}


const toForm = (c: TrainConfig): Record<TrainField, string> =>
  Object.fromEntries(TRAIN_FIELD_NAMES.map((f) => [f, String(c[f])])) as Record<TrainField, string>;

function parseForm(form: Record<TrainField, string>): { config: TrainConfig | null; errors: Partial<Record<TrainField, string>> } {
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

export function createLabStore(port: WorkerPort) {
  return create<LabState>()((set, get) => ({
    backend: null,
    backendError: null,
    data: null,
    dataError: null,
    form: toForm(QUICK_TRAIN),
    formErrors: {},
    status: 'idle',
    jobId: 0,
    progress: [],
    samplesPerSec: null,
    totalSamples: null,
    samplesSeen: 0,
    jobError: null,
    model: null,

    setField: (field, value) => {
      const form = { ...get().form, [field]: value };
      const msg = checkTrainValue(field, trainValueFromText(field, value));
      const formErrors = { ...get().formErrors };
      if (msg) formErrors[field] = msg;
      else delete formErrors[field];
      set({ form, formErrors });
    },
    setForm: (config) => set({ form: toForm(config), formErrors: {} }),

    startTraining: () => {
      const s = get();
      if (s.status !== 'idle' || !s.data) return;
      const { config, errors } = parseForm(s.form);
      set({ formErrors: errors });
      if (!config) return;
      const jobId = port.nextJobId();
      set({ status: 'training', jobId, progress: [], samplesPerSec: null, samplesSeen: 0, totalSamples: config.trainSize * config.epochs, jobError: null });
      port.send({ type: 'train', jobId, config });
    },
    stopTraining: () => {
      const s = get();
      if (s.status !== 'training') return;
      set({ status: 'stopping' });
      port.send({ type: 'stop', jobId: s.jobId });
    },

    handleEvent: (e) => {
      const s = get();
      switch (e.type) {
        case 'backendReady':
          set({ backend: e.backend });
          break;
        case 'dataReady':
          set({ data: e.data, dataError: null });
          break;
        case 'initError':
          if (e.stage === 'data') set({ dataError: e.message });
          else set({ backendError: e.message });
          break;
        case 'trainProgress':
          if (e.jobId !== s.jobId) return;
          set({
            progress: [...s.progress, { samples: e.progress.samplesSeen, epoch: e.progress.epoch, loss: e.progress.loss, accuracy: e.progress.accuracy }],
            samplesPerSec: e.progress.samplesPerSec,
            samplesSeen: e.progress.samplesSeen,
          });
          break;
        case 'trainEpoch': {
          if (e.jobId !== s.jobId) return;
          const progress = s.progress.slice();
          const last = progress[progress.length - 1];
          if (last) progress[progress.length - 1] = { ...last, testAccuracy: e.testAccuracy };
          set({ progress });
          break;
        }
        case 'trainDone':
          if (e.jobId !== s.jobId) return;
          set({
            status: 'idle',
            samplesPerSec: e.outcome.samplesPerSec,
            model: { config: e.config, outcome: e.outcome, evaluation: e.evaluation, backend: e.backend, finishedAt: new Date().toISOString() },
          });
          break;
        case 'jobError':
          if (e.jobId !== s.jobId) return;
          set({ status: 'idle', jobError: e.message });
          break;
      }
    },
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;
