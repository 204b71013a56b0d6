import { useState } from 'react';
import { planRuns } from '../../engine/sweep/sweepPlan';
import { cutOffSweep } from '../../state/sweepState';
import { useCommands, useSweep, useTraining } from '../labContext';

/** At the top of the page after a reload: the sweep the reload cut off, with its progress, to resume or leave. */
export function ResumeBanner() {
  const lab = useCommands();
  const cut = useSweep(cutOffSweep);
  const ready = useTraining((s) => s.data !== null && s.backend !== null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!cut || dismissed === cut.record.id) return null;
  const { record } = cut;
  return (
    <div className="resume-banner" role="region" aria-label="Resume a sweep" data-testid="resume-banner">
      <p>
        <strong>{record.title}</strong> was cut off when the page closed, with {record.results.runs.length} of {planRuns(record.results.config).length} runs done.
        Resuming keeps them, and the base models and maps it had made.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => lab.resumeSaved(record.id)}>
          Resume it
        </button>
        <button type="button" onClick={() => setDismissed(record.id)}>
          Not now
        </button>
      </div>
    </div>
  );
}
