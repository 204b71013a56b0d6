/**
 * `roar attribute`: trains a quick base model (the CLI keeps no saved model), then prints attribution maps
 * for chosen test images, as text heatmaps or as JSON, with Integrated Gradients' completeness check.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, MNIST_TEST_COUNT, PIXELS, REFERENCE_TRAIN, type BackendName } from '../../engine/defaults';
import { TRAIN_FIELDS } from '../../engine/config/trainConfig';
import { SWEEP_FIELDS } from '../../engine/sweep/sweepConfig';
import { DATASETS, DEFAULT_DATASET, type DatasetId } from '../../engine/data/datasets';
import { fillBatch } from '../../engine/data/mnist';
import { disposeCnn } from '../../engine/model/cnn';
import { BASELINES } from '../../engine/attribution/baseline';
import { computeMaps } from '../../engine/attribution/computeMaps';
import { forwardLogits } from '../../engine/attribution/forwardLogits';
import { completenessGap, type CompletenessGap, type IntegratedGradientsParams } from '../../engine/attribution/integratedGradients';
import { NOISE_BASES, type NoiseBase } from '../../engine/attribution/noiseTunnel';
import { isPlainObject, LIMITS, paramField } from '../../engine/attribution/params';
import { METHOD_IDS, getMethod, isMethodId } from '../../engine/attribution/registry';
import { argMaxRows, targetsFor, type TargetMode } from '../../engine/attribution/targets';
import type { AnyAttributionMethod } from '../../engine/attribution/types';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { fieldFlag, parseFlags, UsageError, type FlagSpec, type ParsedFlags } from '../args';
import { QUICK_TRAIN, quickTrainConfig, trainQuickModel } from '../quickModel';
import { pct } from '../../engine/percent';

const FLAGS: Record<string, FlagSpec> = {
  method: { kind: 'string', choices: METHOD_IDS },
  images: { kind: 'string' },
  dataset: fieldFlag(SWEEP_FIELDS.dataset),
  target: fieldFlag(SWEEP_FIELDS.target),
  steps: fieldFlag(paramField(LIMITS.steps, 'Steps')),
  baseline: fieldFlag(paramField({ kind: 'choice', choices: BASELINES }, 'Baseline')),
  samples: fieldFlag(paramField(LIMITS.samples, 'Noise samples')),
  sigma: fieldFlag(paramField(LIMITS.sigmaFraction, 'σ fraction')),
  base: { kind: 'string', choices: Object.keys(NOISE_BASES) },
  seed: fieldFlag(TRAIN_FIELDS.seed),
  'model-epochs': fieldFlag(TRAIN_FIELDS.epochs),
  'train-size': fieldFlag(TRAIN_FIELDS.trainSize),
  backend: { kind: 'string', choices: ['wasm', 'cpu'] },
  json: { kind: 'boolean' },
};

/** Which method parameter each flag sets. */
const PARAM_OF_FLAG = { steps: 'steps', baseline: 'baseline', samples: 'samples', sigma: 'sigmaFraction', base: 'base' } as const;

export const attributeUsage = `roar attribute --method ID --images I,J,… [--dataset mnist|fashion] [--target label|predicted] [--steps N] [--baseline black|mean] [--samples J] [--sigma F] [--base gradient|integratedGradients|guidedBackprop] [--seed S] [--model-epochs N] [--train-size N] [--backend wasm|cpu] [--json]
  ID is one of ${METHOD_IDS.join(', ')}; I,J,… are test-set indices (0–${MNIST_TEST_COUNT - 1}).
  Trains a base model first (lr ${QUICK_TRAIN.learningRate}, momentum ${QUICK_TRAIN.momentum}, batch ${QUICK_TRAIN.batchSize}, --model-epochs default 1, the first --train-size training images, all 60,000 by default), then prints each image's map.
  --steps/--baseline set Integrated Gradients' parameters (also as the base of a noise wrapper); --samples/--sigma/--base set smoothGrad, smoothGradSquared and varGrad's.`;

function parseImages(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  return parts.map((s) => {
    const v = Number(s);
    if (s === '' || !Number.isInteger(v) || v < 0 || v >= MNIST_TEST_COUNT) {
      throw new UsageError(`--images must be comma-separated test indices from 0 to ${MNIST_TEST_COUNT - 1}; got "${s}" in "${raw}"`);
    }
    return v;
  });
}

/** The method's raw parameters from the flags, checked by its validate; a flag the method does not take is an error. */
function paramsFromFlags(method: AnyAttributionMethod, f: ParsedFlags): unknown {
  const own: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  const defaults = method.defaults as Record<string, unknown>;
  // A noise wrapper passes its base's parameters on in baseParams (noiseTunnel.ts).
  const wrapped = 'baseParams' in defaults ? NOISE_BASES[((f.base as NoiseBase | undefined) ?? defaults.base) as NoiseBase] : null;
  const wrappedDefaults = wrapped && isPlainObject(wrapped.defaults) ? wrapped.defaults : {};
  for (const [flag, key] of Object.entries(PARAM_OF_FLAG)) {
    if (f[flag] === undefined) continue;
    if (key in defaults) own[key] = f[flag];
    else if (key in wrappedDefaults) nested[key] = f[flag];
    else throw new UsageError(`--${flag} does not apply to ${method.id}${wrapped ? ` over ${wrapped.id}` : ''}`);
  }
  if (wrapped) own.baseParams = nested;
  const checked = method.validate(own);
  if ('error' in checked) throw new UsageError(checked.error);
  return checked.params;
}

