/**
 * Sweep results as CSV in long format, one row per retraining run (mask-only runs too, with their base model,
 * epochs, final loss and health flags) and one per no-retrain score, ready for a
 * spreadsheet, pandas or R. RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks in double quotes. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return; OWASP "CSV injection") is prefixed with an apostrophe, because method keys and labels
 * may come from someone else's file.
 */
import { NUM_CLASSES } from '../engine/defaults';
import type { SweepResults } from '../engine/sweep/results';

export const CSV_HEADER = [
  'kind',
  'method',
  'method_label',
  'threshold',
  'seed',
  'base_seed',
  'accuracy',
  'epochs',
  'final_loss',
  'health',
  ...Array.from({ length: NUM_CLASSES }, (_, c) => `precision_${c}`),
] as const;

type Cell = string | number | null;

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]): string => cells.map(csvCell).join(',');

/** `label` names a method key for people (the table's names), e.g. "Integrated Gradients (steps 16)". */
export function resultsCsv(results: SweepResults, label: (methodKey: string) => string): string {
  const rows: Cell[][] = [
    ...results.runs.map((r) => [
      r.kind === 'maskOnly' ? 'mask-only' : 'retrained',
      r.method,
      label(r.method),
      r.threshold,
      r.seed,
      r.baseSeed,
      r.accuracy,
      r.epochs,
      r.health?.finalLoss ?? null,
      // Flags joined by spaces ("collapsed chance"), "ok" for a model that learnt, empty where health was not recorded.
      r.health ? r.health.flags.join(' ') || 'ok' : null,
      ...r.precision,
    ]),
    ...results.noRetrain.map((r) => ['no-retrain', r.method, label(r.method), r.threshold, null, r.baseSeed, r.accuracy, null, null, null, ...r.precision]),
  ];
  return [csvLine(CSV_HEADER), ...rows.map(csvLine)].map((line) => `${line}\r\n`).join('');
}
