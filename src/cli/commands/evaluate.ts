/**
 * `roar evaluate`: the no-retrain metrics (deletion, insertion, ROAD, pixel perturbation) of chosen methods on
 * a base model trained first, as a table or as the JSON the page imports. Seconds per method, where a sweep
 * takes hours: the metrics score the base model on perturbed images instead of retraining.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_MASK, REFERENCE_TRAIN, type BackendName, type MaskConfig, type TrainConfig } from '../../engine/defaults';
import { MASK_FIELDS } from '../../engine/config/maskConfig';
import { SWEEP_FIELDS } from '../../engine/sweep/sweepConfig';
import { disposeCnn } from '../../engine/model/cnn';
import { methodKey, methodWords } from '../../engine/attribution/methodSpec';
import { parseUntrusted } from '../../engine/config/field';
import { evaluateMetrics, type MetricsResult } from '../../engine/metrics/evaluateMetrics';
import { METRICS, METRIC_GROUPS } from '../../engine/metrics/metricCatalog';
import { DEFAULT_METRICS_REQUEST, METRICS_FIELDS, metricsRequestSchema, SEED004_METRICS, type MetricsRequest } from '../../engine/metrics/metricsRequest';
import { onlyClasses } from '../../engine/data/classSubset';
import { loadMnistNode } from '../../node/loadMnist';
import { DEFAULT_DATASET, type DatasetId } from '../../engine/data/datasets';
import { initNodeBackend } from '../../node/nodeBackend';
import { fieldFlag, parseFlags, UsageError, type FlagSpec } from '../args';
import { applyTrainFlags, trainFlagSpecs } from '../trainFlags';
import { baseModelWarning, quickTrainConfig, trainQuickModel } from '../quickModel';

/** The quick base model of `roar attribute` and `roar sanity`, one epoch on all training images. */
const QUICK_BASE: TrainConfig = quickTrainConfig(1, REFERENCE_TRAIN.trainSize, REFERENCE_TRAIN.seed);

const FLAGS: Record<string, FlagSpec> = {
  preset: { kind: 'string', choices: ['seed004'] },
  classes: { kind: 'string' },
  dataset: fieldFlag(SWEEP_FIELDS.dataset),
  methods: fieldFlag(METRICS_FIELDS.methods),
  metric: fieldFlag(METRICS_FIELDS.groups),
  images: fieldFlag(METRICS_FIELDS.images),
  fractions: fieldFlag(METRICS_FIELDS.fractions),
  target: fieldFlag(SWEEP_FIELDS.target),
  'map-seed': fieldFlag(SWEEP_FIELDS.mapSeed),
  'tie-break': fieldFlag(MASK_FIELDS.tieBreak),
  'tie-seed': fieldFlag(MASK_FIELDS.tieSeed),
  rank: fieldFlag(MASK_FIELDS.rankTransform),
  filter: fieldFlag(MASK_FIELDS.filter),
  replacement: fieldFlag(MASK_FIELDS.replacement),
  ...trainFlagSpecs(),
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  out: { kind: 'string' },
  json: { kind: 'boolean' },
};

export const evaluateUsage = `roar evaluate --methods id,id(param:value),… | --preset seed004 [--classes 0,1] [--dataset mnist|fashion] [--metric ${METRIC_GROUPS.join(',')}] [--images N] [--fractions 0,10,…,100] [--target label|predicted] [--map-seed S] [--tie-break random|index] [--tie-seed S] [--rank abs|square|signed] [--filter none|max3|gauss1] [--replacement mean|black|white|imageMean|noisyLinear] [any training flag of roar train, for the base model] [--backend wasm|cpu] [--out metrics.json] [--json]
  Trains a base model (by default 1 epoch at lr ${QUICK_BASE.learningRate} on all 60,000 training images), then scores each method (random is always added) on the first --images test images (default ${DEFAULT_METRICS_REQUEST.images}) without retraining.
  --preset seed004: seed 004's Table 1 — the three loss-gradient methods, signed ranking, mean replacement, 10 … 90 % and 782 of 784 pixels (flags given as well override it).
  --classes: keep only these classes in training and test (seed 004's binary task: --classes 0,1).
  --metric: perturbation (accuracy, AFOC, KL, PCUO with the most and the least salient pixels removed), deletion, insertion, road; all by default.`;

