import { useCommands, useMetrics, useSweep } from '../labContext';
import type { SweepStage } from '../../engine/sweep/runSweep';

const duration = (s: number): string => (s < 90 ? `${Math.ceil(s)} s` : `${Math.round(s / 60)} min`);

const STAGE_WORDS: Record<SweepStage, string> = {
  base: 'Base model',
  maps: 'Attribution maps',
  noRetrain: 'Scoring without retraining',
  runs: 'Retraining',
};

/** Run, pause, resume and cancel, with the current step, progress, ETA and speed. */
export function SweepControls({ ready }: { ready: boolean }) {
  const status = useSweep((s) => s.status);
  const progress = useSweep((s) => s.progress);
  const lab = useCommands();
  const invalid = useSweep((s) => Object.keys(s.form.errors).length > 0);
  const busy = status !== 'idle';
  const metricsBusy = useMetrics((s) => s.status !== 'idle');
  return (
    <div className="sweep-controls">
      <div className="actions">
        {!busy ? (
          <button type="button" className="primary" onClick={() => lab.runSweep()} disabled={!ready || invalid || metricsBusy}>
            Run sweep
          </button>
        ) : null}
        {status === 'running' ? (
          <button type="button" onClick={() => lab.pauseSweep()}>
            Pause
          </button>
        ) : null}
        {status === 'paused' ? (
          <button type="button" className="primary" onClick={() => lab.resumeSweep()}>
            Resume
          </button>
        ) : null}
        {busy ? (
          <button type="button" onClick={() => lab.cancelSweep()} disabled={status === 'stopping'}>
            {status === 'stopping' ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {!ready ? <span className="muted">Waiting for the backend and the data…</span> : null}
        {ready && metricsBusy && !busy ? <span className="muted">Wait for the metrics (step 4) to finish.</span> : null}
      </div>
      {busy && progress ? (
        <div className="sweep-progress" aria-live="polite">
          <progress max={1} value={progress.fraction} aria-label="Sweep progress" />
          <p className="muted" data-testid="sweep-status">
            {status === 'paused' ? 'Paused. ' : ''}
            <strong data-testid="sweep-stage">{STAGE_WORDS[progress.stage]}</strong> · <span data-testid="sweep-runs-done">{progress.runsDone} of {progress.runsTotal} runs done</span> · {progress.message}
            {progress.samplesPerSec ? ` · ${Math.round(progress.samplesPerSec).toLocaleString('en')} samples/s` : ''}
            {` · ${workers(progress)}`}
            {progress.etaSeconds !== null && status !== 'paused' ? ` · about ${duration(progress.etaSeconds)} left` : ''}
          </p>
        </div>
      ) : busy ? (
        <p className="muted">Starting…</p>
      ) : null}
    </div>
  );
}

/** How the runs are spread: over workers (CPU) or batched into one model per step (GPU). */
function workers(p: { parallelism: number; modelsPerStep: number }): string {
  if (p.parallelism > 1) return `${p.parallelism} workers in parallel`;
  return p.modelsPerStep > 1 ? `${p.modelsPerStep} runs trained together per step` : 'one worker';
}
