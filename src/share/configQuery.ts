/**
 * Every setting of the lab as a readable, versioned URL query, in the spirit of TensorFlow Playground's
 * address bar: copying the address shares the setup, opening it restores it.
 *
 *   ?v=1                                    schema version (a link without it is read as version 1)
 *   &lr=0.01&mom=0.9&batch=64&epochs=1      training form (step 1): learning rate, momentum, batch size, epochs,
 *   &train=10000&test=10000&seed=1            training and test images, seed
 *   &methods=gradient,integratedGradients(steps:16),random
 *                                           the sweep's methods and their parameters (grammar: methodsText.ts)
 *   &t=0,10,50,90                           thresholds, in percent of the pixels, increasing
 *   &seeds=2                                retraining seeds per cell and base model
 *   &bases=2                                base models (seeds base.seed, base.seed + 1, …)
 *   &mode=roar&repl=mean&rank=abs           ROAR|KAR, replacement, rank transform (abs|square|signed)
 *   &ties=random&tieSeed=7                  tie-break (random|index) and its seed
 *   &target=label&mapSeed=1                 class the maps explain (label|predicted), seed of the maps
 *   &noRetrain=1                            also score the base model without retraining (1|0)
 *   &maskOnly=1                             also train on the removal pattern alone (1|0)
 *   &base.lr=0.01&base.mom=0.9&base.batch=64&base.epochs=2&base.train=12000&base.test=2000&base.seed=1
 *   &base.opt=adam&base.warmup=0&base.stop=plateau&base.patience=2
 *                                           the sweep's base model, same keys as the training form
 *   &retrain.lr=0.01&…&retrain.seed=1       each retrained model, same keys
 *   &backend=wasm                           webgpu|webgl|wasm|cpu, read by state/backendParam.ts as before
 *   #r=eJzt…                                results, only in "Copy link with results" (resultsLink.ts)
 *
 * Numbers are plain decimals written in their shortest exact form, so every value reads back as the same
 * double. Writing keeps `,` `:` `(` `)` literal (RFC 3986 allows them in a query) so the address stays
 * readable. Every valid field is written, so a link means the same thing even if the page's defaults change.
 * Reading checks each field with the same rules and words as the forms; a missing field keeps the page's
 * current value, and a bad one keeps it too, with a notice naming the field and the value used instead.
 */
