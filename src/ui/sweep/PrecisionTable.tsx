import { useState } from 'react';
import type { MethodSummary } from '../../engine/sweep/summary';
import { methodName } from './methodStyle';
import { FLAG_WORDS } from '../../engine/training/health';
import { pct } from '../../engine/percent';
import { ScrollRegion } from '../ScrollRegion';

/** Per-class precision with its std over seeds at one threshold (seed 000 Tables II and III). */
export function PrecisionTable({ summary, thresholds, classNames }: { summary: MethodSummary[]; thresholds: number[]; classNames: readonly string[] }) {
  const [index, setIndex] = useState(thresholds.length - 1);
  const i = Math.min(index, thresholds.length - 1);
  return (
    <div className="precision-block">
      <label className="inline">
        Per-class precision at{' '}
        <select value={i} onChange={(e) => setIndex(Number(e.target.value))} aria-label="Threshold for per-class precision">
          {thresholds.map((t, j) => (
            <option key={t} value={j}>
              {Math.round(t * 1000) / 10} %
            </option>
          ))}
        </select>
      </label>
      <ScrollRegion label="Per-class precision, % (scrolls sideways)">
        <table className="results" aria-label="Per-class precision">
          <thead>
            <tr>
              <th scope="col">Method</th>
              {classNames.map((name) => (
                <th key={name} scope="col">{name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.map((m) => {
              const c = m.cells[i];
              return (
                <tr key={m.key} className={c.flaggedRuns ? 'flagged' : undefined}>
                  <th scope="row">
                    {methodName(m.spec)}
                    {c.flaggedRuns ? (
                      <span className="flag" title={`Not trusted: ${c.flaggedRuns} of ${c.accuracies.length} runs ${c.flags.map((f) => FLAG_WORDS[f]).join(' or ')}.`}>
                        {' '}
                        ⚠<span className="sr-only"> {c.flaggedRuns} runs did not learn</span>
                      </span>
                    ) : null}
                  </th>
                  {c.precisionMean.map((p, k) => (
                    <td key={k}>
                      {pct(p, { unit: false })}
                      {Number.isFinite(c.precisionStd[k]) ? <span className="muted"> ±{pct(c.precisionStd[k], { unit: false })}</span> : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
