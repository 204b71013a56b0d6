/** The sweep summary as plain text (the CLI's table): mean ± std accuracy per method × threshold, verdicts. */
import type { MethodSummary } from './summary';

const pct = (v: number): string => (Number.isFinite(v) ? (v * 100).toFixed(1) : '—');

export function formatSummary(summary: MethodSummary[], thresholds: number[]): string {
  const head = ['method'.padEnd(34), ...thresholds.map((t) => `${Math.round(t * 100)} %`.padStart(14))].join('');
  const lines = [head];
  for (const m of summary) {
    lines.push(
      [m.key.slice(0, 33).padEnd(34), ...m.cells.map((c) => (c.accuracies.length ? `${pct(c.mean)} ± ${pct(c.std)}` : '—').padStart(14))].join(''),
    );
    const nr = m.cells.map((c) => (c.noRetrain === null ? '' : pct(c.noRetrain)));
    if (nr.some(Boolean)) lines.push(['  no retraining'.padEnd(34), ...nr.map((v) => v.padStart(14))].join(''));
  }
  lines.push('');
  for (const m of summary) lines.push(`${m.key}: ${m.verdict} — ${m.explanation}`);
  return lines.join('\n');
}