const UNSIGNED_RAMP = ' .:-=+*#%@';
const POSITIVE_RAMP = ' .oO@';
const NEGATIVE_RAMP = ' ,-=#';

/** A 28×28 text heatmap, two characters per pixel so it keeps its aspect ratio, scaled to the largest |value|. */
export function textHeatmap(map: Float32Array, signed: boolean): string {
  let peak = 0;
  for (const v of map) peak = Math.max(peak, Math.abs(v));
  const lines: string[] = [];
  for (let r = 0; r < IMAGE_SIZE; r++) {
    let line = '';
    for (let c = 0; c < IMAGE_SIZE; c++) {
      const v = map[r * IMAGE_SIZE + c];
      const level = peak > 0 ? Math.abs(v) / peak : 0;
      const ramp = !signed ? UNSIGNED_RAMP : v >= 0 ? POSITIVE_RAMP : NEGATIVE_RAMP;
      const ch = ramp[Math.min(ramp.length - 1, Math.round(level * (ramp.length - 1)))];
      line += ch + ch;
    }
    lines.push(`  |${line}|`);
  }
  const legend = signed
    ? `  scale: ${POSITIVE_RAMP.trim().split('').join(' ')} positive, ${NEGATIVE_RAMP.trim().split('').join(' ')} negative, up to |value| ${peak.toPrecision(3)}`
    : `  scale: ${UNSIGNED_RAMP.trim().split('').join(' ')} up to ${peak.toPrecision(3)}`;
  return `${lines.join('\n')}\n${legend}`;
}

function formatGap(g: CompletenessGap): string {
  return `  completeness: Σ attributions ${g.attributionSum.toFixed(4)}, f(x) − f(x′) ${g.scoreDifference.toFixed(4)}, gap ${g.absoluteGap.toExponential(2)} (${pct(g.relativeGap, { digits: 2 })})`;
}

export async function attributeCommand(argv: readonly string[]): Promise<number> {
  const f = parseFlags(argv, FLAGS);
  if (f.method === undefined || !isMethodId(f.method as string)) throw new UsageError('--method is required');
  if (f.images === undefined) throw new UsageError('--images is required');
  const method = getMethod(f.method as (typeof METHOD_IDS)[number]);
  const images = parseImages(f.images as string);
  const params = paramsFromFlags(method, f);
  const targetMode = (f.target as TargetMode | undefined) ?? 'label';
  const seed = (f.seed as number | undefined) ?? REFERENCE_TRAIN.seed;
  const json = f.json === true;
  const cfg = quickTrainConfig((f['model-epochs'] as number | undefined) ?? 1, (f['train-size'] as number | undefined) ?? REFERENCE_TRAIN.trainSize, seed);
  const dataset = (f.dataset as DatasetId | undefined) ?? DEFAULT_DATASET;
  const { classNames } = DATASETS[dataset];

  const log = (s: string): void => void process.stderr.write(s);
  const backend = await initNodeBackend((f.backend as BackendName | undefined) ?? null);
  if (backend.notice) log(`${backend.notice}\n`);
  const mnist = loadMnistNode(dataset);
  const { model, accuracy } = await trainQuickModel(mnist, cfg, backend.details, log);
  try {
    const t0 = performance.now();
    const maps = await computeMaps(model, mnist.test, images, method, params, targetMode, seed);
    const seconds = (performance.now() - t0) / 1000;
    const inputs = fillBatch(mnist.test, images, new Float32Array(images.length * PIXELS));
    const labels = images.map((i) => mnist.test.labels[i]);
    const predicted = argMaxRows(await forwardLogits(model, inputs, images.length), images.length);
    const targets = await targetsFor(model, inputs, images.length, labels, targetMode);
    const gaps =
      method.id === 'integratedGradients'
        ? await completenessGap(model, inputs, images.length, targets, maps, (params as IntegratedGradientsParams).baseline, DATASETS[dataset])
        : null;
    const perImage = images.map((index, b) => ({
      index,
      label: labels[b],
      predicted: predicted[b],
      target: targets[b],
      map: maps.subarray(b * PIXELS, (b + 1) * PIXELS),
      completeness: gaps ? gaps[b] : undefined,
    }));

    if (json) {
      const result = {
        command: 'attribute',
        dataset,
        method: method.id,
        params,
        target: targetMode,
        seed,
        backend: backend.name,
        backendDetails: backend.details,
        model: { ...cfg, testAccuracy: accuracy },
        seconds,
        images: perImage.map((r) => ({ ...r, map: Array.from(r.map) })),
        numTensors: tf.memory().numTensors,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${method.label} (${method.id}) ${JSON.stringify(params)}, target: ${targetMode}, seed ${seed}; ${seconds.toFixed(2)} s\n`);
      for (const r of perImage) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const v of r.map) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        process.stdout.write(
          `\ntest image ${r.index}: label ${classNames[r.label]}, predicted ${classNames[r.predicted]}, explaining class ${classNames[r.target]}; map min ${lo.toPrecision(3)}, max ${hi.toPrecision(3)}\n`,
        );
        if (r.completeness) process.stdout.write(`${formatGap(r.completeness)}\n`);
        process.stdout.write(`${textHeatmap(r.map, method.signed)}\n`);
      }
    }
  } finally {
    disposeCnn(model);
  }
  return 0;
}
