import { useMemo } from 'react';
import type { MethodId } from '../../engine/attribution/catalog';
import type { MaskConfig } from '../../engine/defaults';
import type { GalleryRow } from '../../engine/gallery/galleryGrid';
import { removedMask } from '../../engine/masking/mask';
import { mapScale } from '../colorMaps';
import { heatmapColours } from '../gallery/pixelImages';
import { PixelCanvas } from '../gallery/PixelCanvas';
import { rankingOrder } from '../gallery/rankingOrder';

/** A row's attribution map with the pixels replaced at `threshold` dotted, as the gallery's cells draw it. */
export function MethodMap(props: { row: GalleryRow; mask: MaskConfig; imageIndex: number; threshold: number; scale: number; label: string }) {
  const { row, mask, imageIndex, threshold, scale, label } = props;
  const colours = useMemo(() => heatmapColours(row.map, mapScale(row.map, row.signed)), [row]);
  const order = useMemo(() => rankingOrder(row.map, row.methodId as MethodId, mask, imageIndex), [row, mask, imageIndex]);
  const marks = useMemo(() => removedMask(order, threshold, mask.mode), [order, threshold, mask.mode]);
  return <PixelCanvas colours={colours} marks={marks} scale={scale} label={label} />;
}
