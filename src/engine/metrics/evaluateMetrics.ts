/**
 * The no-retrain metrics of several methods on one base model: each method's maps of the first test images
 * are ranked (as a sweep ranks them) and scored by perturbationMetrics. The result is what `roar evaluate
 * --json` prints and the page shows; random is always added, as the baseline every curve is read against.
 */
import { head, type MnistSplit } from '../data/mnist';
import { MNIST_TRAIN_COUNT } from '../defaults';
import type { Cnn } from '../model/cnn';
import { methodKey } from '../attribution/methodSpec';
import { rankSplit } from '../sweep/rankMethod';
import { withRandomBaseline } from '../sweep/sweepConfig';
import { evaluate } from '../training/evaluate';
import { runHealth, type RunHealth } from '../training/health';
import { metricsOf } from './metricCatalog';
import type { MetricsRequest } from './metricsRequest';
import { perturbationMetrics, perturbationSteps, type MetricCurve } from './perturbationMetrics';

export const METRICS_FORMAT = 'roar-lab-metrics';

export interface MetricEntry extends MetricCurve {
  /** methodKey of the method whose ranking was perturbed. */
  method: string;
}

export interface MetricsResult {
  format: typeof METRICS_FORMAT;
  version: 1;
  request: MetricsRequest;
  /** The base model's accuracy on the same test images, untouched. */
  baseAccuracy: number;
  /** Whether the base model learnt (training/health.ts): metrics of a model at chance measure nothing. */
  baseHealth: RunHealth;
  metrics: MetricEntry[];
  seconds: number;
}

export interface MetricsHooks {
  signal?: AbortSignal;
  /** The base model's training-loss curve, for its health; without it only its predictions are judged. */
  lossCurve?: readonly number[];
  onProgress?: (done: number, total: number, message: string) => void | Promise<void>;
}

export async function evaluateMetrics(model: Cnn, testSplit: MnistSplit, raw: MetricsRequest, hooks: MetricsHooks = {}): Promise<MetricsResult> {
  const start = Date.now();
  const request = withRandomBaseline(raw);
  const test = head(testSplit, request.images);
  const ids = metricsOf(request.groups);
  // Ranking a method counts as one step, like one pass of the metrics over the images.
  const perMethod = 1 + perturbationSteps(ids, request.fractions.length);
  const total = perMethod * request.methods.length;
  let done = 0;
  const metrics: MetricEntry[] = [];
  for (const spec of request.methods) {
    const key = methodKey(spec);
    await hooks.onProgress?.(done, total, `Maps of ${test.count} test images: ${key}`);
    // Test images carry dataset-wide indices after the training images, as in a sweep, so ties break alike.
    const orders = await rankSplit(model, test, { first: 0, count: test.count }, spec, request.target, request.mapSeed, request.mask, MNIST_TRAIN_COUNT, { signal: hooks.signal });
    done++;
    const curves = await perturbationMetrics(model, test, orders, ids, {
      fractions: request.fractions,
      replacement: request.mask.replacement,
      noiseSeed: request.mask.tieSeed,
      signal: hooks.signal,
      onStep: () => hooks.onProgress?.(++done, total, `No-retrain metrics: ${key}`),
    });
    for (const c of curves) metrics.push({ method: key, ...c });
  }
  const base = await evaluate(model, test);
  const baseHealth = runHealth(base, hooks.lossCurve ?? [], { baseAccuracy: null, unmasked: false });
  return { format: METRICS_FORMAT, version: 1, request, baseAccuracy: base.accuracy, baseHealth, metrics, seconds: (Date.now() - start) / 1000 };
}