import { TRAIN_LIMITS, type BackendName, type MaskConfig, type TrainConfig } from '../engine/defaults';
import { checkTrainValue, TRAIN_FIELD_NAMES, TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import { MAX_BASE_SEEDS, type SweepConfig } from '../engine/sweep/sweepConfig';
import { backendFromUrl } from '../state/backendParam';
import { MASK_MODES, RANK_TRANSFORMS, REPLACEMENTS, TARGET_MODES, TIE_BREAKS } from './choices';
import { decimalText, parseDecimal, parsePercent, percentText } from './decimalText';
import { MAX_THRESHOLDS, QUOTE_CHARS } from './limits';
import { formatMethods, parseMethods } from './methodsText';

const CONFIG_QUERY_VERSION = 1;

/** What a link configures: the training form, the sweep, and the backend when one was chosen. */
export interface ShareConfig {
  train: TrainConfig;
  sweep: SweepConfig;
  /** Null: the page picks the best available backend. */
  backend: BackendName | null;
}

type Parsed<T> = { value: T } | { error: string };

interface Field<T> {
  key: string;
  get: (c: ShareConfig) => T;
  /** Writes into a draft configuration that decoding owns. */
  set: (c: ShareConfig, value: T) => void;
  parse: (text: string) => Parsed<T>;
  format: (value: T) => string;
}

/** A field with its value type hidden, so that fields of all types sit in one list. */
interface AnyField {
  key: string;
  /** The field's text, or null when the value is not valid (a form field being edited): links carry only valid values. */
  encode: (c: ShareConfig) => string | null;
  /** Sets the field on the draft from `text`; returns what is wrong instead when it is not valid. */
  decode: (draft: ShareConfig, text: string) => string | null;
  shown: (c: ShareConfig) => string;
}

function field<T>(f: Field<T>): AnyField {
  return {
    key: f.key,
    encode: (c) => {
      const text = f.format(f.get(c));
      return 'value' in f.parse(text) ? text : null;
    },
    decode: (draft, text) => {
      const r = f.parse(text);
      if ('error' in r) return r.error;
      f.set(draft, r.value);
      return null;
    },
    shown: (c) => f.format(f.get(c)),
  };
}

function integer(text: string, what: string, min: number, max: number): Parsed<number> {
  const v = parseDecimal(text);
  return v !== null && Number.isInteger(v) && v >= min && v <= max ? { value: v } : { error: `${what} must be a whole number from ${min} to ${max}.` };
}

function choice<T extends string>(text: string, what: string, choices: readonly T[]): Parsed<T> {
  return (choices as readonly string[]).includes(text) ? { value: text as T } : { error: `${what} must be one of ${choices.join(', ')}.` };
}

const TRAIN_KEYS: Record<TrainField, string> = {
  learningRate: 'lr',
  momentum: 'mom',
  batchSize: 'batch',
  epochs: 'epochs',
  trainSize: 'train',
  testSize: 'test',
  seed: 'seed',
  optimizer: 'opt',
  warmupSteps: 'warmup',
  stopping: 'stop',
  patience: 'patience',
};

/** The training fields of one TrainConfig, keyed `lr`, `mom`, … after `prefix`. */
function trainFields(prefix: string, of: (c: ShareConfig) => TrainConfig): AnyField[] {
  return TRAIN_FIELD_NAMES.map((f) => {
    const choice = TRAIN_FIELDS[f].kind === 'choice';
    return field<number | string>({
      key: `${prefix}${TRAIN_KEYS[f]}`,
      get: (c) => of(c)[f],
      set: (c, v) => {
        (of(c) as unknown as Record<string, unknown>)[f] = v;
      },
      parse: (text) => {
        const v = choice ? text : (parseDecimal(text) ?? Number.NaN);
        const error = checkTrainValue(f, v);
        return error ? { error } : { value: v };
      },
      format: (v) => (typeof v === 'number' ? decimalText(v) : String(v)),
    });
  });
}

/** A masking rule that is one of a few words (mode, replacement, rank transform, tie-break). */
function maskChoice<K extends 'mode' | 'replacement' | 'rankTransform' | 'tieBreak'>(
  key: string,
  prop: K,
  label: string,
  choices: readonly MaskConfig[K][],
): AnyField {
  return field<MaskConfig[K]>({
    key,
    get: (c) => c.sweep.mask[prop],
    set: (c, v) => {
      c.sweep.mask[prop] = v;
    },
    parse: (text) => choice(text, label, choices),
    format: String,
  });
}

function parseThresholds(text: string): Parsed<number[]> {
  const parts = text.split(',');
  if (parts.length > MAX_THRESHOLDS) return { error: `at most ${MAX_THRESHOLDS} thresholds.` };
  const values: number[] = [];
  for (const p of parts) {
    const v = parsePercent(p);
    if (v === null || v < 0 || v > 1) return { error: `thresholds are percentages from 0 to 100, comma-separated; “${p.slice(0, QUOTE_CHARS)}” is not.` };
    if (values.length && v <= values[values.length - 1]) return { error: 'thresholds must increase, without repeats.' };
    values.push(v);
  }
  return { value: values };
}

/** Tie and map seeds take the same range as training seeds. */
const SEED_MAX = TRAIN_LIMITS.seed.max;

const FIELDS: readonly AnyField[] = [
  ...trainFields('', (c) => c.train),
  field({
    key: 'methods',
    get: (c) => c.sweep.methods,
    set: (c, v) => {
      c.sweep.methods = v;
    },
    parse: (text) => {
      const r = parseMethods(text);
      return 'error' in r ? { error: `Methods: ${r.error}` } : { value: r.methods };
    },
    format: formatMethods,
  }),
  field({
    key: 't',
    get: (c) => c.sweep.thresholds,
    set: (c, v) => {
      c.sweep.thresholds = v;
    },
    parse: parseThresholds,
    format: (v) => v.map(percentText).join(','),
  }),
  field({
    key: 'seeds',
    get: (c) => c.sweep.seeds,
    set: (c, v) => {
      c.sweep.seeds = v;
    },
    parse: (text) => integer(text, 'Seeds per cell', 1, 20),
    format: decimalText,
  }),
  maskChoice('mode', 'mode', 'The mode', MASK_MODES),
  maskChoice('repl', 'replacement', 'The replacement', REPLACEMENTS),
  maskChoice('rank', 'rankTransform', 'The rank transform', RANK_TRANSFORMS),
  maskChoice('ties', 'tieBreak', 'The tie-break', TIE_BREAKS),
  field({
    key: 'tieSeed',
    get: (c) => c.sweep.mask.tieSeed,
    set: (c, v) => {
      c.sweep.mask.tieSeed = v;
    },
    parse: (text) => integer(text, 'The tie seed', 0, SEED_MAX),
    format: decimalText,
  }),
  field({
    key: 'target',
    get: (c) => c.sweep.target,
    set: (c, v) => {
      c.sweep.target = v;
    },
    parse: (text) => choice(text, 'The target', TARGET_MODES),
    format: String,
  }),
  field({
    key: 'mapSeed',
    get: (c) => c.sweep.mapSeed,
    set: (c, v) => {
      c.sweep.mapSeed = v;
    },
    parse: (text) => integer(text, 'The map seed', 0, SEED_MAX),
    format: decimalText,
  }),
  field({
    key: 'bases',
    get: (c) => c.sweep.baseSeeds,
    set: (c, v) => {
      c.sweep.baseSeeds = v;
    },
    parse: (text) => integer(text, 'Base models', 1, MAX_BASE_SEEDS),
    format: decimalText,
  }),
  field({
    key: 'maskOnly',
    get: (c) => c.sweep.maskOnly,
    set: (c, v) => {
      c.sweep.maskOnly = v;
    },
    parse: (text) => (text === '1' || text === '0' ? { value: text === '1' } : { error: 'maskOnly must be 1 (also train on the removal pattern alone) or 0.' }),
    format: (v) => (v ? '1' : '0'),
  }),
  field({
    key: 'noRetrain',
    get: (c) => c.sweep.noRetrain,
    set: (c, v) => {
      c.sweep.noRetrain = v;
    },
    parse: (text) => (text === '1' || text === '0' ? { value: text === '1' } : { error: 'noRetrain must be 1 (score the base model without retraining) or 0.' }),
    format: (v) => (v ? '1' : '0'),
  }),
  ...trainFields('base.', (c) => c.sweep.base),
  ...trainFields('retrain.', (c) => c.sweep.retrain),
];

const KNOWN_KEYS = new Set(['v', 'backend', ...FIELDS.map((f) => f.key)]);
/** How many unknown keys a notice lists by name. */
const LISTED_UNKNOWN = 5;

/** Keeps `,` `:` `(` `)` literal; everything else as encodeURIComponent has it (`+`, `&`, `#`, `%` escaped). */
const queryText = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':');

