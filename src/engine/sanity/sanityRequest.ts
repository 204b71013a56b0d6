/**
 * What the page asks the sanity checks for: the methods, how many test images, the seeds, and whether to
 * also train a model on shuffled labels (with which settings). Defined once with its schema, which the
 * worker checks every request against before it computes.
 */
import * as v from 'valibot';
import type { TrainConfig } from '../defaults';
import type { TargetMode } from '../attribution/targets';
import type { MethodSpec } from '../attribution/methodSpec';
import { booleanField, numberField, strictRecord, type Fields } from '../config/field';
import { SEED_FIELD_LIMITS } from '../config/maskConfig';
import { methodsField } from '../config/methodsText';
import { trainSchema } from '../config/trainConfig';
import { SWEEP_FIELDS } from '../sweep/sweepConfig';

export interface SanityRequest {
  methods: MethodSpec[];
  /** The first this many test images. */
  images: number;
  /** Seeds the re-initialised layers and the label permutation. */
  seed: number;
  target: TargetMode;
  mapSeed: number;
  /** Train a model on shuffled labels with these settings too (as long again as step 1), or not. */
  shuffledLabels: TrainConfig | null;
}

export const SANITY_FIELDS: Fields<{ images: number; seed: number; shuffled: boolean }> = {
  images: numberField({ label: 'Test images', hint: 'Each method’s maps of the first this many test images, under every network.', min: 1, max: 1000, integer: true }),
  seed: numberField({ label: 'Randomisation seed', hint: 'Seeds the re-initialised layers and the shuffled labels.', ...SEED_FIELD_LIMITS }),
  shuffled: booleanField({ label: 'Also train on shuffled labels', hint: 'Adebayo et al.’s data randomisation test: a model with step 1’s settings on permuted labels (as long again as step 1).' }),
};

export const DEFAULT_SANITY = { images: 50, seed: 1 } as const;

export const sanityRequestSchema = strictRecord({
  methods: methodsField({ label: 'Methods', hint: '' }).schema,
  images: SANITY_FIELDS.images.schema,
  seed: SANITY_FIELDS.seed.schema,
  target: SWEEP_FIELDS.target.schema,
  mapSeed: SWEEP_FIELDS.mapSeed.schema,
  shuffledLabels: v.nullable(trainSchema),
}) as unknown as v.GenericSchema<unknown, SanityRequest>;
