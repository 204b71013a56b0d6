/**
 * The results bundle: one JSON document that the CLI writes, the page exports and imports, and a permalink
 * carries. Versioned so that old bundles are recognised (issue: sharing).
 */
import type { SweepResults } from './results';
import { summariseSweep, verdictsOf, type MethodSummary, type Verdict } from './summary';

export const BUNDLE_FORMAT = 'roar-lab-results';
/** 2: base models, run health, the mask-only control and verdicts (issue 10). Version 1 bundles still open. */
export const BUNDLE_VERSION = 2;

export interface BundleVerdict {
  /** The method's key. */
  method: string;
  verdict: Verdict;
  reason: string;
}

export interface ResultsBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** A human label, e.g. "Lecture preset, CLI, 2026-11-26". */
  title: string;
  /** Each method's verdict as the lab reads the runs: for readers of the file (jq, a spreadsheet); the page recomputes them. */
  verdicts: BundleVerdict[];
  results: SweepResults;
}

export function makeBundle(title: string, results: SweepResults, summary: readonly MethodSummary[] = summariseSweep(results)): ResultsBundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, title, verdicts: verdictsOf(summary), results };
}
