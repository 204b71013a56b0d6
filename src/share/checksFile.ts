/**
 * Opening a file of step 4 — `roar evaluate --out` or `roar sanity --out` — that a person chose: its size is
 * checked before a byte is read, then its format decides which reader checks it (engine/metrics/metricsFile.ts,
 * engine/sanity/sanityFile.ts).
 */
import { readMetricsFile, type MetricsFile } from '../engine/metrics/metricsFile';
import { METRICS_FORMAT } from '../engine/metrics/evaluateMetrics';
import { readSanityFile, SANITY_FORMAT } from '../engine/sanity/sanityFile';
import type { SanityOutcome } from '../engine/sanity/sanityJob';
import { MAX_RESULTS_BYTES } from './limits';

const MB = 1024 * 1024;

export type ChecksFile = { metrics: MetricsFile } | { sanity: SanityOutcome } | { error: string };

export async function readChecksFile(file: Blob): Promise<ChecksFile> {
  if (file.size > MAX_RESULTS_BYTES) return { error: `The file is ${(file.size / MB).toFixed(1)} MB; files of step 4 are at most ${MAX_RESULTS_BYTES / MB} MB.` };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return { error: 'The file is not JSON text, so it is not a file of roar evaluate or roar sanity.' };
  }
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (format === METRICS_FORMAT) return readMetricsFile(value, 'The file');
  if (format === SANITY_FORMAT) {
    const r = readSanityFile(value, 'The file');
    return 'error' in r ? r : { sanity: r.outcome };
  }
  return { error: `The file is not one of roar evaluate (${METRICS_FORMAT}) or roar sanity (${SANITY_FORMAT}); sweep results open in step 3.` };
}
