/**
 * The sweep summary as plain text (the CLI's table): mean ± std accuracy per method × threshold, with a `!`
 * on cells whose runs did not all learn, the no-retrain and mask-only rows, the base models, and verdicts.
 */
import { FLAG_WORDS, type HealthFlag } from '../training/health';
import type { BaseResult } from './results';
import type { MethodSummary } from './summary';
import { pct } from '../percent';


export function formatSummary(summary: MethodSummary[], thresholds: number[], bases: readonly BaseResult[] = []): string {
  const head = ['method'.padEnd(34), ...thresholds.map((t) => `${Math.round(t * 1000) / 10} %`.padStart(16))].join('');
  const lines = [head];
  const flags = new Set<HealthFlag>();
  const row = (label: string, values: string[]): void => void lines.push([label.slice(0, 33).padEnd(34), ...values.map((v) => v.padStart(16))].join(''));
  for (const m of summary) {
    row(
      m.key,
      m.cells.map((c) => {
        c.flags.forEach((f) => flags.add(f));
        return c.accuracies.length ? `${pct(c.mean, { unit: false })} ± ${pct(c.std, { unit: false })}${c.flaggedRuns ? '!' : ' '}` : '— ';
      }),
    );
    const nr = m.cells.map((c) => (c.noRetrain === null ? '' : `${pct(c.noRetrain, { unit: false })} `));
    if (nr.some(Boolean)) row('  no retraining', nr);
    const mo = m.cells.map((c) => (c.maskOnly === null ? '' : `${pct(c.maskOnly.mean, { unit: false })} ± ${pct(c.maskOnly.std, { unit: false })} `));
    if (mo.some(Boolean)) row('  mask only', mo);
  }
  if (flags.size) lines.push('', `! some runs of this cell ${[...flags].map((f) => FLAG_WORDS[f]).join(', or ')}`);
  if (bases.length) {
    lines.push('', `base models: ${bases.map((b) => `seed ${b.seed} ${pct(b.accuracy)}${b.health?.flags.length ? ` (${b.health.flags.map((f) => FLAG_WORDS[f]).join(', ')})` : ''}`).join('; ')}`);
  }
  lines.push('');
  for (const m of summary) lines.push(`${m.key}: ${m.verdict} — ${m.reason}`);
  return lines.join('\n');
}
