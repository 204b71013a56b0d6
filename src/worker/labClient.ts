/** Starts the lab worker and connects it to the Lab (state/Lab.ts): requests out, events in. */
import type { BackendName } from '../engine/defaults';
import type { WorkerEvent, WorkerRequest } from './protocol';

export interface LabClient {
  send: (msg: WorkerRequest) => void;
  onEvent: (fn: (e: WorkerEvent) => void) => void;
}

export function startLabWorker(backend: BackendName | null): LabClient {
  const worker = new Worker(new URL('./labWorker.ts', import.meta.url), { type: 'module', name: 'roar-lab' });
  const listeners: ((e: WorkerEvent) => void)[] = [];
  worker.onmessage = (ev: MessageEvent<WorkerEvent>) => listeners.forEach((fn) => fn(ev.data));
  worker.onerror = (ev) => {
    const e: WorkerEvent = { type: 'initError', stage: 'backend', message: `The lab's worker failed to start: ${ev.message || 'unknown error'}.` };
    listeners.forEach((fn) => fn(e));
  };
  worker.postMessage({ type: 'init', backend, dataBaseUrl: new URL(import.meta.env.BASE_URL, location.href).href } satisfies WorkerRequest);
  return {
    send: (msg) => worker.postMessage(msg),
    onEvent: (fn) => listeners.push(fn),
  };
}
