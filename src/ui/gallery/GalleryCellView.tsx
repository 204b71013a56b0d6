import { useMemo, useState } from 'react';
import type { MaskMode } from '../../engine/defaults';
import type { GalleryCell } from '../../engine/gallery/galleryGrid';
import { removedMask } from '../../engine/masking/mask';
import type { Rgb } from '../colorMaps';
import { percent } from './format';
import { digitColours } from './pixelImages';
import { PixelCanvas } from './PixelCanvas';
import { pct } from '../../engine/percent';

/**
 * One threshold of one method: the map with the pixels replaced at this threshold dotted, beside the digit
 * after the replacement, and what the base model now predicts (red when it is no longer `reference`).
 */
export function GalleryCellView(props: {
  methodId: string;
  methodLabel: string;
  cell: GalleryCell;
  mapColours: readonly Rgb[];
  order: Uint16Array;
  mode: MaskMode;
  reference: number;
  scale: number;
  hidden: boolean;
  onHover: (pixel: number | null) => void;
}) {
  const { methodId, methodLabel, cell, mapColours, order, mode, reference, scale, hidden, onHover } = props;
  // Enlarged, the pair fills a phone's width: a tap on either image, or the button, toggles it.
  const [zoomed, setZoomed] = useState(false);
  const removed = useMemo(() => removedMask(order, cell.threshold, mode), [order, cell.threshold, mode]);
  const masked = useMemo(() => digitColours(cell.masked), [cell.masked]);
  const { predicted, confidence: p } = cell.prediction;
  const what = `${percent(cell.threshold)} of pixels ${mode === 'roar' ? 'removed' : 'kept'}`;
  return (
    <td className="gallery-cell" data-testid="gallery-cell" data-method={methodId} data-threshold={cell.threshold} hidden={hidden}>
      <div className={zoomed ? 'gallery-pair gallery-zoomed' : 'gallery-pair'} onClick={() => setZoomed(!zoomed)}>
        <PixelCanvas colours={mapColours} marks={removed} scale={scale} label={`${methodLabel} map; dots mark the replaced pixels (${what}); arrow keys read pixel values`} onHover={onHover} />
        <PixelCanvas colours={masked} scale={scale} label={`The digit with ${what}`} />
      </div>
      <div className="gallery-cell-foot">
        <p className={predicted === reference ? 'gallery-pred' : 'gallery-pred gallery-wrong'} data-testid="gallery-prediction">
          predicts <strong>{predicted}</strong> · {pct(p)}
        </p>
        <button type="button" className="gallery-zoom" aria-pressed={zoomed} onClick={() => setZoomed(!zoomed)} aria-label={`Enlarge ${methodLabel}, ${what}`}>
          {zoomed ? '−' : '+'}
        </button>
      </div>
    </td>
  );
}
