import type { GalleryImage } from '../../engine/gallery/galleryGrid';
import type { GalleryRequest } from '../../engine/gallery/galleryRequest';
import { methodLabel, referenceClass, thresholdHeader } from '../export/galleryText';
import { DigitCanvas } from './DigitCanvas';
import { MethodMap } from './MethodMap';
import { pct } from '../../engine/percent';

/** Every method at one threshold: name and prediction, the map with the replaced pixels dotted, the masked digit. */
export function LectureColumn(props: { image: GalleryImage; request: GalleryRequest; column: number; current: number | null; scale: number }) {
  const { image, request, column, current, scale } = props;
  const threshold = request.thresholds[column];
  const header = thresholdHeader(threshold, request.mask.mode);
  return (
    <div className="lecture-column" data-testid="lecture-column" data-threshold={threshold}>
      <h3 className="lecture-heading">Every method, {header}</h3>
      <ol>
        {image.rows.map((row, j) => {
          const cell = row.cells[column];
          const { name } = methodLabel(row.methodId, request.methods[j].params);
          const wrong = cell.prediction.predicted !== referenceClass(image);
          const state = current === null ? '' : j === current ? ' lecture-current' : ' lecture-dim';
          return (
            <li key={row.method} className={`lecture-method${state}`} data-method={row.method}>
              <p>
                <strong>{name}</strong>
                <br />
                <span className={wrong ? 'lecture-wrong' : undefined}>
                  → {cell.prediction.predicted} ({pct(cell.prediction.confidence)})
                </span>
              </p>
              <MethodMap row={row} mask={request.mask} imageIndex={image.input.index} threshold={threshold} scale={scale} label={`${name} map, dots on the pixels replaced (${header})`} />
              <DigitCanvas pixels={cell.masked} scale={scale} label={`The digit, ${header} by ${name}`} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
