/**
 * The sweep part of the lab's state: the settings being edited (as typed, with each control's problem), the
 * running sweep's progress and results so far, the sweeps stored in this browser, and the outcome of the last
 * link or file opened. Plain data; the Lab (Lab.ts) changes it.
 */
import type { Shard } from '../engine/sweep/results';
import type { SweepProgress } from '../engine/sweep/runSweep';
import { presetConfig, SWEEP_SETTINGS, type PresetId, type SweepConfig } from '../engine/sweep/sweepConfig';
import type { SweepRecord } from '../engine/sweep/sweepRecord';
import { formOf, type SettingsForm } from './settingsForm';
import type { SavedSweep } from './sweepStorage';

export type RunStatus = 'idle' | 'running' | 'paused' | 'stopping';

/** The one line under the share bar: what just happened with a link or a file, and whether it went wrong. */
export interface ShareMessage {
  tone: 'ok' | 'notice' | 'error';
  text: string;
  /** The technical reason, for those who want it (shown on demand). */
  detail?: string;
  /** Offer the results file in its place (a link that would be too long). */
  offerFile?: boolean;
}

export interface SweepState {
  preset: PresetId | 'custom';
  /** The settings as they will run: every setting's last allowed value. */
  config: SweepConfig;
  form: SettingsForm;
  status: RunStatus;
  jobId: number;
  progress: SweepProgress | null;
  /** The sweep on screen: running, or reopened from storage. */
  current: SweepRecord | null;
  saved: SavedSweep[];
  /** Stored sweeps this page could not read, in words. */
  storageProblems: string[];
  error: string | null;
  share: ShareMessage | null;
  /** This tab's part of a sweep split across a class (`?shard=i/n`), or null for the whole sweep. */
  shard: Shard | null;
  /** The shards merged into the sweep on screen so far, when it is a merge of dropped shard bundles. */
  merged: { have: number[]; count: number } | null;
}

export function initialSweep(): SweepState {
  const config = presetConfig('lecture');
  return {
    preset: 'lecture',
    config,
    form: formOf(SWEEP_SETTINGS, config),
    status: 'idle',
    jobId: 0,
    progress: null,
    current: null,
    saved: [],
    storageProblems: [],
    error: null,
    share: null,
    shard: null,
    merged: null,
  };
}

/** A stored sweep that a reload cut off, to offer at the top of the page: the newest one. */
export const cutOffSweep = (s: SweepState): SavedSweep | null => (s.status === 'idle' ? (s.saved.find((x) => x.cutOff && x.record.id !== s.current?.id) ?? null) : null);
