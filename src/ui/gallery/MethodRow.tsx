import { useMemo, useState } from 'react';
import { methodInfo, type MethodId } from '../../engine/attribution/catalog';
import type { MaskConfig } from '../../engine/defaults';
import type { GalleryRow } from '../../engine/gallery/galleryGrid';
import { mapScale } from '../colorMaps';
import { ColorLegend } from './ColorLegend';
import { paramsText, pixelText } from './format';
import { GalleryCellView } from './GalleryCellView';
import { heatmapColours } from './pixelImages';
import { rankingOrder } from './rankingOrder';

/** One method's row: its name, colour scale and explanation, then one cell per threshold. */
export function MethodRow(props: {
  row: GalleryRow;
  params: Record<string, unknown>;
  mask: MaskConfig;
  imageIndex: number;
  reference: number;
  scale: number;
  hidden: (column: number) => boolean;
}) {
  const { row, params, mask, imageIndex, reference, scale, hidden } = props;
  const id = row.methodId as MethodId;
  const entry = methodInfo(id);
  const colourScale = useMemo(() => mapScale(row.map, row.signed), [row]);
  const colours = useMemo(() => heatmapColours(row.map, colourScale), [row, colourScale]);
  const order = useMemo(() => rankingOrder(row.map, id, mask, imageIndex), [row, id, mask, imageIndex]);
  const [hover, setHover] = useState<number | null>(null);
  const settings = paramsText(id, params);
  return (
    <tr>
      <th scope="row" className="gallery-row-head">
        <span className="gallery-method-name">{entry.label}</span>
        {settings ? <span className="gallery-settings">{settings}</span> : null}
        <ColorLegend scale={colourScale} />
        <span className="gallery-readout" data-testid="gallery-readout" aria-live="polite">
          {hover === null ? null : pixelText(hover, row.map[hover])}
        </span>
        <details>
          <summary>What it computes</summary>
          <p>{entry.description}</p>
        </details>
      </th>
      {row.cells.map((cell, c) => (
        <GalleryCellView
          key={cell.threshold}
          hidden={hidden(c)}
          methodId={row.methodId}
          methodLabel={entry.label}
          cell={cell}
          mapColours={colours}
          order={order}
          mode={mask.mode}
          reference={reference}
          scale={scale}
          onHover={setHover}
        />
      ))}
    </tr>
  );
}
