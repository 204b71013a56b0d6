import { useEffect, useRef } from 'react';
import { IMAGE_SIZE } from '../../engine/defaults';
import type { Rgb } from '../colorMaps';
import { paintPixels } from './pixelImages';

/**
 * A 28×28 image drawn with `scale` CSS pixels per MNIST pixel. `onHover` receives the pixel under the mouse
 * (row-major index) or null when the mouse leaves. Callers memoise `colours` and `marks`: a new array repaints.
 */
export function PixelCanvas(props: { colours: readonly Rgb[]; scale: number; label: string; marks?: Uint8Array; onHover?: (pixel: number | null) => void }) {
  const { colours, scale, label, marks, onHover } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) paintPixels(ref.current, colours, scale * Math.max(1, Math.round(window.devicePixelRatio || 1)), marks);
  }, [colours, scale, marks]);
  const size = IMAGE_SIZE * scale;
  return (
    <canvas
      ref={ref}
      className="gallery-pixels"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
      onMouseMove={
        onHover
          ? (e) => {
              const r = e.currentTarget.getBoundingClientRect();
              const col = Math.min(IMAGE_SIZE - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * IMAGE_SIZE)));
              const row = Math.min(IMAGE_SIZE - 1, Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * IMAGE_SIZE)));
              onHover(row * IMAGE_SIZE + col);
            }
          : undefined
      }
      onMouseLeave={onHover ? () => onHover(null) : undefined}
    />
  );
}
