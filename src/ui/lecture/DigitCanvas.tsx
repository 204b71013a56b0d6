import { useMemo } from 'react';
import { digitColours } from '../gallery/pixelImages';
import { PixelCanvas } from '../gallery/PixelCanvas';

/** A digit (784 values in [0, 1]) drawn as the gallery draws digits. */
export function DigitCanvas({ pixels, scale, label }: { pixels: Float32Array; scale: number; label: string }) {
  const colours = useMemo(() => digitColours(pixels), [pixels]);
  return <PixelCanvas colours={colours} scale={scale} label={label} />;
}
