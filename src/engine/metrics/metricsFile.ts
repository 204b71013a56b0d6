/**
 * A metrics file (`roar evaluate --out`, issue 14) as the page opens it: from a stranger, so every field is
 * checked, and the numbers must agree with each other — each curve at the request's fractions, each area
 * the area of its curve, every method one the request names — so a hand-edited file is refused, not drawn.
 */
import * as v from 'valibot';
import { methodKey } from '../attribution/methodSpec';
import { explainIssue, numberSchema, strictRecord, textSchema } from '../config/field';
import { trainSchema } from '../config/trainConfig';
import { runHealthSchema } from '../sweep/resultsSchema';
import { SWEEP_FIELDS } from '../sweep/sweepConfig';
import { curveAuc } from './auc';
import { METRIC_IDS, metricsOf } from './metricCatalog';
import { METRICS_FORMAT, type MetricsResult } from './evaluateMetrics';
import { metricsRequestSchema } from './metricsRequest';

/** KL divergences and PCUO are unbounded in principle; no real model's reach this. */
const MAX_VALUE = 1e6;

const point = strictRecord({ fraction: numberSchema('Fraction', 0, 1), value: numberSchema('Curve value', 0, MAX_VALUE) });
const entry = strictRecord({
  method: textSchema('Method key', 1_000),
  metric: v.picklist(METRIC_IDS, `Metric: one of ${METRIC_IDS.join(', ')}.`),
  auc: numberSchema('Area under the curve', 0, MAX_VALUE),
  curve: v.pipe(v.array(point), v.maxLength(101, 'A curve has at most 101 points.')),
});

const fileSchema = strictRecord({
  format: v.literal(METRICS_FORMAT, `Format: ${METRICS_FORMAT}.`),
  version: v.literal(1, 'Version: 1.'),
  request: metricsRequestSchema,
  baseAccuracy: numberSchema('Base accuracy', 0, 1),
  baseHealth: runHealthSchema,
  metrics: v.pipe(v.array(entry), v.maxLength(32 * METRIC_IDS.length, 'There are more curves than methods × metrics.')),
  seconds: numberSchema('Seconds', 0, 1e7),
  // What `roar evaluate` adds about where it ran; shown, not needed.
  dataset: v.optional(SWEEP_FIELDS.dataset.schema),
  classes: v.optional(v.nullable(v.array(numberSchema('Class', 0, 9, true)))),
  model: v.optional(trainSchema),
  backend: v.optional(textSchema('Backend', 40)),
  backendDetails: v.optional(textSchema('Backend details', 1_000)),
});

export type MetricsFile = MetricsResult & { dataset?: string; classes?: number[] | null };

/** The metrics in `input`, or one sentence saying what is wrong with it. */
export function readMetricsFile(input: unknown, root: string): { metrics: MetricsFile } | { error: string } {
  const r = v.safeParse(fileSchema, input);
  if (!r.success) return { error: explainIssue(r.issues[0], root) };
  const f = r.output as unknown as MetricsFile;
  const keys = new Set(f.request.methods.map(methodKey));
  const expected = new Set(metricsOf(f.request.groups));
  for (const [i, m] of f.metrics.entries()) {
    const where = `${root}: metrics[${i}]`;
    if (!keys.has(m.method)) return { error: `${where} is of a method the request does not name.` };
    if (!expected.has(m.metric)) return { error: `${where} is a metric the request did not ask for.` };
    if (m.curve.length !== f.request.fractions.length || m.curve.some((p, k) => p.fraction !== f.request.fractions[k])) {
      return { error: `${where}: its curve is not at the request's fractions.` };
    }
    if (Math.abs(curveAuc(m.curve) - m.auc) > 1e-9 * Math.max(1, m.auc)) return { error: `${where}: its area does not match its curve (the file was altered).` };
  }
  return { metrics: f };
}
