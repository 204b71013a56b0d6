import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useGallery } from '../labContext';
import { useOnFullscreenExit } from './fullscreen';
import { LectureBar } from './LectureBar';
import { LectureGallery } from './LectureGallery';
import { LectureHelp } from './LectureHelp';
import { LectureSweepPanel } from './LectureSweepPanel';
import { lectureMethods, lectureThresholds, stepIndex } from './lectureSteps';
import type { LectureAction } from './shortcuts';
import { useInertPage } from './useInertPage';
import { useFocusTrap } from './useFocusTrap';
import { useLectureKeys } from './useLectureKeys';
import { useLectureSweep } from './useLectureSweep';

/**
 * The projector layout: the sweep chart and verdicts, and the gallery of the first digit, on a
 * high-contrast theme. ←/→ step through thresholds, ↑/↓ through methods; the current ones are marked on
 * the chart and in the gallery, and exposed as data-threshold and data-method.
 */
export function LectureView({ onClose }: { onClose: () => void }) {
  const sweep = useLectureSweep();
  const gallery = useGallery((s) => s.result);
  const image = gallery?.images[0] ?? null;
  const thresholds = useMemo(() => lectureThresholds(sweep?.thresholds ?? [], gallery?.request.thresholds ?? []), [sweep, gallery]);
  const methods = useMemo(() => lectureMethods(sweep?.summary.map((m) => m.spec) ?? [], image ? (gallery?.request.methods ?? []) : []), [sweep, image, gallery]);
  const [t, setT] = useState(0);
  const [m, setM] = useState(0);
  const [help, setHelp] = useState(false);
  // Kept in range here as well: a running sweep or a new grid can change the lists under the indices.
  const ti = stepIndex(t, 0, thresholds.length);
  const mi = stepIndex(m, 0, methods.length);
  const threshold = thresholds.at(ti);
  const method = methods.at(mi) ?? null;

  const act = (a: LectureAction) => {
    switch (a) {
      case 'prevThreshold':
      case 'nextThreshold':
        return setT(stepIndex(ti, a === 'nextThreshold' ? 1 : -1, thresholds.length));
      case 'prevMethod':
      case 'nextMethod':
        return setM(stepIndex(mi, a === 'nextMethod' ? 1 : -1, methods.length));
      case 'help':
        return setHelp((h) => !h);
      case 'close':
        // Esc closes the help first, as it would any dialog on top.
        return help ? setHelp(false) : onClose();
    }
  };
  useLectureKeys(act);
  useOnFullscreenExit(onClose);
  useInertPage();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  useFocusTrap(root);

  return createPortal(
    <div className="lecture" role="dialog" aria-modal="true" aria-label="Lecture view" tabIndex={-1} ref={root} data-testid="lecture-view" data-threshold={threshold} data-method={method?.key}>
      <LectureBar
        threshold={threshold}
        mode={sweep?.mode ?? gallery?.request.mask.mode ?? 'roar'}
        method={method}
        position={{ threshold: ti, thresholds: thresholds.length, method: mi, methods: methods.length }}
        onAction={act}
      />
      <div className="lecture-main">
        <LectureSweepPanel sweep={sweep} highlight={method?.inSweep ? method.key : undefined} threshold={threshold} />
        <LectureGallery result={gallery} method={method} threshold={threshold} />
      </div>
      {help ? <LectureHelp onClose={() => setHelp(false)} /> : null}
    </div>,
    document.body,
  );
}
