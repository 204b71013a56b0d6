/**
 * A sweep as the browser stores it: its results so far, a title and what became of it. Versioned and read
 * through the results schema, so a record from an older version of the page opens as what it means and a
 * damaged one is reported rather than shown. A record marked running says only that a tab was running it:
 * whether that tab is still there is asked of the tab's lock when the records are listed, never written.
 */
import * as v from 'valibot';
import { explainIssue, fieldSentence, strictRecord, textSchema } from '../config/field';
import type { SweepResults } from './results';
import { readResults } from './resultsSchema';
import { upgradeResultsV1 } from './resultsUpgrade';

export const RECORD_FORMAT = 'roar-lab-sweep';
export const RECORD_VERSION = 1;

export const RECORD_STATUSES = ['running', 'paused', 'cancelled', 'failed', 'finished', 'imported'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface SweepRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  id: string;
  title: string;
  status: RecordStatus;
  updatedAt: string;
  results: SweepResults;
}

const ID = /^[a-z0-9-]{1,40}$/;

const recordSchema = strictRecord({
  format: v.literal(RECORD_FORMAT),
  version: v.literal(RECORD_VERSION),
  id: v.pipe(v.string(), v.regex(ID, fieldSentence('Id', 'letters, digits and dashes'))),
  title: textSchema('Title', 200),
  status: v.picklist(RECORD_STATUSES, fieldSentence('Status', `one of ${RECORD_STATUSES.join(', ')}`)),
  updatedAt: v.pipe(v.string(), v.isoTimestamp(fieldSentence('Updated at', 'an ISO-8601 date and time'))),
  results: v.unknown(),
});

/**
 * Records written before they were versioned: no format or version, a status of 'interrupted' for a sweep the
 * page found cut off, version 1 results. They are read as the record that means the same.
 */
function upgradeLegacy(raw: Record<string, unknown>): unknown {
  const status = raw.status === 'interrupted' ? 'running' : raw.status;
  return { ...raw, format: RECORD_FORMAT, version: RECORD_VERSION, status, results: upgradeResultsV1(raw.results) };
}

/** A stored record checked through the schema, or why it cannot be shown. */
export function readSweepRecord(raw: unknown): { record: SweepRecord } | { error: string } {
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const input = isRecord && !('format' in raw) ? upgradeLegacy(raw as Record<string, unknown>) : raw;
  const top = v.safeParse(recordSchema, input, { abortEarly: true });
  if (!top.success) return { error: explainIssue(top.issues[0], 'record') };
  const r = readResults(top.output.results, 'its results');
  if ('error' in r) return r;
  return { record: { ...top.output, results: r.results } };
}
