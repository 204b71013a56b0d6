import type { SavedSweep } from '../../state/sweepStorage';
import { useCommands, useSweep } from '../labContext';

/** A stored sweep's state in words; a running one only while a tab still runs it. */
function statusWords(s: SavedSweep): string {
  if (s.cutOff) return 'cut off — can be resumed';
  switch (s.record.status) {
    case 'cancelled':
      return 'cancelled — can be resumed';
    case 'failed':
      return 'stopped by an error — can be resumed';
    default:
      return s.record.status;
  }
}

const canResume = (s: SavedSweep): boolean => s.cutOff || s.record.status === 'cancelled' || s.record.status === 'failed';

/** Sweeps stored in this browser: reopen, resume the unfinished, delete; and any this page could not read. */
export function SavedSweeps() {
  const lab = useCommands();
  const saved = useSweep((s) => s.saved);
  const problems = useSweep((s) => s.storageProblems);
  const current = useSweep((s) => s.current);
  const status = useSweep((s) => s.status);
  if (saved.length === 0 && problems.length === 0) return null;
  const idle = status === 'idle';
  return (
    <details className="saved-sweeps" open>
      <summary>Sweeps stored in this browser ({saved.length})</summary>
      <ul data-testid="saved-sweeps">
        {saved.map((s) => (
          <li key={s.record.id} className={current?.id === s.record.id ? 'current' : ''}>
            <span>
              {s.record.title} · {s.record.results.runs.length} runs · <em>{statusWords(s)}</em>
            </span>
            <button type="button" onClick={() => lab.openSaved(s.record.id)} disabled={!idle || current?.id === s.record.id}>
              Open
            </button>
            {canResume(s) ? (
              <button type="button" onClick={() => lab.resumeSaved(s.record.id)} disabled={!idle}>
                Resume
              </button>
            ) : null}
            <button type="button" onClick={() => void lab.deleteSaved(s.record.id)} disabled={!idle && current?.id === s.record.id} aria-label={`Delete ${s.record.title}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {problems.map((p) => (
        <p key={p} className="notice">
          {p}
        </p>
      ))}
    </details>
  );
}
