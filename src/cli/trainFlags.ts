/** Command-line flags for the training settings, derived from their field specs (engine/config/trainConfig.ts). */
import { TRAIN_FIELD_NAMES, TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import type { TrainConfig } from '../engine/defaults';
import type { FlagSpec, ParsedFlags } from './args';

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
export function trainFlagSpecs(prefix = '', only: readonly TrainField[] = TRAIN_FIELD_NAMES): Record<string, FlagSpec> {
  return Object.fromEntries(
    only.map((f) => {
      const spec = TRAIN_FIELDS[f];
      const flag: FlagSpec = spec.kind === 'choice' ? { kind: 'string', choices: spec.choices } : { kind: 'number', min: spec.min, max: spec.max, integer: spec.kind === 'integer' };
      return [`${prefix}${TRAIN_FLAG_NAMES[f]}`, flag];
    }),
  );
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
export function trainFlagsUsage(prefix = '', only: readonly TrainField[] = TRAIN_FIELD_NAMES): string {
  return only
    .map((f) => {
      const spec = TRAIN_FIELDS[f];
      return `[--${prefix}${TRAIN_FLAG_NAMES[f]} ${spec.kind === 'choice' ? spec.choices.join('|') : spec.kind === 'integer' ? 'N' : 'X'}]`;
    })
    .join(' ');
}
