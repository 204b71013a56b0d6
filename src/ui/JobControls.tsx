/**
 * Start, stop and progress of one of step 4's jobs (the no-retrain metrics, the sanity checks): the start
 * button while idle, Stop while it runs, why it cannot start, and a progress bar with its status line.
 */
import type { ReactNode } from 'react';

export interface JobControlsProps {
  status: 'idle' | 'computing' | 'stopping';
  startLabel: string;
  onStart: () => void;
  onStop: () => void;
  /** Why the job cannot start now (no model, another job running), or null. */
  blocked: string | null;
  /** The settings have a problem shown beside its field. */
  invalid: boolean;
  progress: { value: number; max: number; label: string; message: ReactNode; testId: string };
}

export function JobControls({ status, startLabel, onStart, onStop, blocked, invalid, progress }: JobControlsProps) {
  const busy = status !== 'idle';
  return (
    <>
      <div className="actions">
        {status === 'idle' ? (
          <button type="button" className="primary" onClick={onStart} disabled={blocked !== null || invalid}>
            {startLabel}
          </button>
        ) : (
          <button type="button" onClick={onStop} disabled={status === 'stopping'}>
            {status === 'stopping' ? 'Stopping…' : 'Stop'}
          </button>
        )}
        {blocked && !busy ? <span className="muted">{blocked}</span> : null}
      </div>
      {busy ? (
        <div aria-live="polite">
          <progress max={progress.max} value={progress.value} aria-label={progress.label} />
          <p className="muted" data-testid={progress.testId}>
            {progress.message}
          </p>
        </div>
      ) : null}
    </>
  );
}
