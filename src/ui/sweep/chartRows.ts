/**
 * Recharts rows for the accuracy-vs-fraction-removed chart: one row per threshold, with per method the
 * mean, the [mean − std, mean + std] band, the no-retrain and mask-only points, and — where some of the
 * cell's runs did not learn — the reason, so the chart can mark the point and say why.
 */
import { FLAG_WORDS } from '../../engine/training/health';
import type { MethodSummary } from '../../engine/sweep/summary';

export type ChartRow = Record<string, number | [number, number] | string | null>;

export const meanKey = (m: string): string => `${m}::mean`;
export const bandKey = (m: string): string => `${m}::band`;
export const noRetrainKey = (m: string): string => `${m}::noRetrain`;
export const maskOnlyKey = (m: string): string => `${m}::maskOnly`;
export const flagKey = (m: string): string => `${m}::flags`;

export function chartRows(summary: MethodSummary[], thresholds: number[]): ChartRow[] {
  return thresholds.map((t, i) => {
    const row: ChartRow = { removed: Math.round(t * 1000) / 10 };
    for (const m of summary) {
      const c = m.cells[i];
      const has = c.accuracies.length > 0;
      row[meanKey(m.key)] = has ? c.mean * 100 : null;
      row[bandKey(m.key)] = has ? [(c.mean - c.std) * 100, (c.mean + c.std) * 100] : null;
      row[noRetrainKey(m.key)] = c.noRetrain === null ? null : c.noRetrain * 100;
      row[maskOnlyKey(m.key)] = c.maskOnly === null ? null : c.maskOnly.mean * 100;
      row[flagKey(m.key)] = c.flaggedRuns ? `${c.flaggedRuns} of ${c.accuracies.length} runs ${c.flags.map((f) => FLAG_WORDS[f]).join(' or ')}` : null;
    }
    return row;
  });
}

/** Whether any method has a mask-only point: the chart then draws and keys that line style. */
export const hasMaskOnly = (summary: readonly MethodSummary[]): boolean => summary.some((m) => m.cells.some((c) => c.maskOnly !== null));
