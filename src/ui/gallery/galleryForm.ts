/**
 * The gallery's settings as the person typed them, and their translation into a worker request. Every
 * problem comes back keyed by the field it belongs to, in words that say what is allowed.
 */
import { METHOD_IDS, NOISE_BASE_IDS, methodInfo, type FieldInfo, type MethodId } from '../../engine/attribution/catalog';
import type { TargetMode } from '../../engine/attribution/targets';
import {
  DEFAULT_MASK,
  DEFAULT_THRESHOLDS,
  MNIST_TEST_COUNT,
  NUM_CLASSES,
  type MaskMode,
  type RankTransform,
  type Replacement,
  type TieBreak,
} from '../../engine/defaults';
import type { MethodSpec } from '../../engine/sweep/sweepConfig';
import type { DigitChoice, GalleryRequest } from '../../worker/protocol';
import { MAX_GALLERY_DIGITS } from '../../engine/defaults';

export const MAX_DIGITS = MAX_GALLERY_DIGITS;
/** Each threshold adds a column of two canvases to every row; beyond a dozen the table stops being readable. */
export const MAX_THRESHOLDS = 12;
const MAX_SEED = 2 ** 31 - 1;

export type DigitSource = 'test' | 'class' | 'misclassified' | 'drawn';

export interface MethodForm {
  selected: boolean;
  /** Text per parameter key; a wrapper's base parameters under `baseParams.<key>`. */
  values: Record<string, string>;
}

export interface GalleryForm {
  source: DigitSource;
  testIndices: string;
  classDigit: string;
  classCount: string;
  misclassifiedCount: string;
  /** The drawn digit, 784 values in [0, 1], or null while the pad is empty. */
  drawn: number[] | null;
  methods: Record<MethodId, MethodForm>;
  target: TargetMode;
  /** Percentages, comma-separated. */
  thresholds: string;
  rankTransform: RankTransform;
  tieBreak: TieBreak;
  tieSeed: string;
  mode: MaskMode;
  replacement: Replacement;
  mapSeed: string;
}

export type GalleryErrorKey =
  | 'testIndices'
  | 'classDigit'
  | 'classCount'
  | 'misclassifiedCount'
  | 'drawn'
  | 'methods'
  | 'thresholds'
  | 'tieSeed'
  | 'mapSeed'
  | `method.${MethodId}`;
export type GalleryErrors = Partial<Record<GalleryErrorKey, string>>;

/** Seed 000's comparison figure with the methods Hooker found worth comparing, and the random yardstick. */
const PRESELECTED: readonly MethodId[] = ['gradient', 'integratedGradients', 'guidedBackprop', 'smoothGradSquared', 'random'];

/** The key under which a wrapper keeps its base method's parameter. */
export const baseKey = (key: string) => `baseParams.${key}`;

/** The form's text for each of a method's fields, from its defaults. */
function fieldTexts(id: MethodId, key: (field: string) => string): Record<string, string> {
  const defaults = methodInfo(id).defaults as Record<string, unknown>;
  return Object.fromEntries(Object.keys(methodInfo(id).fields).map((f) => [key(f), String(defaults[f])]));
}

function defaultValues(id: MethodId): Record<string, string> {
  const values = fieldTexts(id, (f) => f);
  // Every base's fields get their defaults, so switching the base shows sensible values.
  if (methodInfo(id).wrapsBase) for (const base of NOISE_BASE_IDS) Object.assign(values, fieldTexts(base, baseKey));
  return values;
}

export const percentText = (fraction: number) => String(+(fraction * 100).toPrecision(12));

export function initialGalleryForm(): GalleryForm {
  return {
    source: 'test',
    testIndices: '0',
    classDigit: '7',
    classCount: '3',
    misclassifiedCount: '3',
    drawn: null,
    methods: Object.fromEntries(METHOD_IDS.map((id) => [id, { selected: PRESELECTED.includes(id), values: defaultValues(id) }])) as Record<MethodId, MethodForm>,
    target: 'label',
    thresholds: DEFAULT_THRESHOLDS.map(percentText).join(', '),
    rankTransform: DEFAULT_MASK.rankTransform,
    tieBreak: DEFAULT_MASK.tieBreak,
    tieSeed: String(DEFAULT_MASK.tieSeed),
    mode: DEFAULT_MASK.mode,
    replacement: DEFAULT_MASK.replacement,
    mapSeed: '1',
  };
}

/** A whole number in [min, max], or the message saying so. */
function wholeNumber(text: string, what: string, min: number, max: number): number | string {
  const raw = text.trim();
  const v = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) {
    return `${what} must be a whole number from ${min} to ${max}${raw === '' ? '.' : `; “${raw}” is not.`}`;
  }
  return v;
}

