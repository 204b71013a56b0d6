import { useEffect, useRef, useState } from 'react';
import { IMAGE_SIZE } from '../../engine/defaults';
import type { Rgb } from '../colorMaps';
import { paintPixels } from './pixelImages';

/** The pixel the arrow keys move to from `p`, staying inside the image. */
function step(p: number, key: string): number | null {
  const row = Math.floor(p / IMAGE_SIZE);
  const col = p % IMAGE_SIZE;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const m = moves[key];
  if (!m) return null;
  const r = Math.min(IMAGE_SIZE - 1, Math.max(0, row + m[0]));
  const c = Math.min(IMAGE_SIZE - 1, Math.max(0, col + m[1]));
  return r * IMAGE_SIZE + c;
}

/**
 * A 28×28 image drawn with `scale` CSS pixels per MNIST pixel. `onHover` receives the pixel under the mouse
 * (row-major index) or null when the mouse leaves; such an image also takes focus, and the arrow keys then
 * move through its pixels, so the readout is reachable without a mouse. Callers memoise `colours` and
 * `marks`: a new array repaints.
 */
export function PixelCanvas(props: { colours: readonly Rgb[]; scale: number; label: string; marks?: Uint8Array; onHover?: (pixel: number | null) => void }) {
  const { colours, scale, label, marks, onHover } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState(IMAGE_SIZE * (IMAGE_SIZE / 2) + IMAGE_SIZE / 2);
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
      tabIndex={onHover ? 0 : undefined}
      aria-keyshortcuts={onHover ? 'ArrowUp ArrowDown ArrowLeft ArrowRight' : undefined}
      onFocus={onHover ? () => onHover(cursor) : undefined}
      onBlur={onHover ? () => onHover(null) : undefined}
      onKeyDown={
        onHover
          ? (e) => {
              const next = step(cursor, e.key);
              if (next === null) return;
              e.preventDefault();
              setCursor(next);
              onHover(next);
            }
          : undefined
      }
    />
  );
}
