/** Messages between a sweep's coordinator and its task hosts (one worker per core). */
import type { TrainConfig } from '../defaults';
import type { EvaluateTask, RankTask, RetrainTask } from '../sweep/executor';
import type { Rankings } from '../sweep/sweepCache';

export type HostTask =
  | { op: 'trainBase'; key: string; cfg: TrainConfig }
  | { op: 'setBase'; key: string; weights: Float32Array[] }
  | { op: 'rank'; task: RankTask }
  | { op: 'setRankings'; key: string; rankings: Rankings }
  | { op: 'dropRankings'; key: string }
  | { op: 'evaluateBase'; task: EvaluateTask }
  | { op: 'retrain'; task: RetrainTask };

export type HostRequest = { type: 'task'; id: number; task: HostTask } | { type: 'pause' } | { type: 'resume' } | { type: 'abort' };

export type HostEvent =
  | { type: 'ready'; backend: string; details: string }
  | { type: 'initError'; message: string }
  | { type: 'progress'; id: number; done: number; samplesPerSec?: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; name: string; message: string };

/** A message channel to one host: a Web Worker, a Node worker thread or a test double. */
export interface Endpoint {
  post(message: HostRequest | HostEvent, transfer?: Transferable[]): void;
  onMessage(listener: (message: HostEvent | HostRequest) => void): void;
}
