import { useMemo } from 'react';
import { digitTitle } from '../export/galleryText';
import type { GalleryImage } from '../../engine/gallery/galleryGrid';
import type { GalleryRequest } from '../../engine/gallery/galleryRequest';
import { percent } from './format';
import { MethodRow } from './MethodRow';
import { digitColours } from './pixelImages';
import { PixelCanvas } from './PixelCanvas';
import { pct } from '../../engine/percent';

/** Canvases at 3× while the row fits the page, at 2× for longer threshold lists. */
const cellScale = (columns: number) => (columns <= 4 ? 3 : 2);

/** One digit: what it is and what the base model makes of it, then its methods × thresholds table. */
export function DigitResult({ image, request }: { image: GalleryImage; request: GalleryRequest }) {
  const { input, prediction, target, rows } = image;
  const title = digitTitle(input.index);
  const colours = useMemo(() => digitColours(input.pixels), [input.pixels]);
  // A drawn digit has no label: a cell turns red when the prediction moves away from the drawing's own.
  const reference = input.label ?? prediction.predicted;
  const scale = cellScale(request.thresholds.length);
  return (
    <article className="gallery-digit" aria-label={title} data-testid="gallery-digit">
      <header className="gallery-digit-head">
        <PixelCanvas colours={colours} scale={3} label={`${title}${input.label === null ? '' : `, label ${input.label}`}`} />
        <div>
          <h3>{title}</h3>
          <p>
            {input.label === null ? 'No label (drawn)' : <>Label <strong>{input.label}</strong></>} · the base model predicts{' '}
            <strong className={prediction.predicted === reference ? undefined : 'gallery-wrong'} data-testid="gallery-digit-prediction">
              {prediction.predicted}
            </strong>{' '}
            ({pct(prediction.confidence)}) · the maps explain class <strong>{target}</strong>
          </p>
        </div>
      </header>
      <div className="gallery-table-wrap">
        <table className="gallery-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              {request.thresholds.map((t) => (
                <th scope="col" key={t}>
                  {request.mask.mode === 'roar' ? 'remove' : 'keep'} {percent(t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, j) => (
              <MethodRow
                key={row.method}
                row={row}
                params={request.methods[j].params}
                mask={request.mask}
                imageIndex={input.index}
                reference={reference}
                scale={scale}
              />
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
