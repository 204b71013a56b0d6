/** Command-line flags for the training settings, one per field (engine/config/trainConfig.ts). */
import { TRAIN_FIELD_NAMES, TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import type { TrainConfig } from '../engine/defaults';
import { fieldFlag, type FlagSpec, type ParsedFlags } from './args';
import type { Field } from '../engine/config/field';

/** The flag of each training field, without its prefix. */
export const TRAIN_FLAG_NAMES: Readonly<Record<TrainField, string>> = {
  learningRate: 'lr',
  momentum: 'momentum',
  batchSize: 'batch',
  epochs: 'epochs',
  trainSize: 'train-size',
  testSize: 'test-size',
  seed: 'seed',
  optimizer: 'optimizer',
  warmupSteps: 'warmup',
  stopping: 'stopping',
  patience: 'patience',
};

/** Flag specs for every training field, named `${prefix}${flag}` (`--lr`, `--retrain-lr`…). */
export function trainFlagSpecs(prefix = ''): Record<string, FlagSpec> {
  return Object.fromEntries(TRAIN_FIELD_NAMES.map((f) => [`${prefix}${TRAIN_FLAG_NAMES[f]}`, fieldFlag(TRAIN_FIELDS[f] as Field<unknown>)]));
}

/** `base` with the training fields the parsed flags set. */
export function applyTrainFlags(base: TrainConfig, flags: ParsedFlags, prefix = ''): TrainConfig {
  const out: Record<string, unknown> = { ...base };
  for (const f of TRAIN_FIELD_NAMES) {
    const v = flags[`${prefix}${TRAIN_FLAG_NAMES[f]}`];
    if (v !== undefined) out[f] = v;
  }
  return out as unknown as TrainConfig;
}

/** `[--lr X] [--momentum M] …` for a usage line. */
export function trainFlagsUsage(prefix = ''): string {
  return TRAIN_FIELD_NAMES.map((f) => {
    const c = TRAIN_FIELDS[f].control;
    return `[--${prefix}${TRAIN_FLAG_NAMES[f]} ${c.kind === 'choice' ? c.choices.join('|') : c.kind === 'integer' ? 'N' : 'X'}]`;
  }).join(' ');
}
