/**
 * `roar sanity`: Adebayo et al.'s sanity checks (science.md §6) in Node. Trains a quick base model, then
 * compares each method's maps of the first test images with its maps under re-initialised layers (cascading
 * from the top, and one layer at a time) and, when asked, under a model trained on shuffled labels; prints
 * the mean Spearman ρ per method and stage as a table, or everything as one JSON object.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { MNIST_TEST_COUNT, REFERENCE_TRAIN, type BackendName } from '../../engine/defaults';
import { numberField } from '../../engine/config/field';
import { TRAIN_FIELDS } from '../../engine/config/trainConfig';
import { SWEEP_FIELDS } from '../../engine/sweep/sweepConfig';
import { methodKey, methodWords, type MethodSpec } from '../../engine/attribution/methodSpec';
import { METHOD_IDS } from '../../engine/attribution/registry';
import type { TargetMode } from '../../engine/attribution/targets';
import { disposeCnn, readWeights } from '../../engine/model/cnn';
import { runSanityChecks } from '../../engine/sanity/sanityChecks';
import { runShuffledLabelsCheck, type ShuffledLabelsResult } from '../../engine/sanity/shuffledLabels';
import type { RandomisationStage } from '../../engine/sanity/randomiseLayers';
import type { CorrelationSummary } from '../../engine/sanity/spearman';
import { loadMnistNode } from '../../node/loadMnist';
import { DEFAULT_DATASET, type DatasetId } from '../../engine/data/datasets';
import { initNodeBackend } from '../../node/nodeBackend';
import { fieldFlag, parseFlags, UsageError, type FlagSpec } from '../args';
import { baseModelWarning, quickTrainConfig, trainQuickModel } from '../quickModel';

const DEFAULT_IMAGES = 100;
/** Maps per method and stage the JSON may carry: a gallery, not a dump (16 × 11 stages × 784 numbers a method). */
const MAX_GALLERY = 16;

const FLAGS: Record<string, FlagSpec> = {
  dataset: fieldFlag(SWEEP_FIELDS.dataset),
  methods: fieldFlag(SWEEP_FIELDS.methods),
  images: fieldFlag(numberField({ label: 'Images', hint: 'The first N test images are compared.', min: 1, max: MNIST_TEST_COUNT, integer: true })),
  'train-size': fieldFlag(TRAIN_FIELDS.trainSize),
  epochs: fieldFlag(TRAIN_FIELDS.epochs),
  seed: fieldFlag(TRAIN_FIELDS.seed),
  target: fieldFlag(SWEEP_FIELDS.target),
  'map-seed': fieldFlag(SWEEP_FIELDS.mapSeed),
  'shuffled-labels': { kind: 'boolean' },
  gallery: fieldFlag(numberField({ label: 'Gallery', hint: 'Maps of the first G images kept in the JSON, per method and stage.', min: 0, max: MAX_GALLERY, integer: true })),
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  json: { kind: 'boolean' },
  out: { kind: 'string' },
};

export const sanityUsage = `roar sanity --methods id,id(param:value),… [--dataset mnist|fashion] [--images N] [--train-size N] [--epochs N] [--seed S] [--target label|predicted] [--map-seed S] [--shuffled-labels] [--gallery G] [--backend wasm|cpu] [--json] [--out sanity.json]
  Methods as for roar sweep: ${METHOD_IDS.join(', ')}. Compares the maps of the first --images test images (default ${DEFAULT_IMAGES}).
  Trains a base model first (as roar attribute: lr 0.01, --epochs default 1, the first --train-size training images, all by default), then re-initialises its layers from the top (cascading) and one at a time (independent); --seed seeds the model, the fresh layers and the label permutation.
  --shuffled-labels: also trains a model with the same settings on permuted labels. --gallery: the JSON keeps the maps of the first G images (0 to ${MAX_GALLERY}; default 0).`;

/** The data randomisation test as one more stage of the table and the JSON. */
const SHUFFLED_STAGE = { id: 'shuffledLabels', kind: 'shuffledLabels', randomised: [] } as const;
type Stage = RandomisationStage | typeof SHUFFLED_STAGE;

interface Correlation {
  method: string;
  stage: string;
  abs: CorrelationSummary;
  signed: CorrelationSummary;
}

/** ρ as a table cell; a star when some images had a constant map, so ρ is over fewer of them. */
function cell(s: CorrelationSummary | undefined): string {
  if (!s || s.mean === null) return 'n/a';
  return `${s.mean.toFixed(2)}${s.undefined ? '*' : ''}`;
}

