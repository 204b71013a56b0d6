/**
 * Where everything goes on the exported gallery PNG, in CSS pixels (the canvas is drawn at 2×): a title,
 * then per digit a header (the digit and what the model predicts) and a methods × thresholds table whose
 * cells hold the map beside the masked digit, with the prediction underneath.
 */
export const GALLERY_METRICS = {
  pad: 16,
  /** Title and the two lines that explain a cell. */
  titleHeight: 70,
  /** Method name, settings and colour scale. */
  labelWidth: 200,
  pairGap: 4,
  columnGap: 12,
  thresholdHeader: 28,
  /** The prediction under a cell. */
  predictionLine: 20,
  rowGap: 10,
  headGap: 12,
  blockGap: 24,
  /** Wide enough for the explanation lines and a digit's header. */
  minWidth: 620,
} as const;

export interface DigitBlock {
  /** Top of the digit's header; the digit image is one cell tall. */
  top: number;
  /** Top of the threshold headers' line. */
  headerTop: number;
  rowTops: number[];
}

export interface GalleryLayout {
  width: number;
  height: number;
  /** Left edge of each threshold column (the map; the masked digit follows after `pairGap`). */
  columnX: number[];
  digits: DigitBlock[];
}

export function galleryLayout(rowsPerDigit: number[], columns: number, cell: number): GalleryLayout {
  const m = GALLERY_METRICS;
  const pairWidth = 2 * cell + m.pairGap;
  const tableLeft = m.pad + m.labelWidth;
  const columnX = Array.from({ length: columns }, (_, c) => tableLeft + c * (pairWidth + m.columnGap));
  const tableWidth = columns * pairWidth + Math.max(0, columns - 1) * m.columnGap;
  const width = Math.max(m.minWidth, tableLeft + tableWidth + m.pad);
  const rowHeight = cell + m.predictionLine + m.rowGap;
  let y = m.pad + m.titleHeight;
  const digits = rowsPerDigit.map((rows, i): DigitBlock => {
    if (i > 0) y += m.blockGap;
    const top = y;
    const headerTop = top + cell + m.headGap;
    const rowTops = Array.from({ length: rows }, (_, r) => headerTop + m.thresholdHeader + r * rowHeight);
    y = headerTop + m.thresholdHeader + rows * rowHeight;
    return { top, headerTop, rowTops };
  });
  return { width, height: y + m.pad - m.rowGap, columnX, digits };
}

/**
 * The digits of each exported page, in order: as many as fit `maxHeight` (CSS pixels), at least one. A grid of
 * 16 digits × 14 methods is ~25,000 px tall, past what browsers can draw on one canvas and what a slide shows.
 */
export function pageDigits(rowsPerDigit: number[], columns: number, cell: number, maxHeight: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  for (const [i] of rowsPerDigit.entries()) {
    const tried = [...page, i];
    if (page.length && galleryLayout(tried.map((d) => rowsPerDigit[d]), columns, cell).height > maxHeight) {
      pages.push(page);
      page = [i];
    } else page = tried;
  }
  if (page.length) pages.push(page);
  return pages;
}
