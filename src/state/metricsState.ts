/**
 * The no-retrain metrics' part of the lab's state (step 4): how many test images, the job in flight with
 * its progress, the last result and the metric on show. A new job keeps the last result on screen until
 * its answer arrives, and an error leaves it there too. Plain data; the Lab changes it.
 */
import type { MetricsResult } from '../engine/metrics/evaluateMetrics';
import type { MetricId } from '../engine/metrics/metricCatalog';
import { DEFAULT_METRICS_REQUEST, METRICS_FIELDS, type MetricsSetting } from '../engine/metrics/metricsRequest';
import type { WorkerEvent } from '../worker/protocol';

export interface MetricsState {
  /** The test-image count as typed, and what is wrong with it. */
  imagesText: string;
  imagesError: string | null;
  setting: MetricsSetting;
  status: 'idle' | 'computing' | 'stopping';
  jobId: number;
  progress: { done: number; total: number; message: string } | null;
  result: MetricsResult | null;
  error: string | null;
  /** The metric whose curves the chart shows. */
  shown: MetricId;
  /** What became of the last file opened in step 4, in words. */
  fileNotice: { text: string; error: boolean } | null;
}

export function initialMetrics(): MetricsState {
  return {
    imagesText: METRICS_FIELDS.images.toText(DEFAULT_METRICS_REQUEST.images),
    imagesError: null,
    setting: 'sweep',
    status: 'idle',
    jobId: 0,
    progress: null,
    result: null,
    error: null,
    shown: 'deletion',
    fileNotice: null,
  };
}

/** What a worker event changes here (nothing for other jobs' events). */
export function metricsOnEvent(s: MetricsState, e: WorkerEvent): Partial<MetricsState> | null {
  if (!('jobId' in e) || e.jobId !== s.jobId || s.status === 'idle') return null;
  if (e.type === 'metricsProgress') return { progress: { done: e.done, total: e.total, message: e.message } };
  if (e.type === 'metricsDone') return { status: 'idle', progress: null, result: e.result };
  if (e.type === 'jobError') {
    // A stopped job ends with the abort's error: that is not a failure to report.
    return { status: 'idle', progress: null, error: s.status === 'stopping' ? null : e.message };
  }
  return null;
}