/** The query (without `?`) that restores `c`; a field whose value is not valid is left out. */
export function encodeConfigQuery(c: ShareConfig): string {
  const parts = [`v=${CONFIG_QUERY_VERSION}`];
  for (const f of FIELDS) {
    const text = f.encode(c);
    if (text !== null) parts.push(`${f.key}=${queryText(text)}`);
  }
  if (c.backend) parts.push(`backend=${c.backend}`);
  return parts.join('&');
}

/** A stranger's text, cut short; the page's own values are quoted whole. */
const quote = (s: string, max = QUOTE_CHARS): string => `“${s.length > max ? `${s.slice(0, max)}…` : s}”`;

interface DecodedQuery {
  config: ShareConfig;
  /** One sentence per problem, each naming the field. */
  notices: string[];
  /** Whether the query held any setting of the lab at all. */
  present: boolean;
}

/** Reads `search` (a location.search) over `current`: fields the query does not set, or sets badly, keep their value there. */
export function decodeConfigQuery(search: string, current: ShareConfig): DecodedQuery {
  const params = new URLSearchParams(search);
  const config = structuredClone(current);
  const notices: string[] = [];
  const version = params.get('v');
  if (version !== null && version !== String(CONFIG_QUERY_VERSION)) {
    notices.push(`Link setting v=${quote(version)}: this page reads version ${CONFIG_QUERY_VERSION} links; the settings below were read as version ${CONFIG_QUERY_VERSION}.`);
  }
  for (const f of FIELDS) {
    const all = params.getAll(f.key);
    if (all.length === 0) continue;
    if (all.length > 1) notices.push(`Link setting ${f.key} appears ${all.length} times; the first is used.`);
    const problem = f.decode(config, all[0]);
    if (problem) notices.push(`Link setting ${f.key}=${quote(all[0])}: ${problem} Using ${quote(f.shown(current), Infinity)} instead.`);
  }
  const backend = backendFromUrl(search);
  config.backend = backend.backend;
  if (backend.notice) notices.push(backend.notice);
  const unknown = [...new Set(params.keys())].filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) {
    const named = unknown.slice(0, LISTED_UNKNOWN).map((k) => quote(k)).join(', ');
    const more = unknown.length > LISTED_UNKNOWN ? ` and ${unknown.length - LISTED_UNKNOWN} more` : '';
    notices.push(`Link settings this page does not know were ignored: ${named}${more}.`);
  }
  const present = [...params.keys()].some((k) => KNOWN_KEYS.has(k));
  return { config, notices, present };
}
