/**
 * A sanity-check file (`roar sanity --out`, format roar-lab-sanity 1) as the page opens it: every field
 * checked, the stages exactly the checks' own, one correlation per method and stage, and the maps (when the
 * file has them, `--gallery G`) of the right sizes; then turned into the page's SanityOutcome, so that the
 * panel draws a file exactly as it draws its own run.
 */
import * as v from 'valibot';
import { PIXELS } from '../defaults';
import { methodKey } from '../attribution/methodSpec';
import { explainIssue, numberSchema, strictRecord, textSchema } from '../config/field';
import { methodsField } from '../config/methodsText';
import { trainSchema } from '../config/trainConfig';
import { runHealthSchema } from '../sweep/resultsSchema';
import { SWEEP_FIELDS } from '../sweep/sweepConfig';
import { randomisationStages } from './randomiseLayers';
import type { SanityOutcome } from './sanityJob';
import type { CorrelationSummary } from './spearman';

export const SANITY_FORMAT = 'roar-lab-sanity';
const SHUFFLED = 'shuffledLabels';
const MAX_IMAGES = 10_000;

const rho = v.nullable(numberSchema('Spearman ρ', -1, 1));
const summary = strictRecord({
  mean: rho,
  sd: v.nullable(numberSchema('Spread of ρ', 0, 2)),
  defined: numberSchema('Images with a defined ρ', 0, MAX_IMAGES, true),
  undefined: numberSchema('Images with a flat map', 0, MAX_IMAGES, true),
});
const map = v.pipe(v.array(v.number('A map value is a number.')), v.length(PIXELS, `A map has ${PIXELS} values.`));

const fileSchema = strictRecord({
  format: v.literal(SANITY_FORMAT, `Format: ${SANITY_FORMAT}.`),
  version: v.literal(1, 'Version: 1.'),
  config: strictRecord({
    dataset: SWEEP_FIELDS.dataset.schema,
    methods: methodsField({ label: 'Methods', hint: '' }).schema,
    images: numberSchema('Images', 1, MAX_IMAGES, true),
    target: SWEEP_FIELDS.target.schema,
    mapSeed: SWEEP_FIELDS.mapSeed.schema,
    seed: SWEEP_FIELDS.mapSeed.schema,
    train: trainSchema,
    shuffledLabels: v.boolean('Shuffled labels: true or false.'),
    gallery: numberSchema('Gallery images', 0, 64, true),
    backend: textSchema('Backend', 40),
    backendDetails: textSchema('Backend details', 1_000),
  }),
  model: strictRecord({ testAccuracy: numberSchema('Test accuracy', 0, 1), health: runHealthSchema }),
  methods: v.array(strictRecord({ key: textSchema('Method key', 1_000), id: textSchema('Method', 40), params: v.record(v.string(), v.unknown()), label: textSchema('Method name', 200) })),
  stages: v.array(strictRecord({ id: textSchema('Stage', 40), kind: textSchema('Stage kind', 40), randomised: v.array(textSchema('Layer', 10)) })),
  correlations: v.array(strictRecord({ method: textSchema('Method key', 1_000), stage: textSchema('Stage', 40), abs: summary, signed: summary })),
  shuffledLabels: v.optional(strictRecord({ labelSeed: numberSchema('Label seed', 0, 2 ** 32, true), trainAccuracy: numberSchema('Accuracy', 0, 1), testAccuracy: numberSchema('Accuracy', 0, 1) })),
  maps: v.optional(strictRecord({ images: v.array(numberSchema('Image', 0, MAX_IMAGES, true)), byMethod: v.record(v.string(), v.record(v.string(), v.array(map))) })),
  seconds: numberSchema('Seconds', 0, 1e7),
  numTensors: numberSchema('Tensors', 0, 1e9, true),
});

type SanityFileShape = v.InferOutput<typeof fileSchema>;

/** The page's outcome from a sanity file, or one sentence saying what is wrong with it. */
export function readSanityFile(input: unknown, root: string): { outcome: SanityOutcome; testAccuracy: number } | { error: string } {
  const r = v.safeParse(fileSchema, input);
  if (!r.success) return { error: explainIssue(r.issues[0], root) };
  const f = r.output as SanityFileShape;
  const stages = randomisationStages();
  const stageIds = [...stages.map((s) => s.id), ...(f.config.shuffledLabels ? [SHUFFLED] : [])];
  if (f.stages.length !== stageIds.length || f.stages.some((s, i) => s.id !== stageIds[i])) return { error: `${root}: its stages are not the sanity checks' stages.` };
  const keys = f.config.methods.map(methodKey);
  if (f.methods.length !== keys.length || f.methods.some((m, i) => m.key !== keys[i])) return { error: `${root}: its methods do not match its settings.` };
  if (f.config.shuffledLabels !== (f.shuffledLabels !== undefined)) return { error: `${root}: it says it trained on shuffled labels, but has no result of it (or the other way round).` };
  const at = new Map(f.correlations.map((c) => [`${c.method}|${c.stage}`, c]));
  if (at.size !== f.correlations.length || at.size !== keys.length * stageIds.length) return { error: `${root}: it must hold one correlation per method and stage.` };
  for (const k of keys) for (const s of stageIds) if (!at.has(`${k}|${s}`)) return { error: `${root}: the correlation of ${k} at ${s} is missing.` };
  const gallery = f.maps?.images ?? [];
  for (const k of keys) {
    const byStage = f.maps?.byMethod[k];
    if (f.maps && (!byStage || stageIds.some((s) => byStage[s]?.length !== gallery.length))) return { error: `${root}: the maps of ${k} do not cover every stage and image.` };
  }
  const c = (k: string, s: string): { abs: CorrelationSummary; signed: CorrelationSummary } => at.get(`${k}|${s}`)!;
  const mapsOf = (k: string, s: string): number[][] => f.maps?.byMethod[k][s] ?? [];
  const images = Array.from({ length: f.config.images }, (_, i) => i);
  const outcome: SanityOutcome = {
    request: { methods: f.config.methods, images: f.config.images, seed: f.config.seed, target: f.config.target, mapSeed: f.config.mapSeed, shuffledLabels: f.config.shuffledLabels ? f.config.train : null },
    checks: {
      images,
      targets: [],
      galleryImages: gallery,
      seed: f.config.seed,
      mapSeed: f.config.mapSeed,
      target: f.config.target,
      stages,
      methods: f.config.methods.map((method, i) => ({
        method,
        key: keys[i],
        correlations: stages.map((s) => ({ stage: s.id, ...c(keys[i], s.id) })),
        gallery: stages.map((s) => mapsOf(keys[i], s.id)),
      })),
    },
    shuffled: f.shuffledLabels
      ? {
          trainConfig: f.config.train,
          labelSeed: f.shuffledLabels.labelSeed,
          trainAccuracy: f.shuffledLabels.trainAccuracy,
          testAccuracy: f.shuffledLabels.testAccuracy,
          images,
          targets: [],
          galleryImages: gallery,
          methods: f.config.methods.map((method, i) => ({ method, key: keys[i], ...c(keys[i], SHUFFLED), gallery: { trained: mapsOf(keys[i], 'trained'), shuffled: mapsOf(keys[i], SHUFFLED) } })),
        }
      : null,
    seconds: f.seconds,
  };
  return { outcome, testAccuracy: f.model.testAccuracy };
}
