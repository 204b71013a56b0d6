import type { GalleryResult } from '../../state/galleryState';
import { percent } from '../gallery/format';
import { digitTitle } from '../export/galleryText';
import { methodName } from '../sweep/methodStyle';
import { DigitCanvas } from './DigitCanvas';
import { LectureColumn } from './LectureColumn';
import { LectureEmpty } from './LectureEmpty';
import { LectureRowStrip } from './LectureRowStrip';
import { lectureScales } from './lectureScale';
import { nearestIndex, type LectureMethod } from './lectureSteps';
import { useViewport } from './useViewport';
import { pct } from '../../engine/percent';

/**
 * The first digit of the gallery: every method at the current threshold (the gallery's column), and the
 * current method at every threshold (its row). Thresholds the gallery lacks show its nearest column.
 */
export function LectureGallery({ result, method, threshold }: { result: GalleryResult | null; method: LectureMethod | null; threshold: number | undefined }) {
  const viewport = useViewport();
  if (!result) {
    return (
      <LectureEmpty title="No attribution maps yet" testId="lecture-no-gallery">
        Leave with Esc, train a model in step 1 and press Show maps in step 2: the first digit&apos;s maps appear here.
      </LectureEmpty>
    );
  }
  const { request } = result;
  const image = result.images[0];
  const column = Math.max(0, threshold === undefined ? 0 : nearestIndex(request.thresholds, threshold));
  const row = method?.galleryRow ?? null;
  const scales = lectureScales(viewport, image.rows.length, request.thresholds.length);
  const { input, prediction } = image;
  return (
    <section className="lecture-gallery" aria-label="Attribution maps" data-testid="lecture-gallery">
      <div className="lecture-digit">
        <DigitCanvas pixels={input.pixels} scale={2} label={digitTitle(input.index)} />
        <p>
          <strong>{digitTitle(input.index)}</strong>
          <br />
          {input.label === null ? 'drawn' : `label ${input.label}`} · predicts {prediction.predicted} ({pct(prediction.confidence)})
        </p>
      </div>
      <LectureColumn image={image} request={request} column={column} current={row} scale={scales.column} />
      {row !== null ? (
        <LectureRowStrip image={image} request={request} row={row} column={column} scale={scales.row} />
      ) : method ? (
        <p className="lecture-note">{methodName(method.spec)} is not in the gallery: add it in step 2 to see its maps.</p>
      ) : null}
      {threshold !== undefined && request.thresholds[column] !== threshold ? (
        <p className="lecture-note">The gallery has no {percent(threshold)} column; it shows the nearest, {percent(request.thresholds[column])}.</p>
      ) : null}
    </section>
  );
}
