/**
 * The list of retraining runs a sweep consists of, in the order they are run: seed by seed, so that after
 * the first seed every curve already has all its points; within a seed threshold by threshold. A threshold
 * that changes no pixel (ROAR at 0 %) has one run shared by all methods (Hooker's "raw_image").
 */
import { methodKey, type SweepConfig } from './sweepConfig';

/** The method key of the shared unmasked runs. */
export const UNMASKED = 'unmasked';

export interface RunSpec {
  /** Unique and stable across sessions: resuming skips runs whose key is already done. */
  key: string;
  /** methodKey of the method whose ranks mask the data, or UNMASKED. */
  method: string;
  threshold: number;
  seed: number;
}

export function runKey(method: string, threshold: number, seed: number): string {
  return `${method}|${threshold}|${seed}`;
}

/** ROAR at 0 % and KAR at 100 % leave every image as it is, whatever the method. */
export function isUnmasked(config: SweepConfig, threshold: number): boolean {
  return config.mask.mode === 'roar' ? threshold === 0 : threshold === 1;
}

export function planRuns(config: SweepConfig): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let s = 0; s < config.seeds; s++) {
    const seed = config.retrain.seed + s;
    for (const threshold of config.thresholds) {
      const methods = isUnmasked(config, threshold) ? [UNMASKED] : config.methods.map(methodKey);
      for (const method of methods) runs.push({ key: runKey(method, threshold, seed), method, threshold, seed });
    }
  }
  return runs;
}
