import { useMemo, useState } from 'react';
import { NARROW, useMediaQuery } from '../useMediaQuery';
import { digitTitle } from '../export/galleryText';
import { ScrollRegion } from '../ScrollRegion';
import type { GalleryImage } from '../../engine/gallery/galleryGrid';
import type { GalleryRequest } from '../../engine/gallery/galleryRequest';
import { percent } from './format';
import { MethodRow } from './MethodRow';
import { digitColours } from './pixelImages';
import { PixelCanvas } from './PixelCanvas';
import { pct } from '../../engine/percent';
import { DATASETS } from '../../engine/data/datasets';
import { useTraining } from '../labContext';

/** Canvases at 3×: 84 px, enough to see which pixels went; a long threshold list scrolls inside its region. */
const SCALE = 3;

/** On a phone the table shows one threshold at a time; these buttons step through them. */
function ColumnStepper(props: { labels: string[]; column: number; onColumn: (c: number) => void; title: string }) {
  const { labels, column, onColumn, title } = props;
  return (
    <div className="gallery-stepper" role="group" aria-label={`${title}: threshold shown`}>
      <button type="button" onClick={() => onColumn(column - 1)} disabled={column === 0} aria-label="Previous threshold">
        ◀
      </button>
      <span aria-live="polite" data-testid="gallery-column">
        {labels[column]} <span className="muted">({column + 1} of {labels.length})</span>
      </span>
      <button type="button" onClick={() => onColumn(column + 1)} disabled={column === labels.length - 1} aria-label="Next threshold">
        ▶
      </button>
    </div>
  );
}

/** One digit: what it is and what the base model makes of it, then its methods × thresholds table. */
export function DigitResult({ image, request }: { image: GalleryImage; request: GalleryRequest }) {
  const { input, prediction, target, rows } = image;
  // Fashion-MNIST's classes by name ("Sneaker"), MNIST's by digit.
  const names = DATASETS[useTraining((s) => s.model?.dataset ?? 'mnist')].classNames;
  const title = digitTitle(input.index);
  const colours = useMemo(() => digitColours(input.pixels), [input.pixels]);
  // A drawn digit has no label: a cell turns red when the prediction moves away from the drawing's own.
  const reference = input.label ?? prediction.predicted;
  const narrow = useMediaQuery(NARROW);
  const [column, setColumn] = useState(0);
  const shown = Math.min(column, request.thresholds.length - 1);
  // Hidden, not left out: the PNG export reads every cell's canvases from the page.
  const hidden = (c: number): boolean => narrow && c !== shown;
  const labels = request.thresholds.map((t) => `${request.mask.mode === 'roar' ? 'remove' : 'keep'} ${percent(t)}`);
  return (
    <article className="gallery-digit" aria-label={title} data-testid="gallery-digit">
      <header className="gallery-digit-head">
        <PixelCanvas colours={colours} scale={3} label={`${title}${input.label === null ? '' : `, label ${names[input.label]}`}`} />
        <div>
          <h3>{title}</h3>
          <p>
            {input.label === null ? 'No label (drawn)' : <>Label <strong>{names[input.label]}</strong></>} · the base model predicts{' '}
            <strong className={prediction.predicted === reference ? undefined : 'gallery-wrong'} data-testid="gallery-digit-prediction">
              {names[prediction.predicted]}
            </strong>{' '}
            ({pct(prediction.confidence)}) · the maps explain class <strong>{names[target]}</strong>
          </p>
        </div>
      </header>
      {narrow && labels.length > 1 ? <ColumnStepper labels={labels} column={shown} onColumn={setColumn} title={title} /> : null}
      <ScrollRegion className="gallery-table-wrap" label={`${title}: maps and masked digits (scrolls sideways)`}>
        <table className="gallery-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              {labels.map((label, c) => (
                <th scope="col" key={label} hidden={hidden(c)}>
                  {label}
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
                scale={SCALE}
                hidden={hidden}
              />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </article>
  );
}
