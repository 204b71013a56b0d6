/**
 * A sweep configuration read from an untrusted results file or link. Every field is checked with the same
 * rules as the page's forms (checkTrainValue, each method's validate, sweepConfigErrors), plus the share
 * limits on list lengths.
 */
import { isMethodId, methodInfo, METHOD_IDS } from '../engine/attribution/catalog';
import { TRAIN_FIELDS, checkTrainValue, type TrainField } from '../engine/config/trainConfig';
import { TRAIN_LIMITS, type TrainConfig } from '../engine/defaults';
import { methodKey, sweepConfigErrors, SWEEP_CONFIG_VERSION, type MethodSpec, type SweepConfig } from '../engine/sweep/sweepConfig';
import { MASK_MODES, RANK_TRANSFORMS, REPLACEMENTS, TARGET_MODES, TIE_BREAKS } from './choices';
import { MAX_METHODS, MAX_THRESHOLDS } from './limits';
import { bool, describe, fail, fraction, list, number, oneOf, plainObject, record } from './schemaReader';

/** Tie and map seeds take the same range as training seeds. */
const SEED_MAX = TRAIN_LIMITS.seed.max;
const TRAIN_KEYS = Object.keys(TRAIN_FIELDS) as TrainField[];

function readTrainConfig(v: unknown, path: string): TrainConfig {
  const o = record(v, path, TRAIN_KEYS);
  const out = {} as TrainConfig;
  for (const f of TRAIN_KEYS) {
    const problem = checkTrainValue(f, o[f]);
    if (problem) fail(`${path}.${f}`, `is not valid: ${problem}`);
    out[f] = o[f] as number;
  }
  return out;
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

export function readSweepConfig(v: unknown, path: string): SweepConfig {
  const o = record(v, path, ['version', 'methods', 'thresholds', 'seeds', 'mask', 'target', 'mapSeed', 'base', 'retrain', 'noRetrain']);
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
  };
  const keys = methods.map(methodKey);
  if (new Set(keys).size !== keys.length) fail(`${path}.methods`, 'list the same method with the same parameters twice.');
  // The page's own cross-field rules, so that a file can never hold a sweep the page would refuse to run.
  const errors = sweepConfigErrors(config);
  if (errors.length) fail(path, `is not valid: ${errors[0]}`);
  return config;
}
