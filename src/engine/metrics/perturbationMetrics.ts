/**
 * The no-retrain metrics of one ranking (metricCatalog.ts): the base model scored on its test images with a
 * growing fraction of pixels replaced (or, for insertion, kept) in rank order. Each perturbation is computed
 * once per fraction and every metric that needs it reads its outputs, so asking for all twelve costs five
 * passes over the images.
 */
import { NUM_CLASSES, PIXELS, type Replacement } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import type { Cnn } from '../model/cnn';
import { forwardLogits } from '../attribution/forwardLogits';
import { fillMaskedBatch } from '../masking/mask';
import { deriveSeed, makeRng } from '../random';
import { curveAuc, type CurvePoint } from './auc';
import { METRICS, type MetricId, type Perturbation } from './metricCatalog';

export interface MetricCurve {
  metric: MetricId;
  /** Mean height of the curve over the fractions (auc.ts). */
  auc: number;
  curve: CurvePoint[];
}

export interface PerturbationOptions {
  /** Fractions of the 784 pixels, ascending, from 0 to 1. */
  fractions: readonly number[];
  /** What replaces a removed pixel (science.md §3); the ROAD metrics always impute. */
  replacement: Replacement;
  /** Seeds the noise of noisy linear imputation. */
  noiseSeed: number;
  signal?: AbortSignal;
  /** After every pass over the images at one fraction. */
  onStep?: () => void | Promise<void>;
}

/** Images scored per forward call: bounds the float batch to ~0.8 MB. */
const BATCH = 256;

/** Per image: the class predicted on the untouched image, its log-probabilities and its logits. */
interface Reference {
  predicted: Int32Array;
  logProbs: Float64Array;
  logits: Float32Array;
}

function logSoftmax(z: Float32Array, row: number, out: Float64Array, at: number): void {
  let max = -Infinity;
  for (let k = 0; k < NUM_CLASSES; k++) max = Math.max(max, z[row * NUM_CLASSES + k]);
  let sum = 0;
  for (let k = 0; k < NUM_CLASSES; k++) sum += Math.exp(z[row * NUM_CLASSES + k] - max);
  const lse = max + Math.log(sum);
  for (let k = 0; k < NUM_CLASSES; k++) out[at + k] = z[row * NUM_CLASSES + k] - lse;
}

function argmax(z: Float32Array, row: number): number {
  let best = 0;
  for (let k = 1; k < NUM_CLASSES; k++) if (z[row * NUM_CLASSES + k] > z[row * NUM_CLASSES + best]) best = k;
  return best;
}

/** Sums of every readout over the images at one fraction. */
interface Sums {
  correct: number;
  classProbability: number;
  afoc: number;
  kl: number;
  pcuo: number;
}

/** Each image's order reversed: removing these most-salient-first removes the original's least salient first. */
function reversed(orders: Uint16Array): Uint16Array {
  const out = new Uint16Array(orders.length);
  for (let i = 0; i < orders.length; i += PIXELS) for (let p = 0; p < PIXELS; p++) out[i + p] = orders[i + PIXELS - 1 - p];
  return out;
}

