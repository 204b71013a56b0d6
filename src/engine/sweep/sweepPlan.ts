/**
 * The list of retraining runs a sweep consists of, in the order they are run: base model by base model
 * (each needs its own maps), within a base seed by seed, so that after the first seed every curve already
 * has all its points, and within a seed threshold by threshold. A threshold that changes no pixel (ROAR at
 * 0 %) has one run per seed shared by all methods and all base models (Hooker's "raw_image"): it depends on
 * neither. With the mask-only control on, each masked run has a twin trained on the removal pattern alone.
 */
import type { SweepConfig } from './sweepConfig';
import { methodKey } from '../attribution/methodSpec';

/** The method key of the shared unmasked runs. */
export const UNMASKED = 'unmasked';

/** A retrain on the masked images, or the mask-only control on the removal pattern alone. */
export type RunKind = 'retrain' | 'maskOnly';

export interface RunSpec {
  /** Unique and stable across sessions: resuming skips runs whose key is already done. */
  key: string;
  kind: RunKind;
  /** methodKey of the method whose ranks mask the data, or UNMASKED. */
  method: string;
  threshold: number;
  seed: number;
  /** The seed of the base model whose maps mask the data; null for the unmasked runs, which use none. */
  baseSeed: number | null;
}

export function runKey(kind: RunKind, method: string, threshold: number, seed: number, baseSeed: number | null): string {
  return `${kind === 'maskOnly' ? 'maskOnly:' : ''}${method}|${threshold}|${seed}|${baseSeed ?? 'none'}`;
}

/** ROAR at 0 % and KAR at 100 % leave every image as it is, whatever the method. */
export function isUnmasked(config: SweepConfig, threshold: number): boolean {
  return config.mask.mode === 'roar' ? threshold === 0 : threshold === 1;
}

/** The seeds of the sweep's base models. */
export function baseSeedsOf(config: SweepConfig): number[] {
  return Array.from({ length: config.baseSeeds }, (_, b) => config.base.seed + b);
}

/**
 * The seed of base model `baseSeed`'s maps: the map seed plus the base model's place, as base seeds count
 * from base.seed. A base model of its own is a fresh draw of every random map (the random baseline, SmoothGrad's
 * noise); one seed for all would repeat the random baseline's runs on every base model and count them as
 * independent (Welch's test on n = B·seeds runs that hold only `seeds` distinct ones).
 */
export function mapSeedOf(config: SweepConfig, baseSeed: number): number {
  return config.mapSeed + (baseSeed - config.base.seed);
}

export function planRuns(config: SweepConfig): RunSpec[] {
  const runs: RunSpec[] = [];
  const add = (kind: RunKind, method: string, threshold: number, seed: number, baseSeed: number | null): void =>
    void runs.push({ key: runKey(kind, method, threshold, seed, baseSeed), kind, method, threshold, seed, baseSeed });
  for (const [b, baseSeed] of baseSeedsOf(config).entries()) {
    for (let s = 0; s < config.seeds; s++) {
      const seed = config.retrain.seed + s;
      for (const threshold of config.thresholds) {
        if (isUnmasked(config, threshold)) {
          if (b === 0) add('retrain', UNMASKED, threshold, seed, null);
          continue;
        }
        for (const method of config.methods.map(methodKey)) {
          add('retrain', method, threshold, seed, baseSeed);
          if (config.maskOnly) add('maskOnly', method, threshold, seed, baseSeed);
        }
      }
    }
  }
  return runs;
}

/**
 * The runs of shard `index` (1-based) of `count`: contiguous blocks of the plan, as equal in number as they can
 * be (every run trains the same images for the same epochs, so equal counts are equal costs). Blocks in plan
 * order keep a base model's runs together, so a shard trains as few base models and makes as few maps as it can;
 * the shared unmasked runs go with the first base model's block.
 */
export function shardOfRuns(plan: readonly RunSpec[], index: number, count: number): RunSpec[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard ${index}/${count}: the shard must be a whole number from 1 to the number of shards`);
  }
  const from = Math.floor(((index - 1) * plan.length) / count);
  const to = Math.floor((index * plan.length) / count);
  return plan.slice(from, to);
}
