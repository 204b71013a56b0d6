import type { MaskMode } from '../../engine/defaults';
import { percent } from '../gallery/format';
import { methodColour, methodName } from '../sweep/methodStyle';
import { LectureControls, type StepPosition } from './LectureControls';
import type { LectureMethod } from './lectureSteps';
import type { LectureAction } from './shortcuts';

/** The top line: where the steps stand (threshold, method) and the controls. */
export function LectureBar(props: { threshold: number | undefined; mode: MaskMode; method: LectureMethod | null; position: StepPosition; onAction: (a: LectureAction) => void }) {
  const { threshold, mode, method, position, onAction } = props;
  return (
    <header className="lecture-bar">
      <p className="lecture-status" aria-live="polite">
        <span className="lecture-pill" data-testid="lecture-threshold">
          {threshold === undefined ? 'no thresholds yet' : `${percent(threshold)} ${mode === 'roar' ? 'removed' : 'kept'}`}
        </span>
        <span className="lecture-pill" data-testid="lecture-method">
          {method ? (
            <>
              <span className="lecture-swatch" style={{ background: methodColour(method.spec) }} /> {methodName(method.spec)}
            </>
          ) : (
            'no methods yet'
          )}
        </span>
      </p>
      <LectureControls position={position} onAction={onAction} />
    </header>
  );
}
