/**
 * Sweep results as CSV in long format, one row per retraining run (mask-only runs too, with their base model,
 * epochs, final loss and health flags) and one per no-retrain score, each method by its id and parameters
 * (JSON) for a program and by name in words for a person, ready for a
 * spreadsheet, pandas or R. RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks in double quotes. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return; OWASP "CSV injection") is prefixed with an apostrophe, because method keys and names
 * may come from someone else's file.
 */
import { NUM_CLASSES } from '../engine/defaults';
import type { SweepResults } from '../engine/sweep/results';
import { methodKey, methodWords, type MethodSpec } from '../engine/attribution/methodSpec';
import { UNMASKED } from '../engine/sweep/sweepPlan';

export const CSV_HEADER = [
  'kind',
  'method_id',
  'params',
  'method',
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

/** The method columns of a result filed under `key`: its id and parameters for machines, its name in words for people. */
function methodColumns(specs: ReadonlyMap<string, MethodSpec>, key: string): Cell[] {
  if (key === UNMASKED) return ['unmasked', '{}', 'no pixels removed'];
  const spec = specs.get(key);
  return spec ? [spec.id, JSON.stringify(spec.params), methodWords(spec)] : [key, null, key];
}

export function resultsCsv(results: SweepResults): string {
  const specs = new Map(results.config.methods.map((m) => [methodKey(m), m]));
  const rows: Cell[][] = [
    ...results.runs.map((r) => [
      r.kind === 'maskOnly' ? 'mask-only' : 'retrained',
      ...methodColumns(specs, r.method),
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
    ...results.noRetrain.map((r) => ['no-retrain', ...methodColumns(specs, r.method), r.threshold, null, r.baseSeed, r.accuracy, null, null, null, ...r.precision]),
  ];
  return [csvLine(CSV_HEADER), ...rows.map(csvLine)].map((line) => `${line}\r\n`).join('');
}
