/**
 * The gallery grid as one PNG: the grid's own canvases copied block for block onto one canvas, with the
 * labels the page sets in HTML (digit header, method names and colour scales, threshold headers,
 * predictions) drawn with fillText, at 2× for print.
 */
import type { GalleryResult } from '../../state/galleryState';
import { colourOf, formatValue, mapScale } from '../colorMaps';
import { GALLERY_METRICS as M, galleryLayout, pageDigits } from './galleryLayout';
import { digitLine, digitTitle, methodLabel, predictionText, referenceClass, thresholdHeader, type TextRun } from './galleryText';
import { wrapText } from './wrapText';

const SCALE = 2;
/** 3 CSS pixels per MNIST pixel, the page's own size for short rows. */
const CELL = 84;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const INK = '#1b1f23';
const MUTED = '#5b6570';
const WRONG = '#b03a2e';
const RULE = '#dde1e6';
const LEGEND_WIDTH = 150;

const font = (size: number, bold = false): string => `${bold ? '700 ' : ''}${size}px ${FONT}`;

function text(ctx: CanvasRenderingContext2D, s: string, x: number, y: number, size: number, colour = INK, bold = false, maxWidth?: number): void {
  ctx.font = font(size, bold);
  ctx.fillStyle = colour;
  ctx.fillText(s, x, y, maxWidth);
}

function runs(ctx: CanvasRenderingContext2D, parts: TextRun[], x: number, y: number, size: number): void {
  for (const r of parts) {
    text(ctx, r.text, x, y, size, r.wrong ? WRONG : INK, r.bold);
    x += ctx.measureText(r.text).width;
  }
}

/** The row's colour bar sampled pixel by pixel from the same scale as its map, with its end values. */
function colourBar(ctx: CanvasRenderingContext2D, map: Float32Array, signed: boolean, x: number, y: number): void {
  const scale = mapScale(map, signed);
  for (let i = 0; i < LEGEND_WIDTH; i++) {
    const [r, g, b] = colourOf(scale.lo + ((scale.hi - scale.lo) * (i + 0.5)) / LEGEND_WIDTH, scale);
    ctx.fillStyle = `rgb(${r} ${g} ${b})`;
    ctx.fillRect(x + i, y, 1, 9);
  }
  ctx.strokeStyle = '#c9cfd6';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, LEGEND_WIDTH - 1, 8);
  text(ctx, formatValue(scale.lo), x, y + 21, 11, MUTED);
  if (signed) {
    ctx.textAlign = 'center';
    text(ctx, '0', x + LEGEND_WIDTH / 2, y + 21, 11, MUTED);
  }
  ctx.textAlign = 'right';
  text(ctx, formatValue(scale.hi), x + LEGEND_WIDTH, y + 21, 11, MUTED);
  ctx.textAlign = 'left';
}

/** The longest side of one exported PNG, in device pixels: larger canvases fail in some browsers and fit no slide. */
export const MAX_PNG_PX = 8000;

/**
 * `grid` is the `[data-testid=gallery-grid]` element showing `result`: one PNG per page, each at most
 * MAX_PNG_PX on its long side (usually one page; a long grid is split between digits).
 */
export async function galleryPngs(grid: Element, result: GalleryResult): Promise<Blob[]> {
  const { images, request } = result;
  const digits = Array.from(grid.querySelectorAll('[data-testid=gallery-digit]'));
  if (digits.length !== images.length) throw new Error('the grid on the page does not match the computed maps');
  const pages = pageDigits(images.map((im) => im.rows.length), request.thresholds.length, CELL, MAX_PNG_PX / SCALE);
  const blobs: Blob[] = [];
  for (const [p, page] of pages.entries()) {
    blobs.push(await pagePng(page.map((i) => images[i]), page.map((i) => digits[i]), request, pages.length > 1 ? ` (page ${p + 1} of ${pages.length})` : ''));
  }
  return blobs;
}

function pagePng(images: GalleryResult['images'], digits: Element[], request: GalleryResult['request'], pageNote: string): Promise<Blob> {
  const columns = request.thresholds.length;
  const layout = galleryLayout(
    images.map((im) => im.rows.length),
    columns,
    CELL,
  );
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser gave no 2D canvas'));
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  // MNIST pixels stay sharp squares, as on the page.
  ctx.imageSmoothingEnabled = false;

  text(ctx, `ROAR Lab · attribution maps${pageNote}`, M.pad, M.pad + 18, 18, INK, true);
  text(ctx, "In each cell: left, the method's map with a dot on each pixel replaced at that threshold;", M.pad, M.pad + 42, 12, MUTED);
  text(ctx, 'right, the digit after the replacement and what the base model predicts (red when it changed).', M.pad, M.pad + 59, 12, MUTED);

  images.forEach((image, i) => {
    const block = layout.digits[i];
    const article = digits[i];
    const head = article.querySelector<HTMLCanvasElement>('.gallery-digit-head canvas');
    if (head) ctx.drawImage(head, M.pad, block.top, CELL, CELL);
    text(ctx, digitTitle(image.input.index), M.pad + CELL + 12, block.top + 32, 16, INK, true);
    runs(ctx, digitLine(image), M.pad + CELL + 12, block.top + 56, 14);
    request.thresholds.forEach((t, c) => text(ctx, thresholdHeader(t, request.mask.mode), layout.columnX[c], block.headerTop + 16, 13, MUTED, true));

    const cells = article.querySelectorAll('[data-testid=gallery-cell]');
    image.rows.forEach((row, r) => {
      const y = block.rowTops[r];
      ctx.fillStyle = RULE;
      ctx.fillRect(M.pad, y - 6, layout.width - 2 * M.pad, 1);
      const label = methodLabel(row.methodId, request.methods[r].params);
      const width = M.labelWidth - 12;
      text(ctx, label.name, M.pad, y + 14, 14, INK, true, width);
      ctx.font = font(12);
      // Two lines of settings at most keep the colour bar within the row's height.
      const settings = wrapText(label.settings, width, (s) => ctx.measureText(s).width, 2);
      settings.forEach((line, k) => text(ctx, line, M.pad, y + 31 + 15 * k, 12, MUTED, false, width));
      colourBar(ctx, row.map, row.signed, M.pad, y + 27 + 15 * Math.max(1, settings.length));
      row.cells.forEach((cell, c) => {
        const x = layout.columnX[c];
        const [map, masked] = Array.from(cells[r * columns + c]?.querySelectorAll('canvas') ?? []);
        if (map) ctx.drawImage(map, x, y, CELL, CELL);
        if (masked) ctx.drawImage(masked, x + CELL + M.pairGap, y, CELL, CELL);
        const wrong = cell.prediction.predicted !== referenceClass(image);
        text(ctx, predictionText(cell.prediction), x, y + CELL + 15, 12, wrong ? WRONG : INK, false, 2 * CELL + M.pairGap);
      });
    });
  });

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'));
}
