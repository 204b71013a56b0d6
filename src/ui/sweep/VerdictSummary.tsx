import { useMemo } from 'react';
import { summariseSweep } from '../../engine/sweep/summary';
import { useSweep } from '../labContext';
import { methodName } from './methodStyle';
import { VERDICT_WORDS } from './verdictWords';

/** The shown sweep's verdicts in one line at the top of the page, with a way down to the evidence. */
export function VerdictSummary() {
  const current = useSweep((s) => s.current);
  const running = useSweep((s) => s.status !== 'idle');
  const results = current?.results;
  const summary = useMemo(() => (results ? summariseSweep(results) : null), [results]);
  if (!current || !summary || !results?.runs.length) return null;
  const methods = summary.filter((m) => m.verdict !== 'baseline');
  return (
    <aside className="verdict-summary" aria-label="Verdicts of the sweep shown" data-testid="verdict-summary">
      <strong>{running ? 'So far' : 'Verdicts'}</strong> <span className="muted">({current.title})</span>:{' '}
      {methods.map((m, i) => (
        <span key={m.key}>
          {i > 0 ? ' · ' : ''}
          {methodName(m.spec)} <span className={`verdict-${m.verdict}`}>{VERDICT_WORDS[m.verdict]}</span>
        </span>
      ))}{' '}
      <a href="#sweep-results">See the evidence</a>
    </aside>
  );
}
