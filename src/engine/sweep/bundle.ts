/**
 * The results bundle: one JSON document that the CLI writes, the page exports and imports, and a permalink
 * carries. Versioned so that old bundles are recognised (issue: sharing).
 */
import type { SweepResults } from './results';

export const BUNDLE_FORMAT = 'roar-lab-results';
export const BUNDLE_VERSION = 1;

export interface ResultsBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** A human label, e.g. "Lecture preset, CLI, 2026-11-26". */
  title: string;
  results: SweepResults;
}

export function makeBundle(title: string, results: SweepResults): ResultsBundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, title, results };
}