export async function perturbationMetrics(
  model: Cnn,
  test: MnistSplit,
  /** test.count·784 pixel indices, most important first per image (masking/ranking.ts). */
  orders: Uint16Array,
  metrics: readonly MetricId[],
  o: PerturbationOptions,
): Promise<MetricCurve[]> {
  const n = test.count;
  if (orders.length !== n * PIXELS) throw new RangeError(`There are ${orders.length} ranked pixels for ${n} images.`);
  const fr = o.fractions;
  if (fr.length < 2 || fr.some((f, i) => !(f >= 0 && f <= 1) || (i > 0 && f <= fr[i - 1]))) {
    throw new RangeError('The fractions must rise from 0 to 1, at least two of them.');
  }
  const buffer = new Float32Array(BATCH * PIXELS);
  const all = Uint32Array.from({ length: n }, (_, i) => i);

  const forward = async (ords: Uint16Array | null, fraction: number, perturbation: Perturbation, replacement: Replacement, rngSeed: number, visit: (z: Float32Array, first: number, count: number) => void) => {
    const rng = makeRng(rngSeed);
    for (let first = 0; first < n; first += BATCH) {
      o.signal?.throwIfAborted();
      const idx = all.subarray(first, Math.min(n, first + BATCH));
      const out = buffer.subarray(0, idx.length * PIXELS);
      fillMaskedBatch(test.images, ords, idx, fraction, perturbation === 'insert' ? 'kar' : 'roar', replacement, rng, out);
      visit(await forwardLogits(model, out, idx.length), first, idx.length);
    }
  };

  const ref: Reference = { predicted: new Int32Array(n), logProbs: new Float64Array(n * NUM_CLASSES), logits: new Float32Array(n) };
  await forward(null, 0, 'morf', o.replacement, 0, (z, first, count) => {
    for (let r = 0; r < count; r++) {
      const i = first + r;
      const c = argmax(z, r);
      ref.predicted[i] = c;
      ref.logits[i] = z[r * NUM_CLASSES + c];
      logSoftmax(z, r, ref.logProbs, i * NUM_CLASSES);
    }
  });

  const lp = new Float64Array(NUM_CLASSES);
  const score = (z: Float32Array, first: number, count: number, s: Sums): void => {
    for (let r = 0; r < count; r++) {
      const i = first + r;
      const c = ref.predicted[i];
      logSoftmax(z, r, lp, 0);
      if (argmax(z, r) === test.labels[i]) s.correct++;
      const p = Math.exp(lp[c]);
      const p0 = Math.exp(ref.logProbs[i * NUM_CLASSES + c]);
      s.classProbability += p;
      s.afoc += Math.abs(p - p0) / p0;
      let kl = 0;
      for (let k = 0; k < NUM_CLASSES; k++) kl += Math.exp(lp[k]) * (lp[k] - ref.logProbs[i * NUM_CLASSES + k]);
      s.kl += Math.max(0, kl);
      // A logit near zero would make any change infinite; 1e-6 bounds it (seed 003 divides by the logit).
      s.pcuo += Math.abs(z[r * NUM_CLASSES + c] - ref.logits[i]) / Math.max(Math.abs(ref.logits[i]), 1e-6);
    }
  };

  // One pass per distinct perturbation the chosen metrics need.
  const passKey = (id: MetricId): string => `${METRICS[id].perturbation}:${METRICS[id].road ? 'road' : 'rule'}`;
  const passes = new Map<string, Sums[]>();
  const lerfOrders = metrics.some((id) => METRICS[id].perturbation === 'lerf') ? reversed(orders) : null;
  for (const id of metrics) {
    const key = passKey(id);
    if (passes.has(key)) continue;
    const { perturbation, road } = METRICS[id];
    const sums: Sums[] = [];
    for (const fraction of fr) {
      const s: Sums = { correct: 0, classProbability: 0, afoc: 0, kl: 0, pcuo: 0 };
      await forward(perturbation === 'lerf' ? lerfOrders : orders, fraction, perturbation, road ? 'noisyLinear' : o.replacement, deriveSeed(o.noiseSeed, `${key}:${fraction}`), (z, first, count) => score(z, first, count, s));
      sums.push(s);
      await o.onStep?.();
    }
    passes.set(key, sums);
  }

  return metrics.map((id) => {
    const { readout } = METRICS[id];
    const curve = passes.get(passKey(id))!.map((s, i) => ({ fraction: fr[i], value: (readout === 'accuracy' ? s.correct : s[readout]) / n }));
    return { metric: id, auc: curveAuc(curve), curve };
  });
}

/** Passes over the test images that `metrics` cost at `fractions` points each, for progress. */
export function perturbationSteps(metrics: readonly MetricId[], fractions: number): number {
  return new Set(metrics.map((id) => `${METRICS[id].perturbation}:${METRICS[id].road}`)).size * fractions;
}
