import type { MethodSummary } from '../../engine/sweep/summary';
import { methodColour, methodName } from './methodStyle';

const pct = (v: number): string => (Number.isFinite(v) ? (v * 100).toFixed(1) : '—');

const VERDICT_TEXT: Record<MethodSummary['verdict'], string> = {
  better: 'better than random',
  worse: 'no better than random',
  mixed: 'mixed',
  undecided: 'undecided',
  baseline: 'baseline',
};

/** Mean ± std test accuracy per method × threshold (seed 000 Table I), each method's verdict against random. */
export function SweepTable({ summary, thresholds, mode }: { summary: MethodSummary[]; thresholds: number[]; mode: 'roar' | 'kar' }) {
  return (
    <div className="table-scroll">
      <table className="results" aria-label="Accuracy per method and threshold" data-testid="sweep-table">
        <caption>
          Test accuracy (%) after retraining, mean ± std over seeds; <span className="muted">n = runs finished;</span> in brackets the base model without retraining.
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            {thresholds.map((t) => (
              <th key={t} scope="col">
                {Math.round(t * 1000) / 10} % {mode === 'roar' ? 'removed' : 'kept'}
              </th>
            ))}
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((m) => (
            <tr key={m.key} data-method={m.key}>
              <th scope="row">
                <span className="swatch" style={{ background: methodColour(m.key) }} /> {methodName(m.key)}
              </th>
              {m.cells.map((c) => (
                <td key={c.threshold} data-threshold={c.threshold} title={c.vsRandom ? `vs random: Δ ${(c.vsRandom.difference * 100).toFixed(1)} points, Welch t ${c.vsRandom.t.toFixed(2)}, p ${Number.isFinite(c.vsRandom.p) ? c.vsRandom.p.toFixed(3) : 'n/a'}` : undefined}>
                  {c.accuracies.length ? (
                    <>
                      {pct(c.mean)} ± {pct(c.std)} <span className="muted">n={c.accuracies.length}</span>
                    </>
                  ) : (
                    '…'
                  )}
                  {c.noRetrain !== null ? <span className="muted"> [{pct(c.noRetrain)}]</span> : null}
                  {c.vsRandom && Number.isFinite(c.vsRandom.p) ? (
                    <span className={c.vsRandom.p < 0.05 ? 'sig' : 'muted'}> {c.vsRandom.p < 0.01 ? 'p<0.01' : `p=${c.vsRandom.p.toFixed(2)}`}</span>
                  ) : null}
                </td>
              ))}
              <td className={`verdict verdict-${m.verdict}`} title={m.explanation}>
                {VERDICT_TEXT[m.verdict]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="verdicts">
        {summary
          .filter((m) => m.verdict !== 'baseline')
          .map((m) => (
            <li key={m.key} data-testid="verdict">
              <strong>{methodName(m.key)}</strong>: {m.explanation}
            </li>
          ))}
      </ul>
    </div>
  );
}
