import { SweepChart } from '../sweep/SweepChart';
import { LectureEmpty } from './LectureEmpty';
import { LectureVerdicts } from './LectureVerdicts';
import type { LectureSweep } from './useLectureSweep';

/** The sweep chart, large, with the current threshold marked and the current method highlighted; the verdicts under it. */
export function LectureSweepPanel({ sweep, highlight, threshold }: { sweep: LectureSweep | null; highlight: string | undefined; threshold: number | undefined }) {
  if (!sweep) {
    return (
      <LectureEmpty title="No sweep yet" testId="lecture-no-sweep">
        Leave with Esc, run a sweep in step 3 (or open a saved one), and come back: its chart and verdicts appear here.
      </LectureEmpty>
    );
  }
  return (
    <section className="lecture-sweep" aria-label="Remove and retrain">
      <div className="lecture-chart">
        <SweepChart summary={sweep.summary} thresholds={sweep.thresholds} mode={sweep.mode} runs={sweep.runs} highlight={highlight} threshold={threshold} large />
      </div>
      <LectureVerdicts summary={sweep.summary} highlight={highlight} threshold={threshold} mode={sweep.mode} />
    </section>
  );
}
