/**
 * The training settings, each defined once (field.ts): the page's training form and the sweep form, the URL,
 * the results reader, the worker and the CLI all check them here.
 */
import { REFERENCE_TRAIN, TRAIN_LIMITS, type OptimizerName, type Stopping, type TrainConfig } from '../defaults';
import { choiceField, fieldProblem, numberField, objectSchema, type Field, type Fields } from './field';

export type TrainField = keyof TrainConfig;

const limits = <K extends keyof typeof TRAIN_LIMITS>(k: K) => TRAIN_LIMITS[k];

export const TRAIN_FIELDS: Fields<TrainConfig> = {
  learningRate: numberField({ label: 'Learning rate', hint: 'Step size. The paper uses 0.001 with SGD; 0.01 learns faster.', ...limits('learningRate') }),
  momentum: numberField({ label: 'Momentum', hint: 'SGD momentum (0.9 in the paper); for Adam its β₁.', ...limits('momentum') }),
  batchSize: numberField({ label: 'Batch size', hint: 'Images per gradient step (64 in the paper).', integer: true, ...limits('batchSize') }),
  epochs: numberField({ label: 'Epochs', hint: 'Passes over the training images (10 in the paper); the most, when stopping on a plateau.', integer: true, ...limits('epochs') }),
  trainSize: numberField({ label: 'Training images', hint: `How many of the ${limits('trainSize').max.toLocaleString('en')} training images to use.`, integer: true, ...limits('trainSize') }),
  testSize: numberField({ label: 'Test images', hint: `How many of the ${limits('testSize').max.toLocaleString('en')} test images to score on.`, integer: true, ...limits('testSize') }),
  seed: numberField({ label: 'Seed', hint: 'Fixes the initial weights and the data order: same seed, same numbers.', integer: true, ...limits('seed') }),
  optimizer: choiceField<OptimizerName>({ label: 'Optimiser', hint: 'SGD with momentum is the paper’s; Adam leaves the first loss plateau sooner.', words: { sgd: 'SGD with momentum', adam: 'Adam' } }),
  warmupSteps: numberField({ label: 'Warm-up steps', hint: 'The learning rate rises linearly over this many steps (0: from the start).', integer: true, ...limits('warmupSteps') }),
  stopping: choiceField<Stopping>({ label: 'Stop', hint: 'Train all epochs, or stop once an epoch no longer lowers the loss.', words: { epochs: 'after the epochs', plateau: 'when the loss stops falling' } }),
  patience: numberField({ label: 'Patience', hint: 'When stopping on a plateau: epochs without improvement before it stops.', integer: true, ...limits('patience') }),
};

export const TRAIN_FIELD_NAMES = Object.keys(TRAIN_FIELDS) as TrainField[];

export const trainSchema = objectSchema(TRAIN_FIELDS);

/** The field's message for the value, or null when it is allowed. */
export const checkTrainValue = (field: TrainField, value: unknown): string | null => fieldProblem(TRAIN_FIELDS[field] as Field<unknown>, value);

/** What a person's text for the field means (a number, or the choice's word). */
export const trainValueFromText = (field: TrainField, text: string): unknown => TRAIN_FIELDS[field].fromText(text);

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