export async function evaluateCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  const preset = f.preset === 'seed004' ? SEED004_METRICS : null;
  if (f.methods === undefined && !preset) throw new UsageError('--methods (or --preset seed004) is required');
  const classes = typeof f.classes === 'string' ? parseClasses(f.classes) : null;
  const mask: MaskConfig = { ...DEFAULT_MASK, ...(preset && { rankTransform: preset.rankTransform, replacement: preset.replacement }) };
  if (f['tie-break'] !== undefined) mask.tieBreak = f['tie-break'] as MaskConfig['tieBreak'];
  if (f['tie-seed'] !== undefined) mask.tieSeed = f['tie-seed'] as number;
  if (f.rank !== undefined) mask.rankTransform = f.rank as MaskConfig['rankTransform'];
  if (f.filter !== undefined) mask.filter = f.filter as MaskConfig['filter'];
  if (f.replacement !== undefined) mask.replacement = f.replacement as MaskConfig['replacement'];
  const raw = {
    ...DEFAULT_METRICS_REQUEST,
    ...(preset && { groups: preset.groups, fractions: preset.fractions }),
    methods: f.methods ?? preset?.methods,
    mask,
    ...(f.metric !== undefined && { groups: f.metric }),
    ...(f.images !== undefined && { images: f.images }),
    ...(f.fractions !== undefined && { fractions: f.fractions }),
    ...(f.target !== undefined && { target: f.target }),
    ...(f['map-seed'] !== undefined && { mapSeed: f['map-seed'] }),
  };
  const checked = parseUntrusted(metricsRequestSchema, raw, 'the request');
  if ('error' in checked) throw new UsageError(checked.error);
  const request: MetricsRequest = checked.value;
  const cfg = applyTrainFlags(QUICK_BASE, f);

  const log = (s: string): void => void process.stderr.write(s);
  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  if (backend.notice) log(`${backend.notice}\n`);
  const dataset = (f.dataset as DatasetId | undefined) ?? DEFAULT_DATASET;
  const all = loadMnistNode(dataset);
  const mnist = classes ? { ...all, train: onlyClasses(all.train, classes), test: onlyClasses(all.test, classes) } : all;
  if (classes) log(`Only classes ${classes.join(', ')}: ${mnist.train.count.toLocaleString('en')} training and ${mnist.test.count.toLocaleString('en')} test images.\n`);
  if (cfg.trainSize > mnist.train.count) cfg.trainSize = mnist.train.count;
  if (request.images > mnist.test.count) throw new UsageError(`--images ${request.images}: only ${mnist.test.count} test images are of the classes kept.`);
  const { model, health } = await trainQuickModel(mnist, cfg, backend.details, log);
  try {
    let last = 0;
    const result = await evaluateMetrics(model, mnist.test, request, {
      lossCurve: health.lossCurve,
      onProgress: (done, total, message) => {
        const now = Date.now();
        if (now - last < 2000 && done < total) return;
        last = now;
        log(`[${Math.round((done / total) * 100)} %] ${message}\n`);
      },
    });
    const output = { ...result, dataset, classes, model: cfg, backend: backend.name, backendDetails: backend.details };
    if (typeof f.out === 'string') {
      writeFileSync(f.out, `${JSON.stringify(output)}\n`);
      log(`wrote ${f.out}\n`);
    }
    process.stdout.write(f.json === true ? `${JSON.stringify(output)}\n` : `${formatMetrics(result)}\n`);
    return 0;
  } finally {
    disposeCnn(model);
  }
}

/** One line per metric: each method's area under its curve, the better end named. */
export function formatMetrics(r: MetricsResult): string {
  const words = new Map(r.request.methods.map((m) => [methodKey(m), methodWords(m)]));
  const methods = [...new Set(r.metrics.map((m) => m.method))];
  const lines = [`Base model: ${(r.baseAccuracy * 100).toFixed(1)} % on ${r.request.images} test images; ${r.seconds.toFixed(1)} s. Area under each curve over 0–100 % of the pixels:`];
  const warning = baseModelWarning(r.baseHealth);
  if (warning) lines.unshift(warning);
  for (const id of [...new Set(r.metrics.map((m) => m.metric))]) {
    const info = METRICS[id];
    const cells = methods.map((method) => `${words.get(method) ?? method} ${r.metrics.find((m) => m.metric === id && m.method === method)!.auc.toFixed(3)}`);
    lines.push(`${info.label} (${info.better} is better): ${cells.join(', ')}`);
  }
  return lines.join('\n');
}

/** "0,1": at least two distinct classes from 0 to 9. */
function parseClasses(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const classes = parts.map(Number);
  if (parts.some((p) => !/^\d$/.test(p)) || new Set(classes).size !== classes.length || classes.length < 2) {
    throw new UsageError(`--classes ${JSON.stringify(text)}: two or more different classes from 0 to 9, comma-separated, such as 0,1.`);
  }
  return classes;
}
