import { RANDOM_KEY, type MethodSummary } from '../../engine/sweep/summary';
import { percent } from '../gallery/format';
import { methodColour, methodName } from '../sweep/methodStyle';
import { VERDICT_WORDS } from '../sweep/verdictWords';
import { pct } from '../../engine/percent';


/** The current method's numbers at the current threshold, beside random's. */
function atThreshold(summary: MethodSummary[], m: MethodSummary, threshold: number, mode: 'roar' | 'kar'): string {
  const where = `At ${percent(threshold)} ${mode === 'roar' ? 'removed' : 'kept'}`;
  const cell = m.cells.find((c) => c.threshold === threshold);
  if (!cell) return `${where}: the sweep has no such threshold.`;
  if (!cell.accuracies.length) return `${where}: no finished runs yet.`;
  const random = summary.find((s) => s.key === RANDOM_KEY)?.cells.find((c) => c.threshold === threshold);
  const parts = [`${pct(cell.mean)} ± ${pct(cell.std, { unit: false })} after retraining`];
  if (cell.noRetrain !== null) parts.push(`${pct(cell.noRetrain)} without`);
  if (m.key !== RANDOM_KEY && random?.accuracies.length) parts.push(`random ${pct(random.mean)}`);
  return `${where}: ${parts.join(' · ')}`;
}

/** Every method's verdict in large type; the highlighted one with its numbers and the reason for its verdict. */
export function LectureVerdicts(props: { summary: MethodSummary[]; highlight: string | undefined; threshold: number | undefined; mode: 'roar' | 'kar' }) {
  const { summary, highlight, threshold, mode } = props;
  const current = summary.find((m) => m.key === highlight);
  return (
    <div className="lecture-verdicts" data-testid="lecture-verdicts">
      <ul>
        {summary.map((m) => (
          <li key={m.key} className={m.key === highlight ? 'lecture-verdict lecture-current' : highlight ? 'lecture-verdict lecture-dim' : 'lecture-verdict'}>
            <span className="lecture-swatch" style={{ background: methodColour(m.spec) }} /> <strong>{methodName(m.spec)}</strong>:{' '}
            <span className={`lecture-verdict-${m.verdict}`}>{VERDICT_WORDS[m.verdict]}</span>
          </li>
        ))}
      </ul>
      {current ? (
        <div className="lecture-detail">
          {threshold !== undefined ? <p className="lecture-numbers">{atThreshold(summary, current, threshold, mode)}</p> : null}
          <p>{current.reason}</p>
        </div>
      ) : null}
    </div>
  );
}