/** The digits to show; each problem goes into `errors` under its field. */
function digitChoices(f: GalleryForm, errors: GalleryErrors): DigitChoice[] {
  switch (f.source) {
    case 'test': {
      const parts = f.testIndices.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (parts.length === 0) errors.testIndices = `Give a test image index from 0 to ${MNIST_TEST_COUNT - 1}, e.g. 0.`;
      else if (parts.length > MAX_DIGITS) errors.testIndices = `At most ${MAX_DIGITS} digits at once; ${parts.length} were given.`;
      const choices: DigitChoice[] = [];
      for (const p of parts) {
        const index = wholeNumber(p, 'A test image index', 0, MNIST_TEST_COUNT - 1);
        if (typeof index === 'string') errors.testIndices ??= index;
        else choices.push({ kind: 'test', index });
      }
      return choices;
    }
    case 'class': {
      const digit = wholeNumber(f.classDigit, 'The digit', 0, NUM_CLASSES - 1);
      const count = wholeNumber(f.classCount, 'How many', 1, MAX_DIGITS);
      if (typeof digit === 'string') errors.classDigit = digit;
      if (typeof count === 'string') errors.classCount = count;
      return typeof digit === 'number' && typeof count === 'number' ? [{ kind: 'class', digit, count }] : [];
    }
    case 'misclassified': {
      const count = wholeNumber(f.misclassifiedCount, 'How many', 1, MAX_DIGITS);
      if (typeof count === 'string') errors.misclassifiedCount = count;
      return typeof count === 'number' ? [{ kind: 'misclassified', count }] : [];
    }
    case 'drawn':
      if (!f.drawn) errors.drawn = 'The drawing is empty: draw a digit first.';
      return f.drawn ? [{ kind: 'drawn', pixels: f.drawn }] : [];
  }
}

/** Fractions from a comma-separated list of percentages: each from 0 to 100, increasing. */
export function parseThresholds(text: string): number[] | string {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.every((p) => p === '')) return 'Give at least one threshold, e.g. 0, 10, 50, 90.';
  if (parts.length > MAX_THRESHOLDS) return `At most ${MAX_THRESHOLDS} thresholds; ${parts.length} were given.`;
  const values = parts.map((p) => (p === '' ? Number.NaN : Number(p.replace(/%$/, ''))));
  const notNumber = parts.find((_, i) => !Number.isFinite(values[i]));
  if (notNumber !== undefined) return `“${notNumber}” is not a number: write percentages separated by commas, e.g. 0, 10, 50, 90.`;
  // Both kinds of problem at once, so that fixing one does not just reveal the other.
  const problems: string[] = [];
  const outside = parts.find((_, i) => values[i] < 0 || values[i] > 100);
  if (outside !== undefined) problems.push(`Each threshold is a percentage from 0 to 100; ${outside} is not.`);
  const j = values.findIndex((v, i) => i > 0 && v <= values[i - 1]);
  if (j > 0) problems.push(`List the thresholds in increasing order without repeats; ${parts[j]} comes after ${parts[j - 1]}.`);
  return problems.length > 0 ? problems.join(' ') : values.map((v) => v / 100);
}

/** A parameter's text as the value `validate` expects: numbers for number fields, text kept when it is not one. */
function fieldValue(field: FieldInfo, text: string): unknown {
  if (field.kind === 'choice') return text;
  const raw = text.trim();
  const v = Number(raw);
  return raw !== '' && Number.isFinite(v) ? v : raw;
}

/** The raw parameter object of one method's form, before validation. */
export function rawParams(id: MethodId, form: MethodForm): Record<string, unknown> {
  const texts = (fields: Readonly<Record<string, FieldInfo>>, key: (field: string) => string) =>
    Object.fromEntries(Object.entries(fields).map(([f, info]) => [f, fieldValue(info, form.values[key(f)] ?? '')]));
  const info = methodInfo(id);
  const params = texts(info.fields, (f) => f);
  const base = form.values.base;
  if (info.wrapsBase && (NOISE_BASE_IDS as readonly string[]).includes(base)) {
    const baseFields = methodInfo(base as MethodId).fields;
    if (Object.keys(baseFields).length > 0) params.baseParams = texts(baseFields, baseKey);
  }
  return params;
}

function methodSpecs(f: GalleryForm, errors: GalleryErrors): MethodSpec[] {
  const specs: MethodSpec[] = [];
  for (const id of METHOD_IDS) {
    if (!f.methods[id].selected) continue;
    const v = methodInfo(id).validate(rawParams(id, f.methods[id]));
    if ('error' in v) errors[`method.${id}`] = v.error;
    else specs.push({ id, params: v.params as Record<string, unknown> });
  }
  if (!METHOD_IDS.some((id) => f.methods[id].selected)) errors.methods = 'Choose at least one method.';
  return specs;
}

/** The worker request the form describes, or null with what is wrong, field by field. */
export function checkGalleryForm(f: GalleryForm): { request: GalleryRequest | null; errors: GalleryErrors } {
  const errors: GalleryErrors = {};
  const digits = digitChoices(f, errors);
  const methods = methodSpecs(f, errors);
  const thresholds = parseThresholds(f.thresholds);
  if (typeof thresholds === 'string') errors.thresholds = thresholds;
  const tieSeed = wholeNumber(f.tieSeed, 'The tie seed', 0, MAX_SEED);
  if (typeof tieSeed === 'string') errors.tieSeed = tieSeed;
  const mapSeed = wholeNumber(f.mapSeed, 'The map seed', 0, MAX_SEED);
  if (typeof mapSeed === 'string') errors.mapSeed = mapSeed;
  if (Object.keys(errors).length > 0 || typeof thresholds === 'string' || typeof tieSeed === 'string' || typeof mapSeed === 'string') {
    return { request: null, errors };
  }
  return {
    request: {
      digits,
      methods,
      thresholds,
      mask: { rankTransform: f.rankTransform, tieBreak: f.tieBreak, tieSeed, mode: f.mode, replacement: f.replacement },
      target: f.target,
      mapSeed,
    },
    errors,
  };
}
