/** The sweep's state: configuration, live progress, finished runs. */
import { create } from 'zustand';
import type { WorkerEvent } from '../worker/protocol';
import type { WorkerPort } from './labStore';

export interface SweepState {
  handleEvent: (e: WorkerEvent) => void;
}

export function createSweepStore(_port: WorkerPort) {
  return create<SweepState>()(() => ({
    handleEvent: () => {},
  }));
}

export type SweepStore = ReturnType<typeof createSweepStore>;
