/**
 * Results written by an earlier version of the lab, read as the current version says the same thing.
 * Version 1 (before base models, run health, the mask-only control and the optimiser choice) had one base
 * model, SGD trainings of fixed length, and no health record: its runs are upgraded with health unknown.
 * Fields are copied as found; the results schema checks everything afterwards.
 */
import { REFERENCE_TRAIN } from '../defaults';
import { SWEEP_CONFIG_VERSION } from './sweepConfig';
import { runKey, UNMASKED } from './sweepPlan';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const V1_TRAIN = { optimizer: REFERENCE_TRAIN.optimizer, warmupSteps: 0, stopping: 'epochs', patience: REFERENCE_TRAIN.patience } as const;

export function upgradeConfigV1(v: unknown): unknown {
  if (!isRecord(v) || v.version !== 1) return v;
  const train = (t: unknown): unknown => (isRecord(t) ? { ...t, ...V1_TRAIN } : t);
  return { ...v, baseSeeds: 1, maskOnly: false, version: SWEEP_CONFIG_VERSION, base: train(v.base), retrain: train(v.retrain) };
}

/**
 * Version 1 results: runs gain their kind, base model and an unknown health; each no-retrain score its base
 * model (a cell scored twice by a resumed sweep keeps the later score); the base accuracy becomes the one
 * base model.
 */
export function upgradeResultsV1(v: unknown): unknown {
  if (!isRecord(v) || !isRecord(v.config) || v.config.version !== 1) return v;
  const config = upgradeConfigV1(v.config);
  const baseSeed = isRecord(config) && isRecord(config.base) ? config.base.seed : undefined;
  const { baseAccuracy, ...rest } = v;
  const runs = Array.isArray(v.runs)
    ? v.runs.map((r: unknown) => {
        if (!isRecord(r)) return r;
        const runBase = r.method === UNMASKED ? null : baseSeed;
        const oldKey = `${String(r.method)}|${String(r.threshold)}|${String(r.seed)}`;
        const typed = typeof r.method === 'string' && typeof r.threshold === 'number' && typeof r.seed === 'number' && (runBase === null || typeof runBase === 'number');
        const key = r.key === oldKey && typed ? runKey('retrain', r.method as string, r.threshold as number, r.seed as number, runBase as number | null) : r.key;
        return { ...r, key, kind: 'retrain', baseSeed: runBase, epochs: null, health: null };
      })
    : v.runs;
  const noRetrain = Array.isArray(v.noRetrain)
    ? [...new Map(v.noRetrain.map((r: unknown, i: number) => (isRecord(r) ? [`${String(r.method)}|${String(r.threshold)}`, { ...r, baseSeed }] : [`#${i}`, r]))).values()]
    : v.noRetrain;
  const bases = baseAccuracy === null || baseAccuracy === undefined ? [] : [{ seed: baseSeed, accuracy: baseAccuracy, health: null }];
  return { ...rest, config, runs, noRetrain, bases };
}
