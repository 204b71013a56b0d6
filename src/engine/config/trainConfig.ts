/**
 * Validation of training settings, shared by the page's form, the URL and the CLI so that all three accept
 * and reject exactly the same values with the same words.
 */
import { REFERENCE_TRAIN, TRAIN_LIMITS, type TrainConfig } from '../defaults';

export type TrainField = keyof TrainConfig;

export const TRAIN_FIELDS: Record<TrainField, { label: string; integer: boolean }> = {
  learningRate: { label: 'Learning rate', integer: false },
  momentum: { label: 'Momentum', integer: false },
  batchSize: { label: 'Batch size', integer: true },
  epochs: { label: 'Epochs', integer: true },
  trainSize: { label: 'Training images', integer: true },
  testSize: { label: 'Test images', integer: true },
  seed: { label: 'Seed', integer: true },
};

/** Returns a message saying what is wrong and what is allowed, or null when the value is fine. */
export function checkTrainValue(field: TrainField, value: unknown): string | null {
  const { min, max } = TRAIN_LIMITS[field];
  const { label, integer } = TRAIN_FIELDS[field];
  const allowed = `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be ${allowed}.`;
  if (integer && !Number.isInteger(value)) return `${label} must be ${allowed}; ${value} is not whole.`;
  if (value < min || value > max) return `${label} must be ${allowed}; ${value} is out of range.`;
  return null;
}

export interface TrainValidation {
  config: TrainConfig;
  errors: Partial<Record<TrainField, string>>;
}

/** Checks every field; invalid ones keep the reference default in `config` and get a message in `errors`. */
export function validateTrainConfig(input: Partial<Record<TrainField, unknown>>): TrainValidation {
  const config: TrainConfig = { ...REFERENCE_TRAIN };
  const errors: Partial<Record<TrainField, string>> = {};
  for (const field of Object.keys(TRAIN_FIELDS) as TrainField[]) {
    if (!(field in input)) continue;
    const msg = checkTrainValue(field, input[field]);
    if (msg) errors[field] = msg;
    else config[field] = input[field] as number;
  }
  return { config, errors };
}
