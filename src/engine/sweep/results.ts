/** What a sweep produces: one record per finished run, the base models, the no-retrain curve, and where it came from. */
import type { BackendName } from '../defaults';
import type { RunHealth } from '../training/health';
import type { SweepConfig } from './sweepConfig';
import type { RunKind } from './sweepPlan';

export const ENGINE_VERSION = '0.3.0';

export interface RunResult {
  key: string;
  kind: RunKind;
  method: string;
  threshold: number;
  seed: number;
  /** The base model whose maps masked the data; null for the unmasked runs. */
  baseSeed: number | null;
  accuracy: number;
  /** Per-class precision on the masked test set (seed 000 Tables II, III); NaN → null in JSON. */
  precision: (number | null)[];
  samplesPerSec: number;
  seconds: number;
  /** Epochs trained (fewer than configured where plateau stopping ended the run); null in older results. */
  epochs: number | null;
  /** Did the model learn? Null in results made before the lab recorded it (health unknown). */
  health: RunHealth | null;
}

/** One base model: its seed, its accuracy on the unmasked test images, and whether it learnt. */
export interface BaseResult {
  seed: number;
  accuracy: number;
  health: RunHealth | null;
}

export interface NoRetrainResult {
  method: string;
  threshold: number;
  /** The base model scored. */
  baseSeed: number;
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
  /** A shard's results: the `index`-th (1-based) of `count` parts of the plan (sweepPlan.ts, shardOfRuns). */
  shard?: Shard;
  /** A merged bundle's parts (mergeResults.ts), in shard order. */
  parts?: ResultsPart[];
}

export interface Shard {
  index: number;
  count: number;
}

export interface ResultsPart {
  /** The part's file name, or where it came from. */
  name: string;
  shard: Shard | null;
  startedAt: string;
  finishedAt: string | null;
  device: string;
  backendDetails: string;
}

export interface SweepResults {
  config: SweepConfig;
  runs: RunResult[];
  noRetrain: NoRetrainResult[];
  bases: BaseResult[];
  provenance: Provenance;
}

export const jsonPrecision = (p: readonly number[]): (number | null)[] => p.map((v) => (Number.isFinite(v) ? v : null));

/** A sweep's results before anything has run. */
export function emptyResults(config: SweepConfig, provenance: Provenance): SweepResults {
  return { config, runs: [], noRetrain: [], bases: [], provenance };
}

/** What a running sweep reports, in the order it happens (runSweep's hooks). */
export type SweepRecordEvent = { type: 'base'; base: BaseResult } | { type: 'noRetrain'; result: NoRetrainResult } | { type: 'run'; run: RunResult };

/**
 * Folds one event into the results, without changing the old object: the page's store and the CLI both
 * build their results with it. A base model or no-retrain score computed again (a resumed sweep) replaces
 * the earlier one, so each appears once.
 */
export function applySweepEvent(r: SweepResults, e: SweepRecordEvent): SweepResults {
  switch (e.type) {
    case 'base':
      return { ...r, bases: [...r.bases.filter((b) => b.seed !== e.base.seed), e.base].sort((a, b) => a.seed - b.seed) };
    case 'noRetrain': {
      const same = (x: NoRetrainResult): boolean => x.method === e.result.method && x.threshold === e.result.threshold && x.baseSeed === e.result.baseSeed;
      return { ...r, noRetrain: [...r.noRetrain.filter((x) => !same(x)), e.result] };
    }
    case 'run':
      return { ...r, runs: [...r.runs.filter((x) => x.key !== e.run.key), e.run] };
  }
}
