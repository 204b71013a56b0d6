/** The masking rule's settings, each defined once (field.ts), for the gallery, the sweep, links, files and the CLI. */
import * as v from 'valibot';
import { TRAIN_LIMITS, type MapFilter, type MaskConfig, type MaskMode, type RankTransform, type Replacement, type TieBreak } from '../defaults';
import { choiceField, numberField, objectSchema, type Field, type Fields } from './field';

/** Tie and map seeds take the same range as training seeds. */
export const SEED_FIELD_LIMITS = { min: TRAIN_LIMITS.seed.min, max: TRAIN_LIMITS.seed.max, integer: true } as const;

/** Settings, links and files from before the filter existed ranked unfiltered maps. */
function optionalFilter(f: Field<MapFilter>): Field<MapFilter> {
  return { ...f, schema: v.optional(f.schema, 'none') as unknown as v.GenericSchema<unknown, MapFilter> };
}

export const MASK_FIELDS: Fields<MaskConfig> = {
  rankTransform: choiceField<RankTransform>({
    label: 'Ranking',
    hint: 'How a map value becomes an importance: its size, its square (Hooker’s code), or its sign (seed 004).',
    words: { abs: 'by |value|', square: 'by value² (Hooker)', signed: 'by signed value' },
  }),
  filter: optionalFilter(
    choiceField<MapFilter>({
      label: 'Map filter',
      hint: 'Blur each method’s map before ranking (the random baseline stays as it is); SIAnalytics found ROAR rewards blurry maps, so a blurred map can score “better”.',
      words: { none: 'none (default)', max3: 'maximum over 3 × 3', gauss1: 'Gaussian, σ = 1 pixel' },
    }),
  ),
  tieBreak: choiceField<TieBreak>({
    label: 'Ties',
    hint: 'IG and input × gradient give exact zeros on the black background; the tie rule decides which of those go.',
    words: { random: 'seeded random order (default)', index: 'pixel index, as Hooker’s top_k' },
  }),
  tieSeed: numberField({ label: 'Tie seed', hint: 'Seeds the random order of tied pixels.', ...SEED_FIELD_LIMITS }),
  mode: choiceField<MaskMode>({
    label: 'Mode',
    hint: 'ROAR removes the top-ranked pixels; KAR keeps them and replaces the rest.',
    words: { roar: 'ROAR: remove the most important pixels', kar: 'KAR: keep only the most important pixels' },
  }),
  replacement: choiceField<Replacement>({
    label: 'Replacement',
    hint: 'What a removed pixel becomes.',
    words: { mean: 'dataset mean (default)', black: 'black', white: 'white', imageMean: 'the image’s own mean', noisyLinear: 'ROAD’s noisy linear imputation' },
  }),
};

export const maskSchema = objectSchema(MASK_FIELDS);
