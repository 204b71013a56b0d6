/**
 * The sweep's state: the configuration being edited, the running sweep's live progress and finished runs,
 * and the sweeps stored in IndexedDB. Every finished run is saved at once.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../engine/backend/backend';
import type { MaskConfig } from '../engine/defaults';
import type { SweepProgress } from '../engine/sweep/runSweep';
import { applySweepEvent, emptyResults, ENGINE_VERSION, type SweepResults } from '../engine/sweep/results';
import { PRESETS, presetConfig, sweepConfigErrors, withRandomBaseline, type PresetId, type SweepConfig } from '../engine/sweep/sweepConfig';
import type { WorkerEvent } from '../worker/protocol';
import type { WorkerPort } from './labStore';
import { deleteSweep, listSweeps, saveSweep, type SweepRecord, type SweepStatus } from './sweepStorage';

export type RunStatus = 'idle' | 'running' | 'paused' | 'stopping';

export interface SweepState {
  preset: PresetId | 'custom';
  config: SweepConfig;
  configErrors: string[];
  status: RunStatus;
  jobId: number;
  progress: SweepProgress | null;
  /** The sweep on screen: running, or reopened from storage. */
  current: SweepRecord | null;
  saved: SweepRecord[];
  error: string | null;
  backend: BackendInfo | null;
  choosePreset: (id: PresetId) => void;
  editConfig: (patch: Partial<SweepConfig>) => void;
  editMask: (patch: Partial<MaskConfig>) => void;
  start: () => void;
  pause: () => void;
  resumeRunning: () => void;
  cancel: () => void;
  /** Continues a stored sweep that was cut off, skipping its finished runs. */
  resumeSaved: (id: string) => void;
  open: (id: string) => void;
  remove: (id: string) => Promise<void>;
  refreshSaved: () => Promise<void>;
  /** Shows results that came from elsewhere (a bundle or a link) and stores them. */
  showImported: (title: string, results: SweepResults) => Promise<void>;
  handleEvent: (e: WorkerEvent) => void;
}

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function createSweepStore(port: WorkerPort) {
  const store = create<SweepState>()((set, get) => {
    const persist = (status?: SweepStatus): void => {
      const cur = get().current;
      if (!cur) return;
      const record: SweepRecord = { ...cur, status: status ?? cur.status, updatedAt: new Date().toISOString() };
      set({ current: record });
      saveSweep(record)
        .then(() => get().refreshSaved())
        .catch((e: unknown) => set({ error: `Could not store the sweep in this browser: ${e instanceof Error ? e.message : String(e)}` }));
    };
    const launch = (record: SweepRecord): void => {
      const jobId = port.nextJobId();
      set({ current: record, status: 'running', jobId, progress: null, error: null });
      persist('running');
      port.send({ type: 'sweep', jobId, config: record.results.config, completed: record.results.runs.map((r) => r.key) });
    };

    return {
      preset: 'lecture',
      config: presetConfig('lecture'),
      configErrors: [],
      status: 'idle',
      jobId: 0,
      progress: null,
      current: null,
      saved: [],
      error: null,
      backend: null,

      choosePreset: (id) => set({ preset: id, config: presetConfig(id), configErrors: [] }),
      editConfig: (patch) => {
        const config = { ...get().config, ...patch };
        set({ config, preset: 'custom', configErrors: sweepConfigErrors(config) });
      },
      editMask: (patch) => get().editConfig({ mask: { ...get().config.mask, ...patch } }),

      start: () => {
        const s = get();
        if (s.status !== 'idle') return;
        const errors = sweepConfigErrors(s.config);
        set({ configErrors: errors });
        if (errors.length || !s.backend) return;
        const config = withRandomBaseline(s.config);
        const startedAt = new Date().toISOString();
        const label = s.preset === 'custom' ? 'Custom sweep' : `${PRESETS[s.preset].label} preset`;
        launch({
          id: newId(),
          title: `${label}, ${startedAt.slice(0, 16).replace('T', ' ')}`,
          status: 'running',
          updatedAt: startedAt,
          results: emptyResults(config, {
            engineVersion: ENGINE_VERSION,
            backend: s.backend.name,
            backendDetails: s.backend.details,
            startedAt,
            finishedAt: null,
            device: navigator.userAgent,
          }),
        });
      },
      pause: () => {
        const s = get();
        if (s.status !== 'running') return;
        port.send({ type: 'pause', jobId: s.jobId });
        set({ status: 'paused' });
        persist('paused');
      },
      resumeRunning: () => {
        const s = get();
        if (s.status !== 'paused') return;
        port.send({ type: 'resume', jobId: s.jobId });
        set({ status: 'running' });
        persist('running');
      },
      cancel: () => {
        const s = get();
        if (s.status !== 'running' && s.status !== 'paused') return;
        port.send({ type: 'stop', jobId: s.jobId });
        set({ status: 'stopping' });
      },
      resumeSaved: (id) => {
        const s = get();
        const record = s.saved.find((r) => r.id === id);
        if (!record || s.status !== 'idle') return;
        if (s.backend && record.results.provenance.backend !== s.backend.name) {
          set({ error: `This sweep started on ${record.results.provenance.backend}; resuming on ${s.backend.name} mixes backends (their numbers differ slightly). Reopen it with ?backend=${record.results.provenance.backend} to keep them alike.` });
          return;
        }
        launch(structuredClone(record));
      },
      open: (id) => {
        const record = get().saved.find((r) => r.id === id);
        if (record && get().status === 'idle') set({ current: structuredClone(record), progress: null, error: null });
      },
      remove: async (id) => {
        if (get().current?.id === id && get().status !== 'idle') return;
        await deleteSweep(id);
        if (get().current?.id === id) set({ current: null });
        await get().refreshSaved();
      },
      refreshSaved: async () => {
        try {
          set({ saved: await listSweeps() });
        } catch (e) {
          set({ error: `This browser's storage is unavailable, so sweeps will not survive a reload (${e instanceof Error ? e.message : String(e)}).` });
        }
      },
      showImported: async (title, results) => {
        if (get().status !== 'idle') return;
        const record: SweepRecord = { id: newId(), title, status: 'imported', updatedAt: new Date().toISOString(), results };
        set({ current: record, progress: null, error: null });
        persist('imported');
      },

      handleEvent: (e) => {
        const s = get();
        if (e.type === 'backendReady') {
          set({ backend: e.backend });
          return;
        }
        if (!('jobId' in e) || e.jobId !== s.jobId || !s.current) return;
        const cur = s.current;
        switch (e.type) {
          case 'sweepStarted':
            if (e.details) set({ current: { ...cur, results: { ...cur.results, provenance: { ...cur.results.provenance, backendDetails: e.details } } } });
            break;
          case 'sweepProgress':
            set({ progress: e.progress });
            break;
          case 'sweepBase':
            set({ current: { ...cur, results: applySweepEvent(cur.results, { type: 'base', base: e.base }) } });
            break;
          case 'sweepNoRetrain':
            set({ current: { ...cur, results: applySweepEvent(cur.results, { type: 'noRetrain', result: e.result }) } });
            break;
          case 'sweepRun':
            set({ current: { ...cur, results: applySweepEvent(cur.results, { type: 'run', run: e.run }) } });
            persist();
            break;
          case 'sweepDone':
            set({
              status: 'idle',
              current: { ...cur, results: { ...cur.results, provenance: { ...cur.results.provenance, finishedAt: e.cancelled ? null : new Date().toISOString() } } },
            });
            persist(e.cancelled ? 'cancelled' : 'finished');
            break;
          case 'jobError':
            set({ status: 'idle', error: `The sweep stopped: ${e.message}. Its finished runs are kept; you can resume it.` });
            persist('interrupted');
            break;
        }
      },
    };
  });
  void store.getState().refreshSaved();
  return store;
}

export type SweepStore = ReturnType<typeof createSweepStore>;