function table(title: string, methods: readonly string[], stages: readonly { id: string; label: string }[], at: (m: string, s: string) => CorrelationSummary | undefined): string {
  const first = Math.max(6, ...methods.map((m) => m.length));
  const widths = stages.map((s) => Math.max(6, s.label.length));
  const row = (name: string, cells: string[]): string => `  ${name.padEnd(first)}  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
  return [title, row('method', stages.map((s) => s.label)), ...methods.map((m) => row(m, stages.map((s) => cell(at(m, s.id)))))].join('\n');
}

function formatText(methods: readonly string[], stages: readonly Stage[], correlations: readonly Correlation[], shuffled: ShuffledLabelsResult | null, images: number, accuracy: number): string {
  const at = (m: string, s: string): CorrelationSummary | undefined => correlations.find((c) => c.method === m && c.stage === s)?.abs;
  const columns = (kind: string) => stages.filter((s) => s.kind === kind || s.kind === 'trained').map((s) => ({ id: s.id, label: s.kind === 'trained' ? 'trained' : s.id.split(':')[1] }));
  const parts = [
    `Spearman ρ of each method's |maps| with its maps under the trained model (test accuracy ${(accuracy * 100).toFixed(1)} %), mean over ${images} test images (Adebayo et al.'s sanity checks).`,
    '1.00: the same pixel order as the trained model gives; near 0: unrelated. A method that explains the model falls as its weights are replaced; one that stays near 1 ignores them.',
    '',
    table('Cascading randomisation, from the top (each column re-initialises that layer and every layer to its left):', methods, columns('cascading'), at),
    '',
    table('Independent randomisation (that layer alone re-initialised):', methods, columns('independent'), at),
  ];
  if (shuffled) {
    const title = `Shuffled labels: a model trained on permuted labels (test accuracy ${(shuffled.testAccuracy * 100).toFixed(1)} %, ${(shuffled.trainAccuracy * 100).toFixed(1)} % on the permuted labels it learnt):`;
    parts.push('', table(title, methods, [{ id: SHUFFLED_STAGE.id, label: 'shuffled labels' }], at));
  }
  if (correlations.some((c) => c.abs.undefined > 0)) parts.push('', '* some images had a constant map (ρ undefined there); the mean is over the others.');
  return parts.join('\n');
}

export async function sanityCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  if (f.methods === undefined) throw new UsageError(`--methods is required, e.g. --methods gradient,guidedBackprop,sobel (known: ${METHOD_IDS.join(', ')})`);
  const methods = f.methods as MethodSpec[];
  const imageCount = (f.images as number | undefined) ?? DEFAULT_IMAGES;
  const seed = (f.seed as number | undefined) ?? REFERENCE_TRAIN.seed;
  const target = (f.target as TargetMode | undefined) ?? 'label';
  const mapSeed = (f['map-seed'] as number | undefined) ?? 1;
  const gallery = (f.gallery as number | undefined) ?? 0;
  const cfg = quickTrainConfig((f.epochs as number | undefined) ?? 1, (f['train-size'] as number | undefined) ?? REFERENCE_TRAIN.trainSize, seed);
  const withShuffled = f['shuffled-labels'] === true;

  const log = (s: string): void => void process.stderr.write(s);
  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  if (backend.notice) log(`${backend.notice}\n`);
  const dataset = (f.dataset as DatasetId | undefined) ?? DEFAULT_DATASET;
  const mnist = loadMnistNode(dataset);
  const started = performance.now();
  const { model, accuracy, health } = await trainQuickModel(mnist, cfg, backend.details, log);
  const trained = await readWeights(model).finally(() => disposeCnn(model));
  const images = Array.from({ length: imageCount }, (_, i) => i);
  let lastStage = '';
  const result = await runSanityChecks(trained, mnist.test, images, methods, {
    seed,
    target,
    mapSeed,
    galleryImages: gallery,
    onProgress: (p) => {
      if (p.stage === lastStage) return;
      lastStage = p.stage;
      log(`computing maps: ${p.stage} (${p.done}/${p.total})\n`);
    },
  });
  let shuffled: ShuffledLabelsResult | null = null;
  if (withShuffled) {
    log(`Training a model on shuffled labels with the same settings (${cfg.epochs} epoch(s), ${cfg.trainSize.toLocaleString('en')} images).\n`);
    shuffled = await runShuffledLabelsCheck(trained, mnist, cfg, images, methods, { seed, target, mapSeed, galleryImages: gallery });
    log(`shuffled-label model: test accuracy ${(shuffled.testAccuracy * 100).toFixed(2)} %\n`);
  }

  const stages: Stage[] = shuffled ? [...result.stages, SHUFFLED_STAGE] : result.stages;
  const correlations: Correlation[] = result.methods.flatMap((m, k) => [
    ...m.correlations.map((c) => ({ method: m.key, ...c })),
    ...(shuffled ? [{ method: m.key, stage: SHUFFLED_STAGE.id, abs: shuffled.methods[k].abs, signed: shuffled.methods[k].signed }] : []),
  ]);
  const keys = result.methods.map((m) => m.key);
  const answer = {
    format: 'roar-lab-sanity',
    version: 1,
    config: { dataset, methods, images: imageCount, target, mapSeed, seed, train: cfg, shuffledLabels: withShuffled, gallery, backend: backend.name, backendDetails: backend.details },
    model: { testAccuracy: accuracy, health },
    methods: methods.map((m) => ({ key: methodKey(m), id: m.id, params: m.params, label: methodWords(m) })),
    stages,
    correlations,
    ...(shuffled ? { shuffledLabels: { labelSeed: shuffled.labelSeed, trainAccuracy: shuffled.trainAccuracy, testAccuracy: shuffled.testAccuracy } } : {}),
    ...(gallery > 0
      ? {
          maps: {
            images: result.galleryImages,
            // maps.byMethod[method key][stage id][g]: the map of images[g], 784 values.
            byMethod: Object.fromEntries(
              result.methods.map((m, k) => [
                m.key,
                {
                  ...Object.fromEntries(result.stages.map((s, i) => [s.id, m.gallery[i]])),
                  ...(shuffled ? { [SHUFFLED_STAGE.id]: shuffled.methods[k].gallery.shuffled } : {}),
                },
              ]),
            ),
          },
        }
      : {}),
    seconds: (performance.now() - started) / 1000,
    numTensors: tf.memory().numTensors,
  };
  const json = `${JSON.stringify(answer)}\n`;
  if (typeof f.out === 'string') {
    writeFileSync(f.out, json);
    log(`wrote ${f.out}\n`);
  }
  process.stdout.write(f.json === true ? json : `${baseModelWarning(health) ? `${baseModelWarning(health)}\n` : ''}${formatText(keys, stages, correlations, shuffled, imageCount, accuracy)}\n`);
  return 0;
}
