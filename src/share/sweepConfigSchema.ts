/**
 * A sweep configuration read from an untrusted results file or link. Every field is checked with the same
 * rules as the page's forms (checkTrainValue, each method's validate, sweepConfigErrors), plus the share
 * limits on list lengths.
 */
import { isMethodId, methodInfo, METHOD_IDS } from '../engine/attribution/catalog';
import { TRAIN_FIELD_NAMES, checkTrainValue } from '../engine/config/trainConfig';
import { REFERENCE_TRAIN, TRAIN_LIMITS, type TrainConfig } from '../engine/defaults';
import { MAX_BASE_SEEDS, methodKey, sweepConfigErrors, SWEEP_CONFIG_VERSION, type MethodSpec, type SweepConfig } from '../engine/sweep/sweepConfig';
import { MASK_MODES, RANK_TRANSFORMS, REPLACEMENTS, TARGET_MODES, TIE_BREAKS } from './choices';
import { MAX_METHODS, MAX_THRESHOLDS } from './limits';
import { bool, describe, fail, fraction, isPlainRecord, list, number, oneOf, plainObject, record } from './schemaReader';

/** Tie and map seeds take the same range as training seeds. */
const SEED_MAX = TRAIN_LIMITS.seed.max;
function readTrainConfig(v: unknown, path: string): TrainConfig {
  const o = record(v, path, TRAIN_FIELD_NAMES);
  const out: Record<string, unknown> = {};
  for (const f of TRAIN_FIELD_NAMES) {
    const problem = checkTrainValue(f, o[f]);
    if (problem) fail(`${path}.${f}`, `is not valid: ${problem}`);
    out[f] = o[f];
  }
  return out as unknown as TrainConfig;
}

function readMethod(v: unknown, path: string): MethodSpec {
  const o = record(v, path, ['id', 'params']);
  if (typeof o.id !== 'string' || !isMethodId(o.id)) fail(`${path}.id`, `must be a known method (${METHOD_IDS.join(', ')}); got ${describe(o.id)}.`);
  const params = plainObject(o.params, `${path}.params`);
  const check = methodInfo(o.id).validate(params);
  if ('error' in check) fail(`${path}.params`, `are not valid: ${check.error}.`);
  // validate accepted only known keys holding numbers, words or (baseParams) checked objects: plain data to copy.
  return { id: o.id, params: structuredClone(params) };
}

/** What a version-1 configuration (before base models, the mask-only control and the optimiser choice) meant. */
const V1_DEFAULTS = { baseSeeds: 1, maskOnly: false } as const;
const V1_TRAIN_DEFAULTS = { optimizer: REFERENCE_TRAIN.optimizer, warmupSteps: 0, stopping: 'epochs', patience: REFERENCE_TRAIN.patience } as const;

/**
 * A version-1 configuration as version 2 says the same thing: one base model, no mask-only control, each
 * training as it was (SGD for its epochs). Fields are copied as found; readSweepConfig then checks them all.
 */
export function upgradeConfigV1(v: unknown): unknown {
  if (!isPlainRecord(v) || v.version !== 1) return v;
  const train = (t: unknown): unknown => (isPlainRecord(t) ? { ...t, ...V1_TRAIN_DEFAULTS } : t);
  return { ...v, ...V1_DEFAULTS, version: SWEEP_CONFIG_VERSION, base: train(v.base), retrain: train(v.retrain) };
}

export function readSweepConfig(v: unknown, path: string): SweepConfig {
  const o = record(v, path, ['version', 'methods', 'thresholds', 'seeds', 'baseSeeds', 'mask', 'target', 'mapSeed', 'base', 'retrain', 'noRetrain', 'maskOnly']);
  if (o.version !== SWEEP_CONFIG_VERSION) fail(`${path}.version`, `must be ${SWEEP_CONFIG_VERSION}; got ${describe(o.version)}.`);
  const methods = list(o.methods, `${path}.methods`, 1, MAX_METHODS).map((m, i) => readMethod(m, `${path}.methods[${i}]`));
  const thresholds = list(o.thresholds, `${path}.thresholds`, 1, MAX_THRESHOLDS).map((t, i) => fraction(t, `${path}.thresholds[${i}]`));
  if (thresholds.some((t, i) => i > 0 && t <= thresholds[i - 1])) fail(`${path}.thresholds`, 'must increase, without repeats.');
  const m = record(o.mask, `${path}.mask`, ['rankTransform', 'tieBreak', 'tieSeed', 'mode', 'replacement']);
  const config: SweepConfig = {
    version: SWEEP_CONFIG_VERSION,
    methods,
    thresholds,
    seeds: number(o.seeds, `${path}.seeds`, 1, 20, true),
    baseSeeds: number(o.baseSeeds, `${path}.baseSeeds`, 1, MAX_BASE_SEEDS, true),
    mask: {
      rankTransform: oneOf(m.rankTransform, `${path}.mask.rankTransform`, RANK_TRANSFORMS),
      tieBreak: oneOf(m.tieBreak, `${path}.mask.tieBreak`, TIE_BREAKS),
      tieSeed: number(m.tieSeed, `${path}.mask.tieSeed`, 0, SEED_MAX, true),
      mode: oneOf(m.mode, `${path}.mask.mode`, MASK_MODES),
      replacement: oneOf(m.replacement, `${path}.mask.replacement`, REPLACEMENTS),
    },
    target: oneOf(o.target, `${path}.target`, TARGET_MODES),
    mapSeed: number(o.mapSeed, `${path}.mapSeed`, 0, SEED_MAX, true),
    base: readTrainConfig(o.base, `${path}.base`),
    retrain: readTrainConfig(o.retrain, `${path}.retrain`),
    noRetrain: bool(o.noRetrain, `${path}.noRetrain`),
    maskOnly: bool(o.maskOnly, `${path}.maskOnly`),
  };
  const keys = methods.map(methodKey);
  if (new Set(keys).size !== keys.length) fail(`${path}.methods`, 'list the same method with the same parameters twice.');
  // The page's own cross-field rules, so that a file can never hold a sweep the page would refuse to run.
  const errors = sweepConfigErrors(config);
  if (errors.length) fail(path, `is not valid: ${errors[0]}`);
  return config;
}
