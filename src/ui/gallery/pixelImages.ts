/**
 * 28×28 images as RGBA bytes, and painting them block by block onto a canvas. Painting at the screen's own
 * resolution (CSS scale × device pixel ratio) keeps every MNIST pixel a sharp square of equal size.
 */
import { IMAGE_SIZE, PIXELS } from '../../engine/defaults';
import { colourOf, luminance, type MapScale, type Rgb } from '../colorMaps';

/** MNIST's own look: white ink on black. */
export function digitColours(pixels: ArrayLike<number>): Rgb[] {
  return Array.from({ length: PIXELS }, (_, p) => {
    const g = Math.round(Math.min(1, Math.max(0, pixels[p])) * 255);
    return [g, g, g] as const;
  });
}

export function heatmapColours(map: ArrayLike<number>, scale: MapScale): Rgb[] {
  return Array.from({ length: PIXELS }, (_, p) => colourOf(map[p], scale));
}

/**
 * Paints `colours` with each pixel a block×block square; where `marks` is 1, a dot in the square's centre,
 * dark on light colours and light on dark ones, so the marked set reads as a texture over any colour map.
 */
export function paintPixels(canvas: HTMLCanvasElement, colours: readonly Rgb[], block: number, marks?: Uint8Array): void {
  const size = IMAGE_SIZE * block;
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(size, size);
  const dot = Math.max(1, Math.round(block / 3));
  const d0 = Math.floor((block - dot) / 2);
  for (let p = 0; p < PIXELS; p++) {
    const c = colours[p];
    const marked = marks?.[p] === 1;
    const m = luminance(c) > 0.45 ? 20 : 235;
    const bx = (p % IMAGE_SIZE) * block;
    const by = Math.floor(p / IMAGE_SIZE) * block;
    for (let y = 0; y < block; y++) {
      for (let x = 0; x < block; x++) {
        const inDot = marked && x >= d0 && x < d0 + dot && y >= d0 && y < d0 + dot;
        const o = ((by + y) * size + bx + x) * 4;
        img.data[o] = inDot ? m : c[0];
        img.data[o + 1] = inDot ? m : c[1];
        img.data[o + 2] = inDot ? m : c[2];
        img.data[o + 3] = 255;
      }
    }
  }
  ctx.putImageData(img, 0, 0);
}
