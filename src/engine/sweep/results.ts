/** What a sweep produces: one record per finished run, the no-retrain curve, and where it came from. */
import type { BackendName } from '../defaults';
import type { SweepConfig } from './sweepConfig';

export const ENGINE_VERSION = '0.1.0';

export interface RunResult {
  key: string;
  method: string;
  threshold: number;
  seed: number;
  accuracy: number;
  /** Per-class precision on the masked test set (seed 000 Tables II, III); NaN → null in JSON. */
  precision: (number | null)[];
  samplesPerSec: number;
  seconds: number;
}

export interface NoRetrainResult {
  method: string;
  threshold: number;
  accuracy: number;
  precision: (number | null)[];
}

export interface Provenance {
  engineVersion: string;
  backend: BackendName;
  backendDetails: string;
  startedAt: string;
  finishedAt: string | null;
  /** navigator.userAgent in a browser, the Node version and platform in the CLI. */
  device: string;
}

export interface SweepResults {
  config: SweepConfig;
  runs: RunResult[];
  noRetrain: NoRetrainResult[];
  baseAccuracy: number | null;
  provenance: Provenance;
}

export const jsonPrecision = (p: readonly number[]): (number | null)[] => p.map((v) => (Number.isFinite(v) ? v : null));
