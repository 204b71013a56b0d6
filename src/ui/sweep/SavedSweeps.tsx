import { useSweep } from '../storeContext';

const STATUS: Record<string, string> = {
  running: 'running',
  paused: 'paused',
  interrupted: 'cut off — can be resumed',
  cancelled: 'cancelled — can be resumed',
  finished: 'finished',
  imported: 'imported',
};

/** Sweeps stored in this browser: reopen, resume the unfinished, delete. */
export function SavedSweeps() {
  const saved = useSweep((s) => s.saved);
  const current = useSweep((s) => s.current);
  const status = useSweep((s) => s.status);
  const open = useSweep((s) => s.open);
  const resume = useSweep((s) => s.resumeSaved);
  const remove = useSweep((s) => s.remove);
  if (saved.length === 0) return null;
  const idle = status === 'idle';
  return (
    <details className="saved-sweeps" open>
      <summary>Sweeps stored in this browser ({saved.length})</summary>
      <ul data-testid="saved-sweeps">
        {saved.map((r) => (
          <li key={r.id} className={current?.id === r.id ? 'current' : ''}>
            <span>
              {r.title} · {r.results.runs.length} runs · <em>{STATUS[r.status]}</em>
            </span>
            <button type="button" onClick={() => open(r.id)} disabled={!idle || current?.id === r.id}>
              Open
            </button>
            {r.status === 'interrupted' || r.status === 'cancelled' ? (
              <button type="button" onClick={() => resume(r.id)} disabled={!idle}>
                Resume
              </button>
            ) : null}
            <button type="button" onClick={() => void remove(r.id)} disabled={!idle && current?.id === r.id} aria-label={`Delete ${r.title}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
