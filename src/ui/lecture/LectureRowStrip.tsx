import type { GalleryImage } from '../../engine/gallery/galleryGrid';
import type { GalleryRequest } from '../../engine/gallery/galleryRequest';
import { percent } from '../gallery/format';
import { methodLabel, referenceClass } from '../export/galleryText';
import { DigitCanvas } from './DigitCanvas';

/** One method's masked digits at every threshold, the current one framed: how the prediction breaks as pixels go. */
export function LectureRowStrip(props: { image: GalleryImage; request: GalleryRequest; row: number; column: number; scale: number }) {
  const { image, request, row, column, scale } = props;
  const r = image.rows[row];
  const { name } = methodLabel(r.methodId, request.methods[row].params);
  const verb = request.mask.mode === 'roar' ? 'removed' : 'kept';
  return (
    <div className="lecture-strip" data-testid="lecture-row" data-method={r.method}>
      <h3 className="lecture-heading">{name}, every threshold</h3>
      <ol>
        {r.cells.map((cell, c) => (
          <li key={cell.threshold} className={c === column ? 'lecture-step lecture-current' : 'lecture-step'}>
            <DigitCanvas pixels={cell.masked} scale={scale} label={`The digit with ${percent(cell.threshold)} ${verb} by ${name}`} />
            <span>{percent(cell.threshold)}</span>
            <span className={cell.prediction.predicted === referenceClass(image) ? undefined : 'lecture-wrong'}>→ {cell.prediction.predicted}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
