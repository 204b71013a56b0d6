/**
 * Recharts rows for the accuracy-vs-fraction-removed chart: one row per threshold, with per method the
 * mean, the [mean − std, mean + std] band and the no-retrain point.
 */
import type { MethodSummary } from '../../engine/sweep/summary';

export type ChartRow = Record<string, number | [number, number] | null>;

export const meanKey = (m: string): string => `${m}::mean`;
export const bandKey = (m: string): string => `${m}::band`;
export const noRetrainKey = (m: string): string => `${m}::noRetrain`;

export function chartRows(summary: MethodSummary[], thresholds: number[]): ChartRow[] {
  return thresholds.map((t, i) => {
    const row: ChartRow = { removed: Math.round(t * 1000) / 10 };
    for (const m of summary) {
      const c = m.cells[i];
      const has = c.accuracies.length > 0;
      row[meanKey(m.key)] = has ? c.mean * 100 : null;
      row[bandKey(m.key)] = has ? [(c.mean - c.std) * 100, (c.mean + c.std) * 100] : null;
      row[noRetrainKey(m.key)] = c.noRetrain === null ? null : c.noRetrain * 100;
    }
    return row;
  });
}
