/**
 * What the gallery asks the worker for: which digits, which methods, which thresholds and masking rule.
 * Defined once with its schema, which the worker checks every request against before it computes.
 */
import * as v from 'valibot';
import { MAX_GALLERY_DIGITS, MNIST_TEST_COUNT, NUM_CLASSES, PIXELS, type MaskConfig } from '../defaults';
import type { TargetMode } from '../attribution/targets';
import type { MethodSpec } from '../attribution/methodSpec';
import { maskSchema } from '../config/maskConfig';
import { fieldSentence, numberSchema, strictRecord } from '../config/field';
import { methodsField } from '../config/methodsText';
import { MAX_GALLERY_THRESHOLDS, thresholdsField } from '../config/thresholds';
import { SWEEP_FIELDS } from '../sweep/sweepConfig';

/** Which digits the gallery shows. */
export type DigitChoice =
  | { kind: 'test'; index: number }
  | { kind: 'class'; digit: number; count: number }
  | { kind: 'misclassified'; count: number }
  | { kind: 'drawn'; pixels: number[] };

export interface GalleryRequest {
  digits: DigitChoice[];
  methods: MethodSpec[];
  thresholds: number[];
  mask: MaskConfig;
  target: TargetMode;
  mapSeed: number;
}

const whole = (what: string, min: number, max: number) => numberSchema(what, min, max, true);

const digitSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('test'), index: whole('Test image', 0, MNIST_TEST_COUNT - 1) }),
  v.strictObject({ kind: v.literal('class'), digit: whole('Digit', 0, NUM_CLASSES - 1), count: whole('How many', 1, MAX_GALLERY_DIGITS) }),
  v.strictObject({ kind: v.literal('misclassified'), count: whole('How many', 1, MAX_GALLERY_DIGITS) }),
  v.strictObject({
    kind: v.literal('drawn'),
    pixels: v.pipe(
      v.array(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)), fieldSentence('A drawing', '784 pixel values from 0 to 1')),
      v.length(PIXELS, fieldSentence('A drawing', '784 pixel values from 0 to 1')),
    ),
  }),
]);

export const galleryRequestSchema = strictRecord({
  digits: v.pipe(v.array(digitSchema), v.minLength(1, 'Digits must number at least one.'), v.maxLength(MAX_GALLERY_DIGITS, `Digits must number at most ${MAX_GALLERY_DIGITS}.`)),
  methods: methodsField({ label: 'Methods', hint: '' }).schema,
  thresholds: thresholdsField({ label: 'Thresholds', hint: '', max: MAX_GALLERY_THRESHOLDS }).schema,
  mask: maskSchema,
  target: SWEEP_FIELDS.target.schema,
  mapSeed: SWEEP_FIELDS.mapSeed.schema,
}) as unknown as v.GenericSchema<unknown, GalleryRequest>;
