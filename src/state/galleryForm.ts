/**
 * The gallery's settings as the person typed them, and their translation into a worker request. Every
 * problem comes back keyed by the field it belongs to, in words that say what is allowed.
 */
import { METHOD_IDS, NOISE_BASE_IDS, methodInfo, type FieldInfo, type MethodId } from '../engine/attribution/catalog';
import type { TargetMode } from '../engine/attribution/targets';
import {
  DEFAULT_MASK,
  DEFAULT_THRESHOLDS,
  MAX_GALLERY_DIGITS,
  MNIST_TEST_COUNT,
  NUM_CLASSES,
  type MaskMode,
  type MapFilter, type RankTransform,
  type Replacement,
  type TieBreak,
} from '../engine/defaults';
import type { MethodSpec } from '../engine/attribution/methodSpec';
import { numberField, parseText, type Field } from '../engine/config/field';
import { MASK_FIELDS } from '../engine/config/maskConfig';
import { MAX_GALLERY_THRESHOLDS, thresholdsField } from '../engine/config/thresholds';
import { SWEEP_FIELDS } from '../engine/sweep/sweepConfig';
import type { DigitChoice, GalleryRequest } from '../worker/protocol';

export const MAX_DIGITS = MAX_GALLERY_DIGITS;

/** The gallery's own settings, defined once (engine/config/field.ts) like every other. */
export const GALLERY_FIELDS = {
  testIndex: numberField({ label: 'Test image', hint: `An index from 0 to ${MNIST_TEST_COUNT - 1}.`, min: 0, max: MNIST_TEST_COUNT - 1, integer: true }),
  classDigit: numberField({ label: 'Digit', hint: 'Which digit to show examples of.', min: 0, max: NUM_CLASSES - 1, integer: true }),
  classCount: numberField({ label: 'How many', hint: `1 to ${MAX_DIGITS} examples.`, min: 1, max: MAX_DIGITS, integer: true }),
  misclassifiedCount: numberField({ label: 'How many', hint: `1 to ${MAX_DIGITS} of the test digits the model gets wrong.`, min: 1, max: MAX_DIGITS, integer: true }),
  thresholds: thresholdsField({ label: 'Thresholds', hint: 'Comma-separated percentages; one column each.', max: MAX_GALLERY_THRESHOLDS }),
  tieSeed: MASK_FIELDS.tieSeed,
  mapSeed: SWEEP_FIELDS.mapSeed,
} as const;

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
  filter: MapFilter;
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
    thresholds: GALLERY_FIELDS.thresholds.toText([...DEFAULT_THRESHOLDS]),
    rankTransform: DEFAULT_MASK.rankTransform,
    filter: DEFAULT_MASK.filter,
    tieBreak: DEFAULT_MASK.tieBreak,
    tieSeed: String(DEFAULT_MASK.tieSeed),
    mode: DEFAULT_MASK.mode,
    replacement: DEFAULT_MASK.replacement,
    mapSeed: '1',
  };
}

/** The value of a field's text, or its message. */
function read<T>(field: Field<T>, text: string): T | { error: string } {
  const r = parseText(field, text);
  return 'value' in r ? r.value : r;
}
const isError = (x: unknown): x is { error: string } => typeof x === 'object' && x !== null && 'error' in x;

/** The digits to show; each problem goes into `errors` under its field. */
function digitChoices(f: GalleryForm, errors: GalleryErrors): DigitChoice[] {
  switch (f.source) {
    case 'test': {
      const parts = f.testIndices.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (parts.length === 0) errors.testIndices = `Test images: give an index from 0 to ${MNIST_TEST_COUNT - 1}, e.g. 0.`;
      else if (parts.length > MAX_DIGITS) errors.testIndices = `Test images: at most ${MAX_DIGITS} at once; ${parts.length} were given.`;
      const choices: DigitChoice[] = [];
      for (const p of parts) {
        const index = read(GALLERY_FIELDS.testIndex, p);
        if (isError(index)) errors.testIndices ??= index.error;
        else choices.push({ kind: 'test', index });
      }
      return choices;
    }
    case 'class': {
      const digit = read(GALLERY_FIELDS.classDigit, f.classDigit);
      const count = read(GALLERY_FIELDS.classCount, f.classCount);
      if (isError(digit)) errors.classDigit = digit.error;
      if (isError(count)) errors.classCount = count.error;
      return !isError(digit) && !isError(count) ? [{ kind: 'class', digit, count }] : [];
    }
    case 'misclassified': {
      const count = read(GALLERY_FIELDS.misclassifiedCount, f.misclassifiedCount);
      if (isError(count)) errors.misclassifiedCount = count.error;
      return isError(count) ? [] : [{ kind: 'misclassified', count }];
    }
    case 'drawn':
      if (!f.drawn) errors.drawn = 'The drawing is empty: draw a digit first.';
      return f.drawn ? [{ kind: 'drawn', pixels: f.drawn }] : [];
  }
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
  if (!METHOD_IDS.some((id) => f.methods[id].selected)) errors.methods = 'Methods: choose at least one.';
  return specs;
}

/** The worker request the form describes, or null with what is wrong, field by field. */
export function checkGalleryForm(f: GalleryForm): { request: GalleryRequest | null; errors: GalleryErrors } {
  const errors: GalleryErrors = {};
  const digits = digitChoices(f, errors);
  const methods = methodSpecs(f, errors);
  const thresholds = read(GALLERY_FIELDS.thresholds, f.thresholds);
  if (isError(thresholds)) errors.thresholds = thresholds.error;
  const tieSeed = read(GALLERY_FIELDS.tieSeed, f.tieSeed);
  if (isError(tieSeed)) errors.tieSeed = tieSeed.error;
  const mapSeed = read(GALLERY_FIELDS.mapSeed, f.mapSeed);
  if (isError(mapSeed)) errors.mapSeed = mapSeed.error;
  if (Object.keys(errors).length > 0 || isError(thresholds) || isError(tieSeed) || isError(mapSeed)) return { request: null, errors };
  return {
    request: {
      digits,
      methods,
      thresholds,
      mask: { rankTransform: f.rankTransform, filter: f.filter, tieBreak: f.tieBreak, tieSeed, mode: f.mode, replacement: f.replacement },
      target: f.target,
      mapSeed,
    },
    errors,
  };
}
