import { useMemo, useState } from 'react';
import { summariseSweep } from '../../engine/sweep/summary';
import { ChartExport } from '../export/ChartExport';
import { ShareBar } from '../share/ShareBar';
import { useTraining, useSweep } from '../labContext';
import { PrecisionTable } from './PrecisionTable';
import { DATASETS } from '../../engine/data/datasets';
import { Provenance } from './Provenance';
import { SavedSweeps } from './SavedSweeps';
import { SweepChart } from './SweepChart';
import { SweepControls } from './SweepControls';
import { SweepSetup } from './SweepSetup';
import { SweepTable } from './SweepTable';
import { CellRuns } from './CellRuns';
import type { MethodSpec } from '../../engine/attribution/methodSpec';

/** Step 3: the remove-and-retrain sweep, its live chart, table, verdicts and provenance. */
export function SweepPanel() {
  const ready = useTraining((s) => s.data !== null && s.backend !== null);
  const status = useSweep((s) => s.status);
  const current = useSweep((s) => s.current);
  const error = useSweep((s) => s.error);
  const results = current?.results;
  const summary = useMemo(() => (results ? summariseSweep(results) : null), [results]);
  const shard = useSweep((s) => s.shard);
  const [openCell, setOpenCell] = useState<{ spec: MethodSpec; threshold: number } | null>(null);
  return (
    <section className="card" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">3 · Remove and retrain</h2>
      <p className="muted">
        For every method, rank each pixel of every training and test image with the base model, replace the top-ranked pixels, train a fresh model
        on the masked images, and score it on masked test images (Hooker et al. 2019). A method that finds the pixels the task depends on makes
        accuracy fall faster than removing random pixels. The dashed lines score the base model without retraining: the gap shows how much of
        the drop is distribution shift rather than lost information; the dotted lines (mask-only control) show how much the shape of the removed set
        alone gives away. The sweep trains its own base models from its settings, and checks that every model learnt: a verdict never rests on a model
        that did not.
      </p>
      {shard ? (
        <p className="shard-banner" role="status" data-testid="shard-banner">
          This tab runs <strong>part {shard.index} of {shard.count}</strong> of a sweep split across the class: press Run sweep, and when it is done
          press Download JSON and hand the file in. Keep the settings as the link gave them, or the parts will not merge.
        </p>
      ) : null}
      <SweepSetup disabled={status !== 'idle'} />
      <SweepControls ready={ready} />
      {error ? <p className="error" role="alert">{error}</p> : null}
      <SavedSweeps />
      <ShareBar />
      {results && summary ? (
        <div className="sweep-results" id="sweep-results" data-testid="sweep-results">
          <h3>{current.title}</h3>
          <ChartExport summary={summary} title={current.title} mode={results.config.mask.mode} />
          <SweepChart summary={summary} thresholds={results.config.thresholds} mode={results.config.mask.mode} runs={results.runs.length} />
          <SweepTable
            summary={summary}
            thresholds={results.config.thresholds}
            mode={results.config.mask.mode}
            baseSeeds={results.config.baseSeeds}
            onOpenCell={(spec, threshold) => setOpenCell({ spec, threshold })}
          />
          {openCell ? <CellRuns config={results.config} runs={results.runs} spec={openCell.spec} threshold={openCell.threshold} onClose={() => setOpenCell(null)} /> : null}
          <PrecisionTable summary={summary} thresholds={results.config.thresholds} classNames={DATASETS[results.config.dataset].classNames} />
          <Provenance results={results} />
        </div>
      ) : null}
    </section>
  );
}
