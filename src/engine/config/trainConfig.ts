/**
 * The training settings, field by field: label, hint, limits or choices. The page's form, the URL, the
 * results reader and the CLI all check values here, so all of them accept and reject exactly the same
 * values with the same words.
 */
import { REFERENCE_TRAIN, TRAIN_LIMITS, type OptimizerName, type Stopping, type TrainConfig } from '../defaults';

export type TrainField = keyof TrainConfig;

type Numeric = Exclude<TrainField, 'optimizer' | 'stopping'>;

export type TrainFieldSpec = { label: string; hint: string } & (
  | { kind: 'integer' | 'number'; min: number; max: number }
  | { kind: 'choice'; choices: readonly string[]; words: Readonly<Record<string, string>> }
);

const numeric = (field: Numeric, kind: 'integer' | 'number', label: string, hint: string): TrainFieldSpec => ({ kind, label, hint, ...TRAIN_LIMITS[field] });

const OPTIMIZER_WORDS: Record<OptimizerName, string> = { sgd: 'SGD with momentum', adam: 'Adam' };
const STOPPING_WORDS: Record<Stopping, string> = { epochs: 'after the epochs', plateau: 'when the loss stops falling' };

export const TRAIN_FIELDS: Readonly<Record<TrainField, TrainFieldSpec>> = {
  learningRate: numeric('learningRate', 'number', 'Learning rate', 'Step size. The paper uses 0.001 with SGD; 0.01 learns faster.'),
  momentum: numeric('momentum', 'number', 'Momentum', 'SGD momentum (0.9 in the paper); for Adam its β₁.'),
  batchSize: numeric('batchSize', 'integer', 'Batch size', 'Images per gradient step (64 in the paper).'),
  epochs: numeric('epochs', 'integer', 'Epochs', 'Passes over the training images (10 in the paper); the most, when stopping on a plateau.'),
  trainSize: numeric('trainSize', 'integer', 'Training images', `How many of the ${TRAIN_LIMITS.trainSize.max.toLocaleString('en')} training images to use.`),
  testSize: numeric('testSize', 'integer', 'Test images', `How many of the ${TRAIN_LIMITS.testSize.max.toLocaleString('en')} test images to score on.`),
  seed: numeric('seed', 'integer', 'Seed', 'Fixes the initial weights and the data order: same seed, same numbers.'),
  optimizer: { kind: 'choice', label: 'Optimiser', hint: 'SGD with momentum is the paper’s; Adam leaves the first loss plateau sooner.', choices: Object.keys(OPTIMIZER_WORDS), words: OPTIMIZER_WORDS },
  warmupSteps: numeric('warmupSteps', 'integer', 'Warm-up steps', 'The learning rate rises linearly over this many steps (0: from the start).'),
  stopping: { kind: 'choice', label: 'Stop', hint: 'Train all epochs, or stop once an epoch no longer lowers the loss.', choices: Object.keys(STOPPING_WORDS), words: STOPPING_WORDS },
  patience: numeric('patience', 'integer', 'Patience', 'When stopping on a plateau: epochs without improvement before it stops.'),
};

export const TRAIN_FIELD_NAMES = Object.keys(TRAIN_FIELDS) as TrainField[];

/** Returns a message saying what is wrong and what is allowed, or null when the value is fine. */
export function checkTrainValue(field: TrainField, value: unknown): string | null {
  const spec = TRAIN_FIELDS[field];
  if (spec.kind === 'choice') {
    return typeof value === 'string' && spec.choices.includes(value) ? null : `${spec.label} must be one of ${spec.choices.join(', ')}.`;
  }
  const { min, max, label } = spec;
  const integer = spec.kind === 'integer';
  const allowed = `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be ${allowed}.`;
  if (integer && !Number.isInteger(value)) return `${label} must be ${allowed}; ${value} is not whole.`;
  if (value < min || value > max) return `${label} must be ${allowed}; ${value} is out of range.`;
  return null;
}

/** A field's value from what a person typed or chose: a number for numeric fields (NaN when it is none), the text itself for choices. */
export function trainValueFromText(field: TrainField, text: string): number | string {
  if (TRAIN_FIELDS[field].kind === 'choice') return text;
  const raw = text.trim();
  return raw === '' ? Number.NaN : Number(raw);
}

export interface TrainValidation {
  config: TrainConfig;
  errors: Partial<Record<TrainField, string>>;
}

/** Checks every field; invalid ones keep the reference default in `config` and get a message in `errors`. */
export function validateTrainConfig(input: Partial<Record<TrainField, unknown>>): TrainValidation {
  const config: Record<string, unknown> = { ...REFERENCE_TRAIN };
  const errors: Partial<Record<TrainField, string>> = {};
  for (const field of TRAIN_FIELD_NAMES) {
    if (!(field in input)) continue;
    const msg = checkTrainValue(field, input[field]);
    if (msg) errors[field] = msg;
    else config[field] = input[field];
  }
  return { config: config as unknown as TrainConfig, errors };
}
